import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import type { FieldError } from '../core/errors/problem.js';

export class ApplicationException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static illegalTransition(status: string, action: string): ApplicationException {
    return new ApplicationException('illegal-transition', `An application that is ${status} cannot be ${action}.`, {
      currentStatus: status,
    });
  }

  static staleVersion(expected: number, actual: number): ApplicationException {
    return new ApplicationException(
      'stale-version',
      `The application has changed since version ${expected} (it is now version ${actual}); reload it and apply your change again.`,
      { currentVersion: actual },
    );
  }

  static notOwner(): ApplicationException {
    return new ApplicationException('not-owner', 'Only a project lead of the lead kommune may change this application.');
  }

  static invalid(errors: FieldError[]): ApplicationException {
    return new ApplicationException('invalid-application', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      errors,
    });
  }

  static submissionRules(errors: FieldError[]): ApplicationException {
    return new ApplicationException(
      'submission-rules-not-met',
      `The application does not meet the programme's rules: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`,
      { errors },
    );
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
}
