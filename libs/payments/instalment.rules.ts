import type { Actor } from '../core/context/request-context.js';
import type { InstalmentTrigger } from '../programmes/payment-plan.js';
import type { InstalmentStatus } from './instalment.lifecycle.js';
import { InstalmentException } from './instalment.exception.js';

export type ApprovalRefusal = 'not-ready' | 'not-a-caseworker' | 'four-eyes';

/**
 * Whether `actor` may approve an instalment for payment: it must be ready, the actor a caseworker, and
 * not the person who made its trigger happen (decided the award, approved the report): four-eyes, so
 * nobody both releases money and approves paying it.
 */
export function approvalRefusal(
  instalment: { status: InstalmentStatus; triggeredBy: string | null },
  actor: Pick<Actor, 'id' | 'role'>,
): ApprovalRefusal | null {
  if (instalment.status !== 'ready') return 'not-ready';
  if (actor.role !== 'caseworker') return 'not-a-caseworker';
  if (instalment.triggeredBy === actor.id) return 'four-eyes';
  return null;
}

/** Why a ready instalment may not be approved by the caller, in Danish; null when it may, or when it is not ready. */
export function approvalRefusalReason(refusal: ApprovalRefusal | null, trigger: InstalmentTrigger): string | null {
  if (refusal === 'not-a-caseworker') return 'Kun en sagsbehandler kan godkende udbetalinger.';
  if (refusal === 'four-eyes') return InstalmentException.fourEyes(trigger).detail;
  return null;
}
