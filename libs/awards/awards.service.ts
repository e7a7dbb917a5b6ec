import { Inject, Injectable } from '@nestjs/common';
import { CasePeople } from '../applications/case-people.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { findVisible, restrictToKommune } from '../core/access/kommune-scope.js';
import type { Actor } from '../core/context/request-context.js';
import { keysetPage, type ListOrders, type Page } from '../core/pagination/page.js';
import type { AuditRecord } from '../audit/audit.service.js';
import { Award } from './award.entity.js';
import { AwardAmendment } from './award-amendment.entity.js';
import type { AwardVersionKind } from './award-versions.js';
import { nextAwardStatus } from './award.lifecycle.js';
import { extensionMonthsLeft } from './extension-allowance.js';
import { type AwardQuery, AwardResponse, type AwardSortField } from './dto/award.dto.js';

/** The orders of the list, each on an index of its own (migration 1765910000000). */
export const AWARD_ORDERS: ListOrders<Award, AwardSortField> = {
  default: '-createdAt',
  keys: {
    createdAt: [
      { column: 'award.created_at', key: (row) => row.createdAt.toISOString() },
      { column: 'award.id', key: (row) => row.id },
    ],
    decidedAt: [
      { column: 'award.decided_at', key: (row) => row.decidedAt.toISOString() },
      { column: 'award.id', key: (row) => row.id },
    ],
    amountOre: [
      { column: 'award.amount_ore', key: (row) => row.amountOre.toString() },
      { column: 'award.id', key: (row) => row.id },
    ],
    // Unique: no tie to break.
    caseNumber: [{ column: 'award.case_number', key: (row) => row.caseNumber }],
    endDate: [
      { column: 'award.end_date', key: (row) => row.endDate },
      { column: 'award.id', key: (row) => row.id },
    ],
  },
};

/** The audit action of each kind of version. */
const VERSION_ACTIONS = {
  amount: 'award.amended',
  period: 'award.amended',
  contact: 'award.amended',
  cancellation: 'award.cancelled',
  reopening: 'award.reopened',
} as const;

@Injectable()
export class AwardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CasePeople) private readonly people: CasePeople,
  ) {}

  /** The answers for some awards, with their project's title, kommune and people named, and the extension months left: one query. */
  async respond(awards: Award[], manager: EntityManager = this.dataSource.manager): Promise<AwardResponse[]> {
    const { labels, people } = await this.people.labels(
      awards.map((award) => award.applicationId),
      awards.map((award) => award.decidedBy),
      manager,
    );
    return awards.map((award) => {
      const label = labels.get(award.applicationId);
      return AwardResponse.from(award, {
        projectTitle: label?.projectTitle ?? '',
        municipalityName: label?.municipalityName ?? award.municipalityCode,
        decidedByName: people.get(award.decidedBy) ?? null,
        assigneeId: label?.assigneeId ?? null,
        assigneeName: label?.assigneeName ?? null,
        extensionMonthsLeft: extensionMonthsLeft(label?.maxCovidExtensionMonths ?? 0, award.approvedExtensionMonths),
      });
    });
  }

  /** The award a decision made on an application, if any. */
  forApplication(manager: EntityManager, applicationId: string): Promise<Award | null> {
    return manager.findOneBy(Award, { applicationId });
  }

  /** The award if the actor may see it (a project lead: their kommune's), optionally locked; else 404. */
  async findVisible(manager: EntityManager, id: string, actor: Actor, lock = false): Promise<Award> {
    return findVisible(manager, Award, 'award', id, actor, { lock, label: 'Tilsagnet' });
  }

  /** A new, active award of a decision: its period as decided, no extension yet. In the decision's transaction. */
  create(
    manager: EntityManager,
    fields: Pick<
      Award,
      | 'applicationId'
      | 'programmeId'
      | 'municipalityCode'
      | 'participantCodes'
      | 'caseNumber'
      | 'amountOre'
      | 'startDate'
      | 'endDate'
      | 'decidedBy'
      | 'decidedAt'
    > &
      Partial<Pick<Award, 'assumed'>>,
  ): Promise<Award> {
    return manager.save(manager.create(Award, { ...fields, originalEndDate: fields.endDate, status: 'active', approvedExtensionMonths: 0 }));
  }

  /**
   * Closes an award a historical import brought in, straight from active (`close_historical`): the
   * project ended before this system knew it, and its follow-up is registered elsewhere or not at all.
   * The reason is kept on the award and in the audit event returned for the caller's transaction. A
   * closed award still counts as committed on the ledger (only a cancelled one does not), and nothing
   * reminds anyone of it (the planner plans for active awards only).
   */
  async closeHistorical(manager: EntityManager, award: Award, closing: { reason: string; at: Date }): Promise<{ award: Award; event: AuditRecord }> {
    const before = { status: award.status, closedAt: award.closedAt, closedReason: award.closedReason };
    award.status = nextAwardStatus(award.status, 'close_historical');
    award.closedAt = closing.at;
    award.closedReason = closing.reason;
    const saved = await manager.save(award);
    return {
      award: saved,
      event: {
        action: 'award.closed',
        entityType: 'award',
        entityId: saved.id,
        before,
        after: { status: saved.status, closedAt: closing.at.toISOString(), closedReason: closing.reason, historical: true },
      },
    };
  }

  /**
   * Records a version of the award (an amendment, its cancellation or its reopening) in the change's
   * transaction, the award locked by the caller: numbered after the award's last, with the audit event
   * that puts it on the case's trail.
   */
  async recordVersion(
    manager: EntityManager,
    award: Award,
    change: { kind: AwardVersionKind; before: Record<string, unknown>; after: Record<string, unknown>; rationale: string; decidedBy: string; decidedAt: Date },
  ): Promise<{ amendment: AwardAmendment; event: AuditRecord }> {
    const [last]: Array<{ version: number | null }> = await manager.query('SELECT max(version) AS version FROM award_amendment WHERE award_id = $1', [
      award.id,
    ]);
    const amendment = await manager.save(
      manager.create(AwardAmendment, {
        awardId: award.id,
        applicationId: award.applicationId,
        programmeId: award.programmeId,
        participantCodes: award.participantCodes,
        version: (last?.version ?? 0) + 1,
        ...change,
      }),
    );
    return {
      amendment,
      event: {
        action: VERSION_ACTIONS[change.kind],
        entityType: 'award_amendment',
        entityId: amendment.id,
        before: change.before,
        after: { awardId: award.id, version: amendment.version, kind: change.kind, ...change.after, rationale: change.rationale },
      },
    };
  }

  /** The award's versions, the first first, for those who may see the award (another kommune: 404). */
  async versions(awardId: string, actor: Actor): Promise<AwardAmendment[]> {
    await this.findVisible(this.dataSource.manager, awardId, actor);
    return this.dataSource.manager.find(AwardAmendment, { where: { awardId }, order: { version: 'ASC' } });
  }

  get(id: string, actor: Actor): Promise<Award> {
    return this.findVisible(this.dataSource.manager, id, actor);
  }

  async list(query: AwardQuery, actor: Actor): Promise<Page<Award>> {
    const builder = this.dataSource.getRepository(Award).createQueryBuilder('award');
    restrictToKommune(builder, 'award', actor);
    if (query.programmeId) builder.andWhere('award.programme_id = :programmeId', { programmeId: query.programmeId });
    if (query.status) builder.andWhere('award.status = :status', { status: query.status });
    if (query.municipalityCode) builder.andWhere(':code = ANY(award.participant_codes)', { code: query.municipalityCode });
    if (query.assigneeId) {
      const assignee = query.assigneeId === 'me' ? actor.id : query.assigneeId;
      builder.andWhere(
        query.assigneeId === 'none'
          ? 'EXISTS (SELECT 1 FROM application a WHERE a.id = award.application_id AND a.assignee_id IS NULL)'
          : 'EXISTS (SELECT 1 FROM application a WHERE a.id = award.application_id AND a.assignee_id = :assignee)',
        { assignee },
      );
    }
    return keysetPage(builder, 'awards', query, AWARD_ORDERS);
  }
}
