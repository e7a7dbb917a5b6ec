import { DomainException } from '../core/errors/domain.exception.js';
import type { FieldError } from '../core/errors/problem.js';

export enum AuthExceptionCode {
  INVALID_CREDENTIALS = 'invalid-credentials',
  INVALID_REFRESH_TOKEN = 'invalid-refresh-token',
  UNAUTHENTICATED = 'unauthenticated',
  FORBIDDEN = 'forbidden',
  WEAK_PASSWORD = 'weak-password',
  EMAIL_TAKEN = 'email-taken',
  INVALID_USER = 'invalid-user',
  LAST_ADMIN = 'last-admin',
  SIGN_IN_THROTTLED = 'sign-in-throttled',
  SELF_CHANGE = 'self-change',
  APPROVAL = 'approval-not-possible',
}

export class AuthException extends DomainException {
  private constructor(code: AuthExceptionCode, status: number, title: string, detail: string, extensions?: Record<string, unknown>) {
    super(code, status, title, detail, extensions);
  }

  /** The same answer for an unknown e-mail, a wrong password, a locked or a deactivated account: no enumeration. */
  static invalidCredentials(): AuthException {
    return new AuthException(AuthExceptionCode.INVALID_CREDENTIALS, 401, 'Unauthorized', 'The e-mail address or the password is wrong.');
  }

  static invalidRefreshToken(): AuthException {
    return new AuthException(AuthExceptionCode.INVALID_REFRESH_TOKEN, 401, 'Unauthorized', 'The refresh token is not valid; sign in again.');
  }

  static unauthenticated(): AuthException {
    return new AuthException(AuthExceptionCode.UNAUTHENTICATED, 401, 'Unauthorized', 'Sign in and send the access token as a Bearer token.');
  }

  static forbidden(): AuthException {
    return new AuthException(AuthExceptionCode.FORBIDDEN, 403, 'Forbidden', 'Your role may not do this.');
  }

  static weakPassword(problems: string[]): AuthException {
    const errors: FieldError[] = problems.map((message) => ({ field: 'password', message }));
    return new AuthException(AuthExceptionCode.WEAK_PASSWORD, 400, 'Bad Request', 'The password does not meet the password policy.', { errors });
  }

  static emailTaken(): AuthException {
    return new AuthException(AuthExceptionCode.EMAIL_TAKEN, 409, 'Conflict', 'A user with this e-mail address already exists.');
  }

  static invalidUser(field: string, message: string): AuthException {
    return new AuthException(AuthExceptionCode.INVALID_USER, 400, 'Bad Request', `${field} ${message}.`, { errors: [{ field, message }] });
  }

  /** This address must wait after its failed sign-ins on this account (the same for an unknown e-mail). */
  static throttled(retryAfterSeconds: number): AuthException {
    return new AuthException(
      AuthExceptionCode.SIGN_IN_THROTTLED,
      429,
      'Vent før næste forsøg',
      `Der har været for mange forkerte forsøg på at logge ind fra denne adresse; prøv igen om ${retryAfterSeconds} sekunder.`,
      { retryAfterSeconds },
    );
  }

  static selfChange(): AuthException {
    return new AuthException(
      AuthExceptionCode.SELF_CHANGE,
      403,
      'Ikke tilladt',
      'Du kan ikke ændre din egen rolle eller deaktivere dig selv; bed en anden administrator om det.',
    );
  }

  static approvalNotPossible(detail: string): AuthException {
    return new AuthException(AuthExceptionCode.APPROVAL, 409, 'Kan ikke godkendes', detail);
  }

  static lastAdmin(): AuthException {
    return new AuthException(AuthExceptionCode.LAST_ADMIN, 409, 'Conflict', 'This is the last active administrator; make another one first.');
  }
}
