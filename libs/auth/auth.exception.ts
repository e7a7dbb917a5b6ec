import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { describeFieldErrors, type FieldError } from '../core/errors/problem.js';
import { sentence } from '../core/format/danish.js';

export class AuthException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  /** The same answer for an unknown e-mail, a wrong password, a locked or a deactivated account: no enumeration. */
  static invalidCredentials(): AuthException {
    return new AuthException('invalid-credentials', 'E-mailadressen eller adgangskoden er forkert.');
  }

  static invalidRefreshToken(): AuthException {
    return new AuthException('invalid-refresh-token', 'Fornyelsesnøglen er ikke gyldig; log ind igen.');
  }

  /** `X-Refresh-Token-Transport` with a value other than `cookie`. */
  static invalidRefreshTransport(header: string): AuthException {
    const errors: FieldError[] = [{ field: header, message: 'skal være cookie' }];
    return new AuthException('validation-failed', `Oplysningerne er ikke gyldige: ${describeFieldErrors(errors)}`, { errors });
  }

  static unauthenticated(): AuthException {
    return new AuthException('unauthenticated', 'Log ind, og send adgangsnøglen som Bearer-token.');
  }

  static forbidden(): AuthException {
    return new AuthException('forbidden', 'Din rolle må ikke gøre dette.');
  }

  static weakPassword(problems: string[]): AuthException {
    const errors: FieldError[] = problems.map((message) => ({ field: 'password', message }));
    return new AuthException('weak-password', 'Adgangskoden opfylder ikke kravene til adgangskoder.', { errors });
  }

  static emailTaken(): AuthException {
    return new AuthException('email-taken', 'Der findes allerede en bruger med denne e-mailadresse.');
  }

  static invalidUser(field: string, message: string): AuthException {
    return new AuthException('invalid-user', sentence(`${field} ${message}`), { errors: [{ field, message }] });
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
    return new AuthException('last-admin', 'Det er den sidste aktive administrator; gør en anden til administrator først.');
  }
}
