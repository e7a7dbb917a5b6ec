import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import type { FieldError } from '../core/errors/problem.js';
import { type Ore } from '../core/money/money.js';
import { formatDateTime, formatKroner } from '../core/format/danish.js';
import { MIN_GIVEN_RATIONALE_CHARACTERS, MIN_RATIONALE_CHARACTERS, MIN_RATIONALE_DISTINCT_WORDS } from './rationale.js';

export class DecisionException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static fourEyes(): DecisionException {
    return new DecisionException('four-eyes', 'The caseworker who assessed the application may not decide it (four-eyes).');
  }

  static invalid(errors: FieldError[]): DecisionException {
    return new DecisionException('invalid-decision', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      errors,
    });
  }

  static amountAboveRequested(requestedOre: Ore): DecisionException {
    return new DecisionException('amount-above-requested', `An award cannot be more than the ${formatKroner(requestedOre)} applied for.`, {
      errors: [{ field: 'amountOre', message: 'must not be more than the requested amount' }],
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
      'A rejection or a partial award must state its main considerations (forvaltningsloven § 24): ' +
        `at least ${MIN_RATIONALE_CHARACTERS} characters and ${MIN_RATIONALE_DISTINCT_WORDS} different words beyond stock phrases.`,
      { errors: [{ field: 'rationale', message: 'must state the main considerations of the decision' }] },
    );
  }
}
