import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { describeFieldErrors, type FieldError } from '../core/errors/problem.js';
import { type Ore } from '../core/money/money.js';
import { formatDateTime, formatKroner } from '../core/format/danish.js';
import { MIN_GIVEN_RATIONALE_CHARACTERS, MIN_RATIONALE_CHARACTERS, MIN_RATIONALE_DISTINCT_WORDS } from './rationale.js';

export class DecisionException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static fourEyes(): DecisionException {
    return new DecisionException('four-eyes', 'Den sagsbehandler, der har vurderet ansøgningen, må ikke også afgøre den (firøjneprincippet).');
  }

  static invalid(errors: FieldError[]): DecisionException {
    return new DecisionException('invalid-decision', describeFieldErrors(errors), {
      errors,
    });
  }

  static amountAboveRequested(requestedOre: Ore): DecisionException {
    return new DecisionException('amount-above-requested', `Et tilsagn kan ikke være større end de ${formatKroner(requestedOre)}, der er søgt om.`, {
      errors: [{ field: 'amountOre', message: `må højst være ${formatKroner(requestedOre)} (det ansøgte beløb)` }],
    });
  }

  static rationaleNotReal(): DecisionException {
    return new DecisionException(
      'invalid-decision',
      'En begrundelse, der gives, skal være en egentlig tekst; ved fuld bevilling kan den udelades (forvaltningslovens § 22).',
      {
        errors: [
          { field: 'rationale', message: `skal være en egentlig begrundelse på mindst ${MIN_GIVEN_RATIONALE_CHARACTERS} tegn og to ord, eller udelades` },
        ],
      },
    );
  }

  static beforeDeadline(closesAt: Date): DecisionException {
    return new DecisionException(
      'decision-before-deadline',
      `Puljen afgør ansøgningerne samlet efter ansøgningsfristen ${formatDateTime(closesAt)}; der kan ikke træffes afgørelse før.`,
      { applicationClosesAt: closesAt.toISOString() },
    );
  }

  static rationaleRequired(): DecisionException {
    return new DecisionException(
      'main-considerations-required',
      'Et afslag eller et delvist tilsagn skal angive de hovedhensyn, der har været bestemmende for afgørelsen (forvaltningsloven § 24): ' +
        `mindst ${MIN_RATIONALE_CHARACTERS} tegn og ${MIN_RATIONALE_DISTINCT_WORDS} forskellige ord ud over standardvendinger.`,
      { errors: [{ field: 'rationale', message: 'skal angive afgørelsens hovedhensyn' }] },
    );
  }
}
