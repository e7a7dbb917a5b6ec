import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { describeFieldErrors, type FieldError } from '../core/errors/problem.js';
import { statusClause } from '../core/format/status-labels.js';
import { formatKroner } from '../core/format/danish.js';
import { oreToApi } from '../core/money/money.js';
import { type BudgetMismatch, missingDocumentsMessage } from './application-structure.rules.js';

export class ApplicationException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  /** `action` as the passive infinitive the sentence ends with: `vurderes`, `trækkes tilbage`. */
  static illegalTransition(status: string, action: string): ApplicationException {
    return new ApplicationException('illegal-transition', `En ansøgning, der ${statusClause(status)}, kan ikke ${action}.`, {
      currentStatus: status,
    });
  }

  static staleVersion(expected: number, actual: number): ApplicationException {
    return new ApplicationException(
      'stale-version',
      `Ansøgningen er ændret siden version ${expected} (den er nu version ${actual}); hent den igen, og foretag din ændring på ny.`,
      { currentVersion: actual },
    );
  }

  static notOwner(): ApplicationException {
    return new ApplicationException('not-owner', 'Kun en projektleder i den ansøgende kommune må ændre ansøgningen.');
  }

  static invalid(errors: FieldError[]): ApplicationException {
    return new ApplicationException('invalid-application', describeFieldErrors(errors), {
      errors,
    });
  }

  static submissionRules(errors: FieldError[]): ApplicationException {
    return new ApplicationException('submission-rules-not-met', `Ansøgningen opfylder ikke puljens regler: ${describeFieldErrors(errors)}`, { errors });
  }

  /** The budget lines do not sum to the amount applied for; the difference is said in kroner. */
  static budgetLinesMismatch(mismatch: BudgetMismatch): ApplicationException {
    return new ApplicationException('budget-lines-mismatch', mismatch.message, {
      budgetLinesSumOre: oreToApi(mismatch.sumOre),
      differenceOre: oreToApi(mismatch.differenceOre),
      errors: [{ field: 'budgetLines', message: `summerer til ${formatKroner(mismatch.sumOre)}, ikke det ansøgte beløb` }],
    });
  }

  /** Kinds of document the programme requires that are not on the case. */
  static documentsMissing(missing: string[]): ApplicationException {
    return new ApplicationException('documents-missing', missingDocumentsMessage(missing), { missingDocumentKinds: missing });
  }

  static outsideWindow(detail: string): ApplicationException {
    return new ApplicationException('outside-application-window', detail);
  }

  static notAParticipant(code: string): ApplicationException {
    return new ApplicationException('not-a-participant', `Kommune ${code} er hverken ansøger eller medansøger på sagen.`, {
      errors: [{ field: 'municipalityCode', message: 'er ikke en af sagens kommuner' }],
    });
  }

  static otherKommunesContact(): ApplicationException {
    return new ApplicationException('forbidden', 'En projektleder kan kun udpege sin egen kommunes kontaktperson.');
  }

  static contactNotEligible(code: string): ApplicationException {
    return new ApplicationException('contact-not-eligible', `Kontaktpersonen skal være en aktiv projektleder i kommune ${code}.`, {
      errors: [{ field: 'contactUserId', message: `skal være en aktiv projektleder i kommune ${code}` }],
    });
  }

  static assigneeNotEligible(): ApplicationException {
    return new ApplicationException('assignee-not-eligible', 'En sag kan kun tildeles en aktiv sagsbehandler.', {
      errors: [{ field: 'assigneeId', message: 'skal være en aktiv sagsbehandler' }],
    });
  }

  /** A list filter that means nothing for the caller's role (a project lead decides nothing). */
  static filterNotForRole(field: string, message: string): ApplicationException {
    return new ApplicationException('validation-failed', `Listen kan ikke filtreres sådan: ${field} ${message}.`, { errors: [{ field, message }] });
  }
}
