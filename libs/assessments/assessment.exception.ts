import { DomainException } from '../core/errors/domain.exception.js';
import type { FieldError } from '../core/errors/problem.js';

export enum AssessmentExceptionCode {
  NOT_ASSESSOR = 'not-the-assessor',
  INVALID_ASSESSMENT = 'invalid-assessment',
  INCOMPLETE = 'assessment-incomplete',
  RECOMMENDED_ABOVE_REQUESTED = 'recommended-above-requested',
}

export class AssessmentException extends DomainException {
  private constructor(code: AssessmentExceptionCode, detail: string, extensions?: Record<string, unknown>) {
    super(code, detail, extensions);
  }

  static notAssessor(): AssessmentException {
    return new AssessmentException(AssessmentExceptionCode.NOT_ASSESSOR, 'Only the caseworker who wrote the assessment may change or complete it.');
  }

  static invalid(errors: FieldError[]): AssessmentException {
    return new AssessmentException(AssessmentExceptionCode.INVALID_ASSESSMENT, errors.map((e) => `${e.field} ${e.message}`).join('; '), {
      errors,
    });
  }

  static incomplete(missing: string[]): AssessmentException {
    return new AssessmentException(AssessmentExceptionCode.INCOMPLETE, `Every criterion needs a rating and a rationale; missing: ${missing.join(', ')}.`, {
      missingCriteria: missing,
      errors: missing.map((key) => ({ field: 'ratings', message: `has no rating for criterion ${key}` })),
    });
  }

  static recommendedAboveRequested(): AssessmentException {
    return new AssessmentException(AssessmentExceptionCode.RECOMMENDED_ABOVE_REQUESTED, 'The recommended amount cannot be more than the applicant asked for.', {
      errors: [{ field: 'recommendedOre', message: 'must not be more than the requested amount' }],
    });
  }
}
