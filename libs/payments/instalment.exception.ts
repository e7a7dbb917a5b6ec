import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { formatDate } from '../core/format/danish.js';
import type { InstalmentTrigger } from '../programmes/payment-plan.js';

/** What made an instalment ready, as the four-eyes refusal names the approver's part in it. */
const TRIGGER_ACT: Record<InstalmentTrigger, string> = {
  award: 'traf afgørelsen om tilsagnet, der udløste raten',
  status_report_approved: 'godkendte statusrapporten, der udløste raten',
  final_accounts_approved: 'godkendte slutregnskabet, der udløste raten',
};

/**
 * Why a step waits for approved instalments to be recorded as paid, in Danish: their money may already be
 * in the finance system's file. `before` names the step ("tilsagnet bortfalder").
 */
export function awaitingPaymentDetail(sequences: readonly number[], before: string): string {
  const rates = sequences.map((sequence) => `rate ${sequence}`).join(' og ');
  return `${rates.charAt(0).toUpperCase()}${rates.slice(1)} er godkendt til udbetaling, men ikke registreret som betalt. Registrér udbetalingen, før ${before}: pengene kan allerede være sendt til økonomisystemet.`;
}

export class InstalmentException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(code, detail, extensions);
  }

  /** The approver made the trigger happen: someone else must approve the payment. */
  static fourEyes(trigger: InstalmentTrigger): InstalmentException {
    return new InstalmentException('four-eyes', `Du ${TRIGGER_ACT[trigger]}, så en anden sagsbehandler skal godkende udbetalingen (firøjneprincippet).`, {
      trigger,
    });
  }

  /** The payment is recorded already (perhaps a moment ago, by someone else): it is recorded once. */
  static alreadyPaid(paidOn: string, reference: string): InstalmentException {
    return new InstalmentException(
      'payment-already-recorded',
      `Raten er allerede registreret som udbetalt ${formatDate(paidOn)} med referencen ${reference}; en udbetaling registreres kun én gang.`,
      { paidOn, reference },
    );
  }

  /** A payment is recorded when it has happened, not before. */
  static paidInFuture(today: string): InstalmentException {
    return new InstalmentException('rule-violated', `Udbetalingsdatoen kan ikke ligge efter i dag (${formatDate(today)}).`, {
      errors: [{ field: 'paidOn', message: `må ikke ligge efter ${formatDate(today)}` }],
    });
  }
}
