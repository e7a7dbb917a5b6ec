import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import type { FieldError } from '../core/errors/problem.js';

export class AssessmentException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static notAssessor(): AssessmentException {
    return new AssessmentException('not-the-assessor', 'Only the caseworker who wrote the assessment may change or complete it.');
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
    return new AssessmentException('invalid-assessment', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      errors,
    });
  }

  static incomplete(missing: string[]): AssessmentException {
    return new AssessmentException('assessment-incomplete', `Every criterion needs a rating and a rationale; missing: ${missing.join(', ')}.`, {
      missingCriteria: missing,
      errors: missing.map((key) => ({ field: 'ratings', message: `has no rating for criterion ${key}` })),
    });
  }

  static recommendedAboveRequested(): AssessmentException {
    return new AssessmentException('recommended-above-requested', 'The recommended amount cannot be more than the applicant asked for.', {
      errors: [{ field: 'recommendedOre', message: 'must not be more than the requested amount' }],
    });
  }
}
