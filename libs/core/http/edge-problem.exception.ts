import { DomainException } from '../errors/domain.exception.js';
import type { Problem } from '../errors/problem.js';
import type { ProblemCode } from '../errors/problem-types.js';

/** An edge problem (see `EdgeProblem`) thrown inside Nest, where the exception filter answers it. */
export class EdgeProblemException extends DomainException {
  constructor(problem: Problem) {
    const { type, title: _title, status: _status, detail, ...extensions } = problem;
    super(type.replace(/^urn:tilskud:problem:/, '') as ProblemCode, detail, extensions);
  }
}
