import { Inject, Injectable } from '@nestjs/common';
import { AccessRequestsService } from '../access-requests/access-requests.service.js';
import { AWAITING_ASSESSMENT_STATUSES } from '../applications/application.lifecycle.js';
import { ApplicationsService } from '../applications/applications.service.js';
import type { Actor } from '../core/context/request-context.js';
import { ExtensionsService } from '../extensions/extensions.service.js';
import { FinalAccountsService } from '../payments/final-accounts.service.js';
import { InstalmentsService } from '../payments/instalments.service.js';
import { ReportsService } from '../reports/reports.service.js';
import type { WorklistCountsQuery, WorklistCountsResponse } from './dto/worklist.dto.js';

/**
 * The caseworker's worklist (arbejdsliste) at a glance: how many items wait in each queue. Each count
 * is the count of the queue's own list with the same filters, asked of the context that owns the list
 * (its conditions, one `count(*)` on the indexes the list walks), so a number never disagrees with the
 * list it leads to.
 */
@Injectable()
export class WorklistService {
  constructor(
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(ExtensionsService) private readonly extensions: ExtensionsService,
    @Inject(AccessRequestsService) private readonly accessRequests: AccessRequestsService,
    @Inject(InstalmentsService) private readonly instalments: InstalmentsService,
    @Inject(FinalAccountsService) private readonly finalAccounts: FinalAccountsService,
  ) {}

  /** One count after the other: eleven short queries on one connection, not eleven connections of the pool for one request. */
  async counts(filters: WorklistCountsQuery, actor: Actor): Promise<WorklistCountsResponse> {
    const { programmeId, municipalityCode, assigneeId } = filters;
    const shared = { programmeId, municipalityCode, assigneeId };
    return {
      awaitingAssessment: await this.applications.count({ ...shared, status: AWAITING_ASSESSMENT_STATUSES }, actor),
      awaitingMyDecision: await this.applications.count({ ...shared, decidableBy: 'me' }, actor),
      reportsToReview: await this.reports.count({ ...shared, status: 'submitted' }, actor),
      extensionsToDecide: await this.extensions.count({ ...shared, status: 'submitted' }, actor),
      overdueReports: await this.reports.count({ ...shared, status: 'overdue' }, actor),
      accessRequestsOpen: await this.accessRequests.count({ ...shared, status: 'open' }, actor),
      accessRequestsOverdue: await this.accessRequests.count({ ...shared, overdue: true }, actor),
      instalmentsReady: await this.instalments.count({ ...shared, status: 'ready' }, actor),
      finalAccountsToReview: await this.finalAccounts.countFinalAccounts({ ...shared, status: 'submitted' }, actor),
      repaymentsOpen: await this.finalAccounts.countRepayments({ ...shared, status: 'open' }, actor),
      repaymentsOverdue: await this.finalAccounts.countRepayments({ ...shared, status: 'overdue' }, actor),
    };
  }
}
