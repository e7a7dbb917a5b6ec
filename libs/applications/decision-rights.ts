import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor, Role } from '../core/context/request-context.js';
import { conflictOfInterestParameters, conflictOfInterestReason, conflictOfInterestSql } from '../programmes/conflict-of-interest.js';
import { APPLICATION_STATUSES, APPLICATION_TRANSITIONS, type ApplicationStatus } from './application.lifecycle.js';

/** Who decides applications (POST /applications/:id/decision): a caseworker, never an administrator. */
export const DECIDING_ROLES: readonly Role[] = ['caseworker'];

/** The statuses a decision is made from: those the life cycle lets an award or a rejection leave (an assessment completed, no decision yet). */
export const DECIDABLE_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter(
  (status) => APPLICATION_TRANSITIONS[status].award !== undefined || APPLICATION_TRANSITIONS[status].reject !== undefined,
);

/**
 * The rules of a decision that turn on the case and the caller rather than on what the decision says,
 * each as SQL over the application row `alias`, with the caller in `:decider` and the moment in
 * `:decisionAt`:
 * - four-eyes (firøjneprincippet): the caller is not the assessment's author;
 * - conflict of interest: the caller has not set up the programme, or adjusted its budget, in the last week;
 * - a programme that decides after its deadline (`after_deadline`) is not decided before it.
 * One definition for the decision itself ({@link decisionBarriersWithProgramme}: which rule stops this caller on
 * this case, checked where the decision checks it) and for the lists of what a caseworker may decide
 * ({@link restrictToDecidableBy}), so a list never shows a case the decision would refuse.
 */
function barrierSql(alias: string) {
  const conflict = conflictOfInterestSql(`${alias}.programme_id`);
  return {
    // A lookup of the case's assessment by its key, row by row: as an EXISTS, the planner anti-joined
    // a list's cases against a scan of every assessment (50–100 ms on the bench's 64,000).
    assessedByDecider: `coalesce((SELECT s.assessor_id FROM assessment s WHERE s.application_id = ${alias}.id) = :decider, false)`,
    createdProgramme: conflict.created,
    adjustedBudget: conflict.adjusted,
    beforeDeadline:
      `EXISTS (SELECT 1 FROM programme dp WHERE dp.id = ${alias}.programme_id ` +
      `AND dp.decision_mode = 'after_deadline' AND dp.application_closes_at > :decisionAt)`,
  };
}

const barrierParameters = (deciderId: string, now: Date) => ({ decider: deciderId, decisionAt: now, ...conflictOfInterestParameters(deciderId, now) });

/** What stands between a caller and the decision of one case (see {@link barrierSql}). */
export interface DecisionBarriers {
  /** The caller wrote the assessment: four-eyes keeps them from deciding it. */
  assessedByDecider: boolean;
  /** Why the caller is disqualified in the programme (inhabil), in Danish, or null. */
  conflictOfInterest: string | null;
  /** The programme decides after its deadline, and the deadline has not passed. */
  beforeDeadline: boolean;
}

/** What {@link decisionBarriersWithProgramme} needs of the programmes: their row, with columns over the application's. */
export interface ProgrammeOfApplication<P> {
  forApplication<K extends string>(
    manager: EntityManager,
    applicationId: string,
    columns: Record<K, string>,
    parameters: Record<string, unknown>,
  ): Promise<{ programme: P; columns: Record<K, unknown> }>;
}

/**
 * The barriers between `deciderId` and a decision on the application now, and the application's
 * programme, in one query inside the decision's transaction.
 */
export async function decisionBarriersWithProgramme<P>(
  manager: EntityManager,
  programmes: ProgrammeOfApplication<P>,
  applicationId: string,
  deciderId: string,
  now: Date,
): Promise<DecisionBarriers & { programme: P }> {
  const { programme, columns } = await programmes.forApplication(manager, applicationId, barrierSql('application'), barrierParameters(deciderId, now));
  return {
    programme,
    assessedByDecider: columns.assessedByDecider === true,
    conflictOfInterest: conflictOfInterestReason({ created: columns.createdProgramme === true, adjusted: columns.adjustedBudget === true }),
    beforeDeadline: columns.beforeDeadline === true,
  };
}

/**
 * Keeps to the applications the actor may decide now: assessed and not decided, and none of the
 * barriers in the way. Nobody but a caseworker decides, so for anyone else the list is empty. Each
 * condition is a lookup by key (the assessment, the programme, its adjustments) beside the list's own
 * filters, so the list keeps walking its order's index.
 */
export function restrictToDecidableBy<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, alias: string, actor: Actor, now: Date): SelectQueryBuilder<T> {
  if (!DECIDING_ROLES.includes(actor.role)) return builder.andWhere('false');
  const sql = barrierSql(alias);
  builder.andWhere(`${alias}.status IN (:...decidableStatuses)`, { decidableStatuses: DECIDABLE_STATUSES });
  for (const condition of Object.values(sql)) builder.andWhere(`NOT ${condition}`);
  return builder.setParameters(barrierParameters(actor.id, now));
}
