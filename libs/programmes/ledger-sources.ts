/**
 * Every column the ledger answer shows, by table. `programme.ledger_version` must move in the
 * transaction of any change to one of them (the triggers of the migrations AddProgrammeLedgerVersion,
 * VersionTheLedgerByEverySource, CreatePaymentPlansAndInstalments and CreateFinalAccountsRepaymentsAndReleases;
 * since MoveTheLedgerVersionAtCommit it moves at the commit, so the programme row is not held locked from the
 * change on), or a process would serve a ledger it cached before the change.
 * `test/e2e/ledger-version.e2e-spec.ts` changes each of these columns and checks that it does; a column
 * the ledger starts to show belongs here, with a trigger, before it ships.
 */
export const LEDGER_SOURCES = {
  programme: ['budget_ore', 'min_application_ore'],
  award: ['programme_id', 'amount_ore', 'status', 'case_number', 'municipality_code'],
  budget_adjustment: ['programme_id', 'delta_ore', 'reason', 'created_by', 'created_at'],
  /** The amount applied for and the themes, beside each award line. */
  application: ['requested_ore', 'themes'],
  /** The kommune's name, in the totals per kommune. */
  municipality: ['name'],
  /** What is paid and what is approved but unpaid, per award and in total. */
  instalment: ['programme_id', 'award_id', 'amount_ore', 'status'],
  /** What of an award's commitment is released back to the budget, per award and in total. */
  budget_release: ['programme_id', 'award_id', 'amount_ore'],
  /** What is claimed back and open, and what is repaid, per award and in total. */
  repayment: ['programme_id', 'award_id', 'amount_ore', 'status'],
} as const;
