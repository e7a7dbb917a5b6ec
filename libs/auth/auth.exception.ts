import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import type { FieldError } from '../core/errors/problem.js';

export class AuthException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  /** The same answer for an unknown e-mail, a wrong password, a locked or a deactivated account: no enumeration. */
  static invalidCredentials(): AuthException {
    return new AuthException('invalid-credentials', 'The e-mail address or the password is wrong.');
  }

  static invalidRefreshToken(): AuthException {
    return new AuthException('invalid-refresh-token', 'The refresh token is not valid; sign in again.');
  }

  static unauthenticated(): AuthException {
    return new AuthException('unauthenticated', 'Sign in and send the access token as a Bearer token.');
  }

  static forbidden(): AuthException {
    return new AuthException('forbidden', 'Your role may not do this.');
  }

  static weakPassword(problems: string[]): AuthException {
    const errors: FieldError[] = problems.map((message) => ({ field: 'password', message }));
    return new AuthException('weak-password', 'The password does not meet the password policy.', { errors });
  }

  static emailTaken(): AuthException {
    return new AuthException('email-taken', 'A user with this e-mail address already exists.');
  }

  static invalidUser(field: string, message: string): AuthException {
    return new AuthException('invalid-user', `${field} ${message}.`, { errors: [{ field, message }] });
  }

  /** This address must wait after its failed sign-ins on this account (the same for an unknown e-mail). */
  static throttled(retryAfterSeconds: number): AuthException {
    return new AuthException(
      'sign-in-throttled',
      `Der har været for mange forkerte forsøg på at logge ind fra denne adresse; prøv igen om ${retryAfterSeconds} sekunder.`,
      { retryAfterSeconds },
    );
  }

  static selfChange(): AuthException {
    return new AuthException('self-change', 'Du kan ikke ændre din egen rolle eller deaktivere dig selv; bed en anden administrator om det.');
  }

  static approvalNotPossible(detail: string): AuthException {
    return new AuthException('approval-not-possible', detail);
  }

  static lastAdmin(): AuthException {
    return new AuthException('last-admin', 'This is the last active administrator; make another one first.');
  }
}
