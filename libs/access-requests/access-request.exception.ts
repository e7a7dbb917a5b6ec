import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';

export class AccessRequestException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static receivedInFuture(today: string): AccessRequestException {
    return new AccessRequestException('validation-failed', `Anmodningen kan ikke være modtaget efter i dag (${today}).`, {
      errors: [{ field: 'receivedOn', message: 'må ikke ligge efter i dag' }],
    });
  }

  static alreadyCompleted(): AccessRequestException {
    return new AccessRequestException('illegal-transition', 'Anmodningen om aktindsigt er allerede besvaret.', { currentStatus: 'completed' });
  }
}
