/** One field that failed validation, named by its path in the request (`ratings[0].rating`). */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error answer (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Problem types are URNs in our own namespace; plain HTTP errors use `about:blank` as RFC 9457 says. */
export function problemType(code: string): string {
  return `urn:tilskud:problem:${code}`;
}
