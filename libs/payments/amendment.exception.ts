import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { formatDate, formatKroner } from '../core/format/danish.js';
import { awaitingPaymentDetail } from './instalment.exception.js';

/** The refusals of an award's amendments, its cancellation (bortfald) and its reopening. */
export class AmendmentException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(code, detail, extensions);
  }

  static rationaleRequired(): AmendmentException {
    return new AmendmentException('main-considerations-required', 'Afgørelsen skal begrundes: skriv, hvorfor tilsagnet ændres, bortfalder eller genåbnes.', {
      errors: [{ field: 'rationale', message: 'skal udfyldes med begrundelsen' }],
    });
  }

  /** The kind's own field is missing, or another kind's is given. */
  static fieldFor(kind: string, field: string, present: boolean): AmendmentException {
    const word = { amount: 'beløbet', period: 'perioden', contact: 'kontaktpersonen' }[kind] ?? kind;
    const what = { amountOre: 'det nye beløb', endDate: 'den nye slutdato', contactUserId: 'den nye kontaktperson' }[field] ?? field;
    return new AmendmentException('rule-violated', present ? `En ændring af ${word} skal angive ${what}.` : `En ændring af ${word} angiver ikke ${what}.`, {
      errors: [{ field, message: present ? 'skal udfyldes' : `skal udelades ved en ændring af ${word}` }],
    });
  }

  static unchanged(field: string, value: string): AmendmentException {
    return new AmendmentException('rule-violated', `Tilsagnet har allerede ${value}; der er intet at ændre.`, {
      errors: [{ field, message: `er uændret (${value})` }],
    });
  }

  static belowFloor(floorOre: bigint): AmendmentException {
    const floor = formatKroner(floorOre);
    return new AmendmentException('rule-violated', `Beløbet kan ikke nedsættes under ${floor}, som allerede er udbetalt eller godkendt til udbetaling.`, {
      floorOre: Number(floorOre),
      errors: [{ field: 'amountOre', message: `må ikke være under ${floor} (udbetalt og godkendt til udbetaling)` }],
    });
  }

  static nothingUnpaid(): AmendmentException {
    return new AmendmentException(
      'illegal-transition',
      'Alle tilsagnets rater er udbetalt, godkendt til udbetaling eller annulleret; der er ingen rate tilbage at forhøje eller nedsætte.',
    );
  }

  /** Once final accounts are filed, the spending decides what is paid: the amount is settled by their review. */
  static finalAccountsFiled(): AmendmentException {
    return new AmendmentException(
      'illegal-transition',
      'Tilsagnets slutregnskab er indsendt; beløbet kan ikke ændres, når regnskabet er indsendt eller godkendt. Det godkendte forbrug afgør, hvad der udbetales.',
    );
  }

  static endBeforeStart(startDate: string): AmendmentException {
    return new AmendmentException('rule-violated', `Slutdatoen skal ligge efter projektets startdato ${formatDate(startDate)}.`, {
      errors: [{ field: 'endDate', message: `skal ligge efter ${formatDate(startDate)}` }],
    });
  }

  static beforeOriginalEnd(originalEndDate: string): AmendmentException {
    const date = formatDate(originalEndDate);
    return new AmendmentException(
      'rule-violated',
      `Perioden kan ikke forkortes til før den oprindelige slutdato ${date}. Et projekt, der stopper tidligere, afsluttes med slutrapport og slutregnskab, eller tilsagnet bortfalder.`,
      { errors: [{ field: 'endDate', message: `må ikke ligge før den oprindelige slutdato ${date}` }] },
    );
  }

  static finalReportIn(): AmendmentException {
    return new AmendmentException('illegal-transition', 'Slutrapporten er indsendt; projektperioden kan ikke længere ændres.');
  }

  /** An approved instalment may be on its way from the finance system: it is recorded as paid (or not) first. */
  static instalmentsAwaitingPayment(sequences: number[]): AmendmentException {
    return new AmendmentException('illegal-transition', awaitingPaymentDetail(sequences, 'tilsagnet bortfalder'), { instalmentsAwaitingPayment: sequences });
  }

  /** Only a closed award is reopened. */
  static notClosed(status: string): AmendmentException {
    const word = { active: 'aktivt', completed: 'afsluttet, men ikke lukket', cancelled: 'bortfaldet' }[status] ?? status;
    return new AmendmentException('illegal-transition', `Tilsagnet er ${word}; kun et lukket tilsagn kan genåbnes.`, { currentStatus: status });
  }

  static closedHistorically(reason: string): AmendmentException {
    return new AmendmentException(
      'illegal-transition',
      `Tilsagnet blev lukket ved overførslen af historiske sager (${reason}); dets opfølgning er ikke registreret i Tilskud, så det kan ikke genåbnes her.`,
    );
  }

  static notActive(status: string): AmendmentException {
    if (status === 'closed') return new AmendmentException('award-closed', 'Tilsagnet er lukket; det skal genåbnes, før noget på det kan ændres.');
    const word = { completed: 'afsluttet', cancelled: 'bortfaldet' }[status] ?? status;
    return new AmendmentException('award-not-active', `Tilsagnet er ${word}; kun et aktivt tilsagn kan ændres eller bortfalde.`, { awardStatus: status });
  }
}
