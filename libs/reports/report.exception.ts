import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';

export class ReportException extends DomainException {
  private constructor(code: ProblemCode, detail: string) {
    super(code, detail);
  }

  static notOwner(): ReportException {
    return new ReportException('not-owner', 'Kun en projektleder i tilsagnets ansøgende kommune kan indsende dets rapporter.');
  }
}
