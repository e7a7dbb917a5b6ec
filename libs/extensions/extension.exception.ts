import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';

export class ExtensionException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static notOwner(): ExtensionException {
    return new ExtensionException('not-owner', 'Only a project lead of the award’s lead kommune may request or withdraw an extension.');
  }

  /** The request would take the award past the programme's maximum; says how many months are left. */
  static exceedsMaximum(requested: number, available: number, maximum: number): ExtensionException {
    return new ExtensionException(
      'extension-months-exceeded',
      `${requested} month(s) would exceed the programme's maximum of ${maximum} months of COVID-19 extension; ${available} month(s) are still available.`,
      { monthsAvailable: available, maxMonths: maximum, errors: [{ field: 'months', message: `must be at most ${available}` }] },
    );
  }

  static afterEndDate(endDate: string): ExtensionException {
    return new ExtensionException('after-end-date', `An extension must be requested before the award's current end date, ${endDate}.`, { endDate });
  }

  static alreadyPending(): ExtensionException {
    return new ExtensionException('extension-pending', 'The award already has an extension request waiting for a decision.');
  }

  static invalid(field: string, message: string): ExtensionException {
    return new ExtensionException('invalid-extension-decision', `${field} ${message}.`, { errors: [{ field, message }] });
  }

  static rationaleRequired(): ExtensionException {
    return new ExtensionException(
      'main-considerations-required',
      'A rejection or an approval of fewer months than requested must state its main considerations (forvaltningsloven § 24).',
      { errors: [{ field: 'rationale', message: 'must state the main considerations of the decision' }] },
    );
  }
}
