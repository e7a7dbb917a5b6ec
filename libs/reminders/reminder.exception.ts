import { DomainException } from '../core/errors/domain.exception.js';

export class ReminderException extends DomainException {
  static notFailed(status: string): ReminderException {
    return new ReminderException('illegal-transition', `Kun en besked, der ikke kunne leveres, kan sendes igen; denne er ${STATUS_NAMES[status] ?? status}.`, {
      currentStatus: status,
    });
  }
}

const STATUS_NAMES: Record<string, string> = { scheduled: 'planlagt', sent: 'sendt', cancelled: 'annulleret' };
