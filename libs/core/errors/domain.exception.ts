/**
 * The base of every typed domain exception (`AwardException`, `ApplicationException`…). A bounded
 * context declares its codes and their HTTP status once; the problem-details filter does the rest, so
 * services never throw HTTP exceptions.
 */
export abstract class DomainException extends Error {
  protected constructor(
    /** Stable, kebab-case, part of the problem `type` (`urn:tilskud:problem:budget-exceeded`). */
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** Extra members for the problem body, e.g. `{ monthsAvailable: 2 }`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** The one generic "not found, or not yours" answer: the two are indistinguishable on purpose. */
export class NotFoundDomainException extends DomainException {
  constructor(entity: string, id?: string) {
    super('not-found', 404, 'Not Found', id ? `${entity} ${id} was not found.` : `${entity} was not found.`);
  }
}
