import { PROBLEM_TYPES, type ProblemCode } from './problem-types.js';

/**
 * The base of every typed domain exception (`DecisionException`, `ApplicationException`…). A bounded
 * context names the problem by its code in the registry (`problem-types.ts`), which gives it its HTTP
 * status and Danish title, and says what happened in `detail`; the problem-details filter does the
 * rest, so services never throw HTTP exceptions.
 */
export abstract class DomainException extends Error {
  readonly status: number;
  readonly title: string;

  protected constructor(
    /** Stable, kebab-case, part of the problem `type` (`urn:tilskud:problem:budget-exceeded`). */
    readonly code: ProblemCode,
    readonly detail: string,
    /** Extra members for the problem body, e.g. `{ monthsAvailable: 2 }`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
    this.status = PROBLEM_TYPES[code].status;
    this.title = PROBLEM_TYPES[code].title;
  }
}

/** The one generic "not found, or not yours" answer: the two are indistinguishable on purpose. */
export class NotFoundDomainException extends DomainException {
  /** `entity` in Danish and in its definite form, as the sentence begins with it: `Puljen`, `Vurderingen af ansøgningen`. */
  constructor(entity: string, id?: string) {
    super('not-found', id ? `${entity} ${id} findes ikke.` : `${entity} findes ikke.`);
  }
}
