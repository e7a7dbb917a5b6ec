import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { MAX_AMOUNT_ORE, type Ore } from '../core/money/money.js';
import { formatKroner, sentence } from '../core/format/danish.js';

export class ProgrammeException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static codeTaken(code: string): ProgrammeException {
    return new ProgrammeException('programme-code-taken', `Der findes allerede en pulje med koden ${code}.`);
  }

  static invalid(field: string, message: string): ProgrammeException {
    return new ProgrammeException('invalid-programme', sentence(`${field} ${message}`), { errors: [{ field, message }] });
  }

  /** A payment plan that does not add up (the sum is named) or has a share that is not whole. */
  static paymentPlanInvalid(errors: Array<{ field: string; message: string }>): ProgrammeException {
    return new ProgrammeException('payment-plan-invalid', sentence(`Betalingsplanen går ikke op: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`), {
      errors,
    });
  }

  /** Fields that can no longer change, each with why. */
  static locked(errors: Array<{ field: string; message: string }>): ProgrammeException {
    return new ProgrammeException('programme-field-locked', `Puljen kan ikke ændres sådan: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`, {
      errors,
    });
  }

  static staleVersion(expected: number, actual: number): ProgrammeException {
    return new ProgrammeException(
      'stale-version',
      `Puljen er ændret, siden du hentede version ${expected} (den er nu version ${actual}). Hent den igen, og gentag din ændring.`,
      { currentVersion: actual },
    );
  }

  static aboveCeiling(totalOre: Ore): ProgrammeException {
    return new ProgrammeException(
      'amount-above-ceiling',
      `Budgettet med reguleringer ville blive ${formatKroner(totalOre)}; systemet rummer højst ${formatKroner(MAX_AMOUNT_ORE)} pr. pulje.`,
      { maxOre: Number(MAX_AMOUNT_ORE) },
    );
  }

  /** The actor set up the programme or adjusted its budget within the week: someone else must assess and decide. */
  static conflictOfInterest(detail: string): ProgrammeException {
    return new ProgrammeException('conflict-of-interest', detail);
  }

  /** The budget (with adjustments) cannot cover this; says by how much, in kroner and øre. */
  static budgetExceeded(requestedOre: Ore, remainingOre: Ore): ProgrammeException {
    const shortOre = requestedOre - remainingOre;
    return new ProgrammeException(
      'budget-exceeded',
      `Det kræver ${formatKroner(requestedOre)}, men puljen har ${formatKroner(remainingOre)} tilbage: der mangler ${formatKroner(shortOre)} ` +
        'En administrator kan registrere en budgetregulering, der dækker det.',
      { remainingOre: Number(remainingOre), shortOre: Number(shortOre) },
    );
  }
}
