import { DomainException } from '../core/errors/domain.exception.js';
import { MAX_AMOUNT_ORE, type Ore } from '../core/money/money.js';
import { formatKroner } from '../core/format/danish.js';

export enum ProgrammeExceptionCode {
  CODE_TAKEN = 'programme-code-taken',
  INVALID_PROGRAMME = 'invalid-programme',
  BUDGET_EXCEEDED = 'budget-exceeded',
  ABOVE_CEILING = 'amount-above-ceiling',
  CONFLICT_OF_INTEREST = 'conflict-of-interest',
}

export class ProgrammeException extends DomainException {
  private constructor(code: ProgrammeExceptionCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static codeTaken(code: string): ProgrammeException {
    return new ProgrammeException(ProgrammeExceptionCode.CODE_TAKEN, `A programme with the code ${code} already exists.`);
  }

  static invalid(field: string, message: string): ProgrammeException {
    return new ProgrammeException(ProgrammeExceptionCode.INVALID_PROGRAMME, `${field} ${message}.`, { errors: [{ field, message }] });
  }

  static aboveCeiling(totalOre: Ore): ProgrammeException {
    return new ProgrammeException(
      ProgrammeExceptionCode.ABOVE_CEILING,
      `Budgettet med reguleringer ville blive ${formatKroner(totalOre)}; systemet rummer højst ${formatKroner(MAX_AMOUNT_ORE)} pr. pulje.`,
      { maxOre: Number(MAX_AMOUNT_ORE) },
    );
  }

  /** The actor set up the programme or adjusted its budget within the week: someone else must assess and decide. */
  static conflictOfInterest(detail: string): ProgrammeException {
    return new ProgrammeException(ProgrammeExceptionCode.CONFLICT_OF_INTEREST, detail);
  }

  /** The budget (with adjustments) cannot cover this; says by how much, in kroner and øre. */
  static budgetExceeded(requestedOre: Ore, remainingOre: Ore): ProgrammeException {
    const shortOre = requestedOre - remainingOre;
    return new ProgrammeException(
      ProgrammeExceptionCode.BUDGET_EXCEEDED,
      `This needs ${formatKroner(requestedOre)} but the programme has ${formatKroner(remainingOre)} left: ${formatKroner(shortOre)} short. An administrator can record a budget adjustment that covers it.`,
      { remainingOre: Number(remainingOre), shortOre: Number(shortOre) },
    );
  }
}
