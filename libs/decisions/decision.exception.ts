import { DomainException } from '../core/errors/domain.exception.js';
import type { FieldError } from '../core/errors/problem.js';
import { type Ore } from '../core/money/money.js';
import { formatKroner } from '../core/format/danish.js';
import { MIN_RATIONALE_CHARACTERS, MIN_RATIONALE_DISTINCT_WORDS } from './rationale.js';

export enum DecisionExceptionCode {
  FOUR_EYES = 'four-eyes',
  INVALID_DECISION = 'invalid-decision',
  AMOUNT_ABOVE_REQUESTED = 'amount-above-requested',
  RATIONALE_REQUIRED = 'main-considerations-required',
}

export class DecisionException extends DomainException {
  private constructor(code: DecisionExceptionCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static fourEyes(): DecisionException {
    return new DecisionException(DecisionExceptionCode.FOUR_EYES, 'The caseworker who assessed the application may not decide it (four-eyes).');
  }

  static invalid(errors: FieldError[]): DecisionException {
    return new DecisionException(DecisionExceptionCode.INVALID_DECISION, errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      errors,
    });
  }

  static amountAboveRequested(requestedOre: Ore): DecisionException {
    return new DecisionException(DecisionExceptionCode.AMOUNT_ABOVE_REQUESTED, `An award cannot be more than the ${formatKroner(requestedOre)} applied for.`, {
      errors: [{ field: 'amountOre', message: 'must not be more than the requested amount' }],
    });
  }

  static rationaleRequired(): DecisionException {
    return new DecisionException(
      DecisionExceptionCode.RATIONALE_REQUIRED,
      'A rejection or a partial award must state its main considerations (forvaltningsloven § 24): ' +
        `at least ${MIN_RATIONALE_CHARACTERS} characters and ${MIN_RATIONALE_DISTINCT_WORDS} different words beyond stock phrases.`,
      { errors: [{ field: 'rationale', message: 'must state the main considerations of the decision' }] },
    );
  }
}
