import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_TYPES, problemType, type ProblemCode } from './problem-types.js';

/**
 * Documents the problems an operation answers besides those every operation can give (see
 * completeOpenApiDocument): one response per status, naming each problem type with its Danish
 * title. The e2e tests fail on an answer whose status the operation does not document, so a new
 * `throw` in a service shows up here.
 */
export function ApiProblems(...codes: ProblemCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) byStatus.set(PROBLEM_TYPES[code].status, [...(byStatus.get(PROBLEM_TYPES[code].status) ?? []), code]);
  return applyDecorators(
    ...[...byStatus].map(([status, grouped]) =>
      ApiResponse({ status, description: grouped.map((code) => `${PROBLEM_TYPES[code].title} (\`${problemType(code)}\`)`).join('; ') }),
    ),
  );
}
