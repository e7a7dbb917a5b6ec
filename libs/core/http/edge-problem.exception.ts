import { DomainException } from '../errors/domain.exception.js';
import type { Problem } from '../errors/problem.js';

/** An edge problem (see `EdgeProblem`) thrown inside Nest, where the exception filter answers it. */
export class EdgeProblemException extends DomainException {
  constructor(problem: Problem) {
    const { type, title, status, detail, ...extensions } = problem;
    super(type.replace(/^urn:tilskud:problem:/, ''), status, title, detail, extensions);
  }
}
