import { CreateMunicipalities1764100000000 } from './1764100000000-create-municipalities.js';
import { CreateAuditEvents1764200000000 } from './1764200000000-create-audit-events.js';
import { CreateUsersAndSessions1764300000000 } from './1764300000000-create-users-and-sessions.js';
import { CreateProgrammes1764400000000 } from './1764400000000-create-programmes.js';
import { CreateApplications1764500000000 } from './1764500000000-create-applications.js';
import { CreateAssessmentsDecisionsAwards1764600000000 } from './1764600000000-create-assessments-decisions-awards.js';
import { CreateExtensionsAndReports1764700000000 } from './1764700000000-create-extensions-and-reports.js';
import { CreateRemindersAndNotifications1764800000000 } from './1764800000000-create-reminders-and-notifications.js';
import { AddMunicipalityOfficialNames1764900000000 } from './1764900000000-add-municipality-official-names.js';
import { AddProgrammeLedgerVersion1765000000000 } from './1765000000000-add-programme-ledger-version.js';
import { CreateApplicationParticipants1765100000000 } from './1765100000000-create-application-participants.js';
import { AddAuditAppendFunction1765200000000 } from './1765200000000-add-audit-append-function.js';
import { OrderReminderIdsByTime1765300000000 } from './1765300000000-order-reminder-ids-by-time.js';
import { CreateInstallationSecrets1765400000000 } from './1765400000000-create-installation-secrets.js';
import { AddSignInThrottleAndApprovals1765500000000 } from './1765500000000-add-sign-in-throttle-and-approvals.js';
import { KeyTheAuditChainAndSeparateRoles1765600000000 } from './1765600000000-key-the-audit-chain-and-separate-roles.js';
import { VersionTheLedgerByEverySource1765700000000 } from './1765700000000-version-the-ledger-by-every-source.js';
import { AddDecisionModeAndAssessmentHandover1765850000000 } from './1765850000000-add-decision-mode-and-assessment-handover.js';
import { AddCaseContactsAssignmentAndOutcomes1765800000000 } from './1765800000000-add-case-contacts-assignment-and-outcomes.js';
import { SearchWithoutAccentsAndSortableLists1765910000000 } from './1765910000000-search-without-accents-and-sortable-lists.js';
import { RecordHistoricalClosingAndAssumedValues1765920000000 } from './1765920000000-record-historical-closing-and-assumed-values.js';
import { RecordWhenAnExtensionRequestIsWithdrawn1766000000000 } from './1766000000000-record-when-an-extension-request-is-withdrawn.js';
import { IndexApplicationsByStatus1766100000000 } from './1766100000000-index-applications-by-status.js';
import { VersionTheLedgerByApplicationThemes1766300000000 } from './1766300000000-version-the-ledger-by-application-themes.js';
import { CreateDocumentsAndTheCaseJournal1766400000000 } from './1766400000000-create-documents-and-the-case-journal.js';
import { StructureTheApplication1766500000000 } from './1766500000000-structure-the-application.js';
import { CreatePaymentPlansAndInstalments1766600000000 } from './1766600000000-create-payment-plans-and-instalments.js';
import { CreateFinalAccountsRepaymentsAndReleases1766700000000 } from './1766700000000-create-final-accounts-repayments-and-releases.js';
import { RecordAwardAmendmentsAndCancellations1766800000000 } from './1766800000000-record-award-amendments-and-cancellations.js';
import { RemindOfInstalmentsWaitingForApproval1766810000000 } from './1766810000000-remind-of-instalments-waiting-for-approval.js';
import { CreateAccessRequests1766500001000 } from './1766500001000-create-access-requests.js';
import { PutAccessRequestsOnTheCaseTrail1766550000000 } from './1766550000000-put-access-requests-on-the-case-trail.js';
import { ChainTheAuditTrailAtCommit1766560000000 } from './1766560000000-chain-the-audit-trail-at-commit.js';
import { MoveTheLedgerVersionAtCommit1766570000000 } from './1766570000000-move-the-ledger-version-at-commit.js';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list works compiled, in the
 * migration CLI and under Jest; `test/e2e/migrations.e2e-spec.ts` fails when a file is missing here.
 */
export const migrations = [
  CreateMunicipalities1764100000000,
  CreateAuditEvents1764200000000,
  CreateUsersAndSessions1764300000000,
  CreateProgrammes1764400000000,
  CreateApplications1764500000000,
  CreateAssessmentsDecisionsAwards1764600000000,
  CreateExtensionsAndReports1764700000000,
  CreateRemindersAndNotifications1764800000000,
  AddMunicipalityOfficialNames1764900000000,
  AddProgrammeLedgerVersion1765000000000,
  CreateApplicationParticipants1765100000000,
  AddAuditAppendFunction1765200000000,
  OrderReminderIdsByTime1765300000000,
  CreateInstallationSecrets1765400000000,
  AddSignInThrottleAndApprovals1765500000000,
  KeyTheAuditChainAndSeparateRoles1765600000000,
  VersionTheLedgerByEverySource1765700000000,
  AddCaseContactsAssignmentAndOutcomes1765800000000,
  AddDecisionModeAndAssessmentHandover1765850000000,
  SearchWithoutAccentsAndSortableLists1765910000000,
  RecordHistoricalClosingAndAssumedValues1765920000000,
  RecordWhenAnExtensionRequestIsWithdrawn1766000000000,
  IndexApplicationsByStatus1766100000000,
  VersionTheLedgerByApplicationThemes1766300000000,
  CreateDocumentsAndTheCaseJournal1766400000000,
  StructureTheApplication1766500000000,
  CreateAccessRequests1766500001000,
  PutAccessRequestsOnTheCaseTrail1766550000000,
  ChainTheAuditTrailAtCommit1766560000000,
  MoveTheLedgerVersionAtCommit1766570000000,
  CreatePaymentPlansAndInstalments1766600000000,
  CreateFinalAccountsRepaymentsAndReleases1766700000000,
  RecordAwardAmendmentsAndCancellations1766800000000,
  RemindOfInstalmentsWaitingForApproval1766810000000,
];
