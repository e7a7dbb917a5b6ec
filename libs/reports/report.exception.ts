import { DomainException } from '../core/errors/domain.exception.js';

export class ReportException extends DomainException {
  private constructor(code: string, status: number, title: string, detail: string) {
    super(code, status, title, detail);
  }

  static notOwner(): ReportException {
    return new ReportException('not-owner', 403, 'Forbidden', 'Only a project lead of the award’s lead kommune may submit its reports.');
  }
}
