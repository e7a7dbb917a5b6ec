import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { describeFieldErrors, type FieldError } from '../core/errors/problem.js';
import { listOf } from '../core/format/danish.js';

export class AssessmentException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static notAssessor(): AssessmentException {
    return new AssessmentException('not-the-assessor', 'Kun den sagsbehandler, der har skrevet vurderingen, kan ændre den eller melde den færdig.');
  }

  static notHandedOver(status: string): AssessmentException {
    return new AssessmentException(
      'illegal-transition',
      'Kun en vurdering, der er i gang, kan overdrages; en afsluttet vurdering bliver hos sin forfatter (firøjneprincippet).',
      { currentStatus: status },
    );
  }

  static staleVersion(expected: number, actual: number): AssessmentException {
    return new AssessmentException(
      'stale-version',
      `Vurderingen er ændret, siden du hentede version ${expected} (den er nu version ${actual}). Hent den igen, og gentag din ændring.`,
      { currentVersion: actual },
    );
  }

  static assessorNotEligible(reason: string): AssessmentException {
    return new AssessmentException('assessor-not-eligible', `Vurderingen kan ikke overdrages: ${reason}.`, {
      errors: [{ field: 'assessorId', message: reason }],
    });
  }

  static invalid(errors: FieldError[]): AssessmentException {
    return new AssessmentException('invalid-assessment', describeFieldErrors(errors), {
      errors,
    });
  }

  static incomplete(missing: string[]): AssessmentException {
    return new AssessmentException('assessment-incomplete', `Hvert kriterium skal have en karakter og en begrundelse; det mangler for ${listOf(missing)}.`, {
      missingCriteria: missing,
      errors: missing.map((key) => ({ field: 'ratings', message: `mangler karakter og begrundelse for kriteriet ${key}` })),
    });
  }

  static recommendedAboveRequested(): AssessmentException {
    return new AssessmentException('recommended-above-requested', 'Det indstillede beløb kan ikke være større end det ansøgte.', {
      errors: [{ field: 'recommendedOre', message: 'må ikke være større end det ansøgte beløb' }],
    });
  }
}
