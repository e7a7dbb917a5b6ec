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
  private constructor(code: AuthExceptionCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  /** The same answer for an unknown e-mail, a wrong password, a locked or a deactivated account: no enumeration. */
  static invalidCredentials(): AuthException {
    return new AuthException(AuthExceptionCode.INVALID_CREDENTIALS, 'The e-mail address or the password is wrong.');
  }

  static invalidRefreshToken(): AuthException {
    return new AuthException(AuthExceptionCode.INVALID_REFRESH_TOKEN, 'The refresh token is not valid; sign in again.');
  }

  static unauthenticated(): AuthException {
    return new AuthException(AuthExceptionCode.UNAUTHENTICATED, 'Sign in and send the access token as a Bearer token.');
  }

  static forbidden(): AuthException {
    return new AuthException(AuthExceptionCode.FORBIDDEN, 'Your role may not do this.');
  }

  static weakPassword(problems: string[]): AuthException {
    const errors: FieldError[] = problems.map((message) => ({ field: 'password', message }));
    return new AuthException(AuthExceptionCode.WEAK_PASSWORD, 'The password does not meet the password policy.', { errors });
  }

  static emailTaken(): AuthException {
    return new AuthException(AuthExceptionCode.EMAIL_TAKEN, 'A user with this e-mail address already exists.');
  }

  static invalidUser(field: string, message: string): AuthException {
    return new AuthException(AuthExceptionCode.INVALID_USER, `${field} ${message}.`, { errors: [{ field, message }] });
  }

  /** This address must wait after its failed sign-ins on this account (the same for an unknown e-mail). */
  static throttled(retryAfterSeconds: number): AuthException {
    return new AuthException(
      AuthExceptionCode.SIGN_IN_THROTTLED,
      `Der har været for mange forkerte forsøg på at logge ind fra denne adresse; prøv igen om ${retryAfterSeconds} sekunder.`,
      { retryAfterSeconds },
    );
  }

  static selfChange(): AuthException {
    return new AuthException(AuthExceptionCode.SELF_CHANGE, 'Du kan ikke ændre din egen rolle eller deaktivere dig selv; bed en anden administrator om det.');
  }

  static approvalNotPossible(detail: string): AuthException {
    return new AuthException(AuthExceptionCode.APPROVAL, detail);
  }

  static lastAdmin(): AuthException {
    return new AuthException(AuthExceptionCode.LAST_ADMIN, 'This is the last active administrator; make another one first.');
  }
}
