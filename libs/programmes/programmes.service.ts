import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { audited, AuditService } from '../audit/audit.service.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { MAX_AMOUNT_ORE, oreFromApi, type Ore } from '../core/money/money.js';
import { formatDateTime, formatKroner } from '../core/format/danish.js';
import { keysetPage, type ListOrders, type Page } from '../core/pagination/page.js';
import { parseInstant } from '../core/time/copenhagen.js';
import { BudgetAdjustment } from './budget-adjustment.entity.js';
import { conflictOfInterestParameters, conflictOfInterestReason, conflictOfInterestSql } from './conflict-of-interest.js';
import type { BudgetAdjustmentBody, CreateProgrammeBody, ProgrammeQuery, ProgrammeSortField, UpdateProgrammeBody } from './dto/programme.dto.js';
import { type Deviation, fitsBudget, type Ledger, ledgerDeviations, ledgerOf, type PaymentTotals, paymentTotals, totalsByMunicipality } from './ledger.js';
import { DEFAULT_PAYMENT_PLAN, normalizePlan, paymentPlanProblems, type PlannedShare } from './payment-plan.js';
import { Programme } from './programme.entity.js';
import { ProgrammeException } from './programme.exception.js';

export interface LedgerAward {
  awardId: string;
  caseNumber: string;
  municipalityCode: string;
  amountOre: Ore;
  requestedOre: Ore;
  status: string;
  /** The themes the application named (the ledger's committed amount per theme is read from them). */
  themes: string[];
  /** Of its instalments: what is paid, and what is approved for payment and not yet paid. */
  paidOre: Ore;
  approvedUnpaidOre: Ore;
  /** Of its commitment, what has been released back to the budget (final accounts, repaid claims). */
  releasedOre: Ore;
  /** Of its repayment claims: what is open, and what has been paid back. */
  repaymentsOpenOre: Ore;
  repaidOre: Ore;
}

export interface ProgrammeBooks {
  programme: Programme;
  ledger: Ledger;
  payments: PaymentTotals;
  awards: LedgerAward[];
  adjustments: BudgetAdjustment[];
  byMunicipality: Array<{ municipalityCode: string; awards: number; amountOre: Ore }>;
  deviations: Deviation[];
}

export { CONFLICT_WINDOW_MS } from './conflict-of-interest.js';

function auditView(programme: Programme) {
  return {
    code: programme.code,
    name: programme.name,
    budgetOre: programme.budgetOre,
    minApplicationOre: programme.minApplicationOre,
    applicationOpensAt: programme.applicationOpensAt,
    applicationClosesAt: programme.applicationClosesAt,
    maxCovidExtensionMonths: programme.maxCovidExtensionMonths,
    statusReportIntervalMonths: programme.statusReportIntervalMonths,
    finalReportDueMonths: programme.finalReportDueMonths,
    maxProjectMonths: programme.maxProjectMonths,
    themes: programme.themes,
    criteria: programme.criteria,
    decisionMode: programme.decisionMode,
    requiresBudgetLines: programme.requiresBudgetLines,
    requiredDocumentKinds: programme.requiredDocumentKinds,
    paymentPlan: programme.paymentPlan,
    auditorStatementThresholdOre: programme.auditorStatementThresholdOre,
    repaymentWaiverOre: programme.repaymentWaiverOre,
  };
}

/** The plan as it is stored, or 422 naming what does not add up. */
function checkedPlan(plan: PlannedShare[]): PlannedShare[] {
  const problems = paymentPlanProblems(plan);
  if (problems.length > 0) throw ProgrammeException.paymentPlanInvalid(problems);
  return normalizePlan(plan);
}

/** The fields an update may touch, as they are stored. */
const EDITABLE = [
  'name',
  'description',
  'appealGuidance',
  'legalBasis',
  'awardConditions',
  'applicationOpensAt',
  'applicationClosesAt',
  'decisionMode',
  'themes',
  'criteria',
  'requiresBudgetLines',
  'requiredDocumentKinds',
  'paymentPlan',
  'auditorStatementThresholdOre',
  'repaymentWaiverOre',
] as const;
type Editable = (typeof EDITABLE)[number];

/** A value with its objects' keys in order: jsonb gives them back in an order of its own. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value !== null && typeof value === 'object' && !(value instanceof Date)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([key, inner]) => [key, canonical(inner)]),
        )
      : value;
const same = (a: unknown, b: unknown) =>
  typeof a === 'bigint' || typeof b === 'bigint'
    ? a === b
    : a instanceof Date && b instanceof Date
      ? a.getTime() === b.getTime()
      : JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

function uniqueKeys(field: string, items: Array<{ key: string }>): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.key)) throw ProgrammeException.invalid(`${field}[${index}].key`, 'er brugt to gange');
    seen.add(item.key);
  });
}

/** The list's orders, each on an index (migration 1765910000000). */
export const PROGRAMME_ORDERS: ListOrders<Programme, ProgrammeSortField> = {
  default: 'code',
  keys: {
    // Unique: no tie to break.
    code: [{ column: 'programme.code', key: (programme) => programme.code }],
    name: [
      { column: 'programme.name', key: (programme) => programme.name },
      { column: 'programme.id', key: (programme) => programme.id },
    ],
    applicationClosesAt: [
      { column: 'programme.application_closes_at', key: (programme) => programme.applicationClosesAt.toISOString() },
      { column: 'programme.id', key: (programme) => programme.id },
    ],
  },
};

@Injectable()
export class ProgrammesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** A new programme, recorded as set up by `createdBy` (see {@link conflictOfInterest}). */
  create(body: CreateProgrammeBody, createdBy: string | null): Promise<Programme> {
    const opensAt = parseInstant(body.applicationOpensAt)!;
    const closesAt = parseInstant(body.applicationClosesAt)!;
    if (closesAt <= opensAt) throw ProgrammeException.invalid('applicationClosesAt', 'skal ligge efter applicationOpensAt');
    uniqueKeys('themes', body.themes);
    uniqueKeys('criteria', body.criteria);
    const paymentPlan = checkedPlan(body.paymentPlan ?? [...DEFAULT_PAYMENT_PLAN]);

    return this.audit.transaction(async (manager) => {
      if (await manager.existsBy(Programme, { code: body.code })) throw ProgrammeException.codeTaken(body.code);
      const programme = await manager.save(
        manager.create(Programme, {
          code: body.code,
          name: body.name.trim(),
          budgetOre: oreFromApi(body.budgetOre),
          minApplicationOre: oreFromApi(body.minApplicationOre),
          applicationOpensAt: opensAt,
          applicationClosesAt: closesAt,
          maxCovidExtensionMonths: body.maxCovidExtensionMonths,
          statusReportIntervalMonths: body.statusReportIntervalMonths,
          finalReportDueMonths: body.finalReportDueMonths,
          maxProjectMonths: body.maxProjectMonths,
          createdBy,
          themes: body.themes.map(({ key, name }) => ({ key, name })),
          criteria: body.criteria.map(({ key, title, description }) => ({ key, title, description })),
          legalBasis: body.legalBasis ?? null,
          appealGuidance: body.appealGuidance ?? null,
          awardConditions: body.awardConditions?.trim() || null,
          decisionMode: body.decisionMode ?? 'after_deadline',
          description: body.description?.trim() || null,
          requiresBudgetLines: body.requiresBudgetLines ?? false,
          requiredDocumentKinds: body.requiredDocumentKinds ?? [],
          paymentPlan,
          ...(body.auditorStatementThresholdOre === undefined ? {} : { auditorStatementThresholdOre: oreFromApi(body.auditorStatementThresholdOre) }),
          ...(body.repaymentWaiverOre === undefined ? {} : { repaymentWaiverOre: oreFromApi(body.repaymentWaiverOre) }),
        }),
      );
      return audited(programme, { action: 'programme.created', entityType: 'programme', entityId: programme.id, after: auditView(programme) });
    });
  }

  /**
   * An administrator's change: the texts at any time; a date only while it has not passed, and only to
   * one that has not; criteria, themes and the decision mode only before the first submission (an
   * application is written and assessed against them). Audited with the changed fields before and after.
   */
  update(id: string, body: UpdateProgrammeBody, now: Date): Promise<Programme> {
    return this.audit.transaction(async (manager) => {
      const programme = await manager.findOne(Programme, { where: { id }, lock: { mode: 'for_no_key_update' } });
      if (!programme) throw new NotFoundDomainException('Puljen', id);
      if (body.version !== undefined && body.version !== programme.version) throw ProgrammeException.staleVersion(body.version, programme.version);
      const text = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);
      const wanted: Partial<Record<Editable, unknown>> = {
        name: body.name?.trim(),
        description: text(body.description),
        appealGuidance: text(body.appealGuidance),
        legalBasis: text(body.legalBasis),
        awardConditions: text(body.awardConditions),
        applicationOpensAt: body.applicationOpensAt === undefined ? undefined : parseInstant(body.applicationOpensAt)!,
        applicationClosesAt: body.applicationClosesAt === undefined ? undefined : parseInstant(body.applicationClosesAt)!,
        decisionMode: body.decisionMode,
        themes: body.themes?.map(({ key, name }) => ({ key, name })),
        criteria: body.criteria?.map(({ key, title, description }) => ({ key, title, description })),
        requiresBudgetLines: body.requiresBudgetLines,
        requiredDocumentKinds: body.requiredDocumentKinds,
        paymentPlan: body.paymentPlan === undefined ? undefined : checkedPlan(body.paymentPlan),
        auditorStatementThresholdOre: body.auditorStatementThresholdOre === undefined ? undefined : oreFromApi(body.auditorStatementThresholdOre),
        repaymentWaiverOre: body.repaymentWaiverOre === undefined ? undefined : oreFromApi(body.repaymentWaiverOre),
      };
      if (body.themes) uniqueKeys('themes', body.themes);
      if (body.criteria) uniqueKeys('criteria', body.criteria);
      const changed = EDITABLE.filter((field) => wanted[field] !== undefined && !same(wanted[field], programme[field]));

      const locked: Array<{ field: string; message: string }> = [];
      for (const field of ['applicationOpensAt', 'applicationClosesAt'] as const) {
        if (!changed.includes(field)) continue;
        if (programme[field] <= now) locked.push({ field, message: `er passeret (${formatDateTime(programme[field])}) og kan ikke ændres` });
        else if ((wanted[field] as Date) <= now) locked.push({ field, message: 'skal ligge i fremtiden' });
      }
      if (programme.lastCaseNumber > 0) {
        // What submission requires is the same for every applicant: fixed once one has submitted.
        for (const field of ['themes', 'criteria', 'decisionMode', 'requiresBudgetLines', 'requiredDocumentKinds'] as const) {
          if (changed.includes(field)) locked.push({ field, message: 'kan ikke ændres, når der er indsendt ansøgninger' });
        }
      }
      // Every award of a programme is paid out on the same terms: the plan is fixed by the first award.
      if (changed.includes('paymentPlan') && (await manager.query('SELECT 1 FROM award WHERE programme_id = $1 LIMIT 1', [id])).length > 0) {
        locked.push({ field: 'paymentPlan', message: 'kan ikke ændres, når puljen har givet tilsagn' });
      }
      if (locked.length > 0) throw ProgrammeException.locked(locked);
      const opensAt = (wanted.applicationOpensAt as Date | undefined) ?? programme.applicationOpensAt;
      const closesAt = (wanted.applicationClosesAt as Date | undefined) ?? programme.applicationClosesAt;
      if (closesAt <= opensAt) throw ProgrammeException.invalid('applicationClosesAt', 'skal ligge efter applicationOpensAt');
      if (changed.length === 0) return audited(programme);

      const before = Object.fromEntries(changed.map((field) => [field, programme[field]]));
      Object.assign(programme, Object.fromEntries(changed.map((field) => [field, wanted[field]])));
      const saved = await manager.save(programme);
      return audited(saved, {
        action: 'programme.updated',
        entityType: 'programme',
        entityId: id,
        before,
        after: Object.fromEntries(changed.map((field) => [field, saved[field]])),
      });
    });
  }

  /** The programme, or a 404. Other contexts read programmes through this, inside their own transaction when they pass its manager. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Programme> {
    const programme = await this.find(id, manager);
    if (!programme) throw new NotFoundDomainException('Puljen', id);
    return programme;
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Programme | null> {
    return manager.findOneBy(Programme, { id });
  }

  /**
   * The programme of an application, with further columns computed over the application's row (alias
   * `application`) in the same query: a caller that needs both (a decision: its programme and the rules
   * that turn on the case) pays one round trip. `columns` maps a result name to its SQL.
   */
  async forApplication<K extends string>(
    manager: EntityManager,
    applicationId: string,
    columns: Record<K, string>,
    parameters: Record<string, unknown>,
  ): Promise<{ programme: Programme; columns: Record<K, unknown> }> {
    const builder = manager
      .createQueryBuilder(Programme, 'programme')
      .innerJoin('application', 'application', 'application.programme_id = programme.id')
      .where('application.id = :applicationId', { applicationId })
      .setParameters(parameters);
    for (const [name, sql] of Object.entries<string>(columns)) builder.addSelect(sql, name);
    const { entities, raw } = await builder.getRawAndEntities<Record<K, unknown>>();
    if (entities.length === 0) throw new NotFoundDomainException('Ansøgningen', applicationId);
    return { programme: entities[0], columns: raw[0] };
  }

  async list(query: ProgrammeQuery): Promise<Page<Programme>> {
    const builder = this.dataSource.getRepository(Programme).createQueryBuilder('programme');
    return keysetPage(builder, 'programmes', query, PROGRAMME_ORDERS);
  }

  /** The ledgers of several programmes in one query, whatever their number. */
  async ledgers(programmeIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, Ledger>> {
    if (programmeIds.length === 0) return new Map();
    const rows: Array<{ id: string; budget_ore: string; adjustments_ore: string; committed_ore: string; released_ore: string }> = await manager.query(
      `SELECT p.id, p.budget_ore::text,
              coalesce((SELECT sum(b.delta_ore) FROM budget_adjustment b WHERE b.programme_id = p.id), 0)::text AS adjustments_ore,
              coalesce((SELECT sum(a.amount_ore) FROM award a WHERE a.programme_id = p.id), 0)::text AS committed_ore,
              coalesce((SELECT sum(r.amount_ore) FROM budget_release r WHERE r.programme_id = p.id), 0)::text AS released_ore
         FROM programme p WHERE p.id = ANY($1)`,
      [programmeIds],
    );
    return new Map(
      rows.map((row) => [row.id, ledgerOf(BigInt(row.budget_ore), [BigInt(row.adjustments_ore)], [BigInt(row.committed_ore)], [BigInt(row.released_ore)])]),
    );
  }

  /** The programme's ledger version now (see `LedgerCache`); 404 for an unknown programme. */
  async ledgerVersion(id: string): Promise<string> {
    const [row]: Array<{ ledger_version: string }> = await this.dataSource.query('SELECT ledger_version FROM programme WHERE id = $1', [id]);
    if (!row) throw new NotFoundDomainException('Puljen', id);
    return row.ledger_version;
  }

  /**
   * The auditor's view: the ledger with every award and adjustment, totals per kommune, and every
   * deviation from the rules, all from one snapshot, whose ledger version is `programme.ledgerVersion`.
   */
  async ledger(id: string): Promise<ProgrammeBooks> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const programme = await this.get(id, manager);
      const rows: Array<{
        id: string;
        case_number: string;
        municipality_code: string;
        amount_ore: string;
        requested_ore: string;
        status: string;
        themes: string[];
        paid_ore: string;
        approved_unpaid_ore: string;
        released_ore: string;
        repayments_open_ore: string;
        repaid_ore: string;
      }> = await manager.query(
        `SELECT a.id, a.case_number, a.municipality_code, a.amount_ore, ap.requested_ore, a.status, ap.themes,
                coalesce(i.paid_ore, 0) AS paid_ore, coalesce(i.approved_unpaid_ore, 0) AS approved_unpaid_ore,
                coalesce(b.released_ore, 0) AS released_ore,
                coalesce(r.open_ore, 0) AS repayments_open_ore, coalesce(r.repaid_ore, 0) AS repaid_ore
           FROM award a JOIN application ap ON ap.id = a.application_id
           LEFT JOIN (SELECT award_id, sum(amount_ore) FILTER (WHERE status = 'paid') AS paid_ore,
                             sum(amount_ore) FILTER (WHERE status = 'approved') AS approved_unpaid_ore
                        FROM instalment WHERE programme_id = $1 GROUP BY award_id) i ON i.award_id = a.id
           LEFT JOIN (SELECT award_id, sum(amount_ore) AS released_ore FROM budget_release WHERE programme_id = $1 GROUP BY award_id) b ON b.award_id = a.id
           LEFT JOIN (SELECT award_id, sum(amount_ore) FILTER (WHERE status = 'open') AS open_ore,
                             sum(amount_ore) FILTER (WHERE status = 'settled') AS repaid_ore
                        FROM repayment WHERE programme_id = $1 GROUP BY award_id) r ON r.award_id = a.id
          WHERE a.programme_id = $1 ORDER BY a.programme_id, a.case_number`,
        [id],
      );
      const awards = rows.map((row) => ({
        awardId: row.id,
        caseNumber: row.case_number,
        municipalityCode: row.municipality_code,
        amountOre: BigInt(row.amount_ore),
        requestedOre: BigInt(row.requested_ore),
        status: row.status,
        themes: row.themes,
        paidOre: BigInt(row.paid_ore),
        approvedUnpaidOre: BigInt(row.approved_unpaid_ore),
        releasedOre: BigInt(row.released_ore),
        repaymentsOpenOre: BigInt(row.repayments_open_ore),
        repaidOre: BigInt(row.repaid_ore),
      }));
      const adjustments = await manager.find(BudgetAdjustment, { where: { programmeId: id }, order: { createdAt: 'ASC' } });
      const ledger = ledgerOf(
        programme.budgetOre,
        adjustments.map((adjustment) => adjustment.deltaOre),
        awards.map((award) => award.amountOre),
        awards.map((award) => award.releasedOre),
      );
      return {
        programme,
        ledger,
        payments: paymentTotals(awards),
        awards,
        adjustments,
        byMunicipality: totalsByMunicipality(awards),
        deviations: ledgerDeviations(ledger, programme.minApplicationOre, awards, formatKroner),
      };
    });
  }

  /**
   * Locks the programme row for the rest of the transaction and returns its ledger. Every change to
   * what is committed or budgeted takes this lock first, so concurrent decisions are serialised and
   * can never over-commit. FOR NO KEY UPDATE, not FOR UPDATE: it excludes the other budget changes and
   * case-number updates but not the foreign-key checks of new applications, which take FOR KEY SHARE;
   * a FOR UPDATE waiter queued on the row deadlocked with those checks under load.
   */
  /**
   * Locks the programme's budget for the rest of the transaction and answers its ledger, read after the
   * lock was granted (a statement of its own, so it sees what committed while this one waited). For a
   * write that has made its change already: the ledger includes it.
   */
  async lockBudget(manager: EntityManager, id: string): Promise<Ledger> {
    const locked: unknown[] = await manager.query('SELECT 1 FROM programme WHERE id = $1 FOR NO KEY UPDATE', [id]);
    if (locked.length === 0) throw new NotFoundDomainException('Puljen', id);
    return (await this.ledgers([id], manager)).get(id)!;
  }

  async lockLedger(manager: EntityManager, id: string): Promise<{ programme: Programme; ledger: Ledger }> {
    const programme = await manager.findOne(Programme, { where: { id }, lock: { mode: 'for_no_key_update' } });
    if (!programme) throw new NotFoundDomainException('Puljen', id);
    const ledger = (await this.ledgers([id], manager)).get(id)!;
    return { programme, ledger };
  }

  addAdjustment(id: string, body: BudgetAdjustmentBody, actorId: string): Promise<BudgetAdjustment> {
    const deltaOre = oreFromApi(body.deltaOre);
    if (deltaOre === 0n) throw ProgrammeException.invalid('deltaOre', 'må ikke være 0 kr.');
    return this.audit.transaction(async (manager) => {
      const { ledger } = await this.lockLedger(manager, id);
      // A cut may not leave the programme short of what it has already committed.
      if (deltaOre < 0n && !fitsBudget(ledger, -deltaOre)) throw ProgrammeException.budgetExceeded(-deltaOre, ledger.remainingOre);
      // Nor may the budget with its adjustments pass the system's ceiling, which every sum must stay under.
      if (ledger.budgetOre + ledger.adjustmentsOre + deltaOre > MAX_AMOUNT_ORE)
        throw ProgrammeException.aboveCeiling(ledger.budgetOre + ledger.adjustmentsOre + deltaOre);
      const adjustment = await manager.save(manager.create(BudgetAdjustment, { programmeId: id, deltaOre, reason: body.reason.trim(), createdBy: actorId }));
      return audited(adjustment, {
        action: 'programme.budget_adjusted',
        entityType: 'programme',
        entityId: id,
        before: { adjustmentsOre: ledger.adjustmentsOre, remainingOre: ledger.remainingOre },
        after: { deltaOre, reason: adjustment.reason, adjustmentsOre: ledger.adjustmentsOre + deltaOre, remainingOre: ledger.remainingOre + deltaOre },
      });
    });
  }

  /**
   * Whether `actorId` set up this programme or adjusted its budget in the week before `now`: such a
   * person may not assess or decide its cases, so nobody awards money from a pool they have just shaped
   * (an administrator who is also made a caseworker, say). The reason, in Danish, or null.
   */
  async conflictOfInterest(manager: EntityManager, programmeId: string, actorId: string, now: Date): Promise<string | null> {
    const rule = conflictOfInterestSql('p.id');
    const row = await manager
      .createQueryBuilder()
      .select(rule.created, 'created')
      .addSelect(rule.adjusted, 'adjusted')
      .from('programme', 'p')
      .where('p.id = :programmeId', { programmeId })
      .setParameters(conflictOfInterestParameters(actorId, now))
      .getRawOne<{ created: boolean; adjusted: boolean }>();
    return row ? conflictOfInterestReason(row) : null;
  }
}
