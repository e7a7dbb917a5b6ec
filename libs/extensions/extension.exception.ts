import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { countOf, formatDate, sentence } from '../core/format/danish.js';

export class ExtensionException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static notOwner(): ExtensionException {
    return new ExtensionException(
      'not-owner',
      'Kun en projektleder i tilsagnets ansøgende kommune kan søge om en forlængelse eller trække anmodningen tilbage.',
    );
  }

  /** The request would take the award past the programme's maximum; says how many months are left. */
  static exceedsMaximum(requested: number, available: number, maximum: number): ExtensionException {
    return new ExtensionException(
      'extension-months-exceeded',
      `${countOf(requested, 'måned', 'måneder')} ville overskride puljens grænse på ${countOf(maximum, 'måneds', 'måneders')} COVID-19-forlængelse; ` +
        `der er ${countOf(available, 'måned', 'måneder')} tilbage.`,
      { monthsAvailable: available, maxMonths: maximum, errors: [{ field: 'months', message: `må højst være ${available}` }] },
    );
  }

  static afterEndDate(endDate: string): ExtensionException {
    return new ExtensionException('after-end-date', `Der skal søges om forlængelse før tilsagnets nuværende slutdato, ${formatDate(endDate)}.`, { endDate });
  }

  static alreadyPending(): ExtensionException {
    return new ExtensionException('extension-pending', 'Tilsagnet har allerede en anmodning om forlængelse, der venter på afgørelse.');
  }

  static invalid(field: string, message: string): ExtensionException {
    return new ExtensionException('invalid-extension-decision', sentence(`${field} ${message}`), { errors: [{ field, message }] });
  }

  static rationaleRequired(): ExtensionException {
    return new ExtensionException(
      'main-considerations-required',
      'Et afslag eller en godkendelse af færre måneder end ansøgt skal angive de hovedhensyn, der har været bestemmende for afgørelsen (forvaltningsloven § 24).',
      { errors: [{ field: 'rationale', message: 'skal angive afgørelsens hovedhensyn' }] },
    );
  }
}
