import { DomainException } from '../core/errors/domain.exception.js';
import type { FieldError } from '../core/errors/problem.js';

export enum ApplicationExceptionCode {
  ILLEGAL_TRANSITION = 'illegal-transition',
  STALE_VERSION = 'stale-version',
  NOT_OWNER = 'not-owner',
  INVALID_APPLICATION = 'invalid-application',
  SUBMISSION_RULES = 'submission-rules-not-met',
  OUTSIDE_WINDOW = 'outside-application-window',
}

export class ApplicationException extends DomainException {
  private constructor(code: ApplicationExceptionCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static illegalTransition(status: string, action: string): ApplicationException {
    return new ApplicationException(ApplicationExceptionCode.ILLEGAL_TRANSITION, `An application that is ${status} cannot be ${action}.`, {
      currentStatus: status,
    });
  }

  static staleVersion(expected: number, actual: number): ApplicationException {
    return new ApplicationException(
      ApplicationExceptionCode.STALE_VERSION,
      `The application has changed since version ${expected} (it is now version ${actual}); reload it and apply your change again.`,
      { currentVersion: actual },
    );
  }

  static notOwner(): ApplicationException {
    return new ApplicationException(ApplicationExceptionCode.NOT_OWNER, 'Only a project lead of the lead kommune may change this application.');
  }

  static invalid(errors: FieldError[]): ApplicationException {
    return new ApplicationException(ApplicationExceptionCode.INVALID_APPLICATION, errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      errors,
    });
  }

  static submissionRules(errors: FieldError[]): ApplicationException {
    return new ApplicationException(
      ApplicationExceptionCode.SUBMISSION_RULES,
      `The application does not meet the programme's rules: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`,
      { errors },
    );
  }

  static outsideWindow(detail: string): ApplicationException {
    return new ApplicationException(ApplicationExceptionCode.OUTSIDE_WINDOW, detail);
  }
}
