import { DomainException } from '../core/errors/domain.exception.js';
import { statusLabel } from '../core/format/status-labels.js';

export class ReminderException extends DomainException {
  static notFailed(status: string): ReminderException {
    return new ReminderException(
      'illegal-transition',
      `Kun en besked, der ikke kunne leveres, kan sendes igen; denne er ${statusLabel(status).toLowerCase()}.`,
      {
        currentStatus: status,
      },
    );
  }
}
