import {
  BadRequestException,
  ForbiddenException,
  NotAcceptableException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainException } from './domain.exception.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { PROBLEM_TYPES, problemTypeList } from './problem-types.js';

function queryFailed(code: string, message = 'failed'): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));
}

class BudgetException extends DomainException {
  constructor() {
    super('budget-exceeded', 'Tilsagnet ville gå 10 kr. ud over budgettet.', { overByOre: 1000 });
  }
}

describe('ProblemDetailsFilter.toProblem', () => {
  const filter = new ProblemDetailsFilter();

  it.each([
    ['23505', 409],
    ['23503', 409],
    ['23514', 422],
    ['22P02', 400],
    ['40001', 409],
  ])('answers Postgres error %s with %i', (code, status) => {
    expect(filter.toProblem(queryFailed(code)).status).toBe(status);
  });

  it('answers a lost database connection with 503, not 500', () => {
    expect(filter.toProblem(queryFailed('57P01')).status).toBe(503);
    expect(filter.toProblem(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })).status).toBe(503);
    expect(filter.toProblem(queryFailed('XX000', 'Connection terminated unexpectedly')).status).toBe(503);
    // A transaction whose connection broke: TypeORM has released its query runner by the next query.
    expect(filter.toProblem(new QueryRunnerAlreadyReleasedError()).status).toBe(503);
    expect(filter.toProblem(new QueryRunnerProviderAlreadyReleasedError()).status).toBe(503);
  });

  it('keeps a domain exception’s code, status and extension members', () => {
    expect(filter.toProblem(new BudgetException())).toEqual({
      type: 'urn:tilskud:problem:budget-exceeded',
      title: 'Budgettet rækker ikke',
      status: 409,
      detail: 'Tilsagnet ville gå 10 kr. ud over budgettet.',
      overByOre: 1000,
    });
  });

  it('answers an unknown error with a 500 that says nothing about it', () => {
    const problem = filter.toProblem(new Error('password authentication failed for user "postgres" at /srv/secret.ts:12'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toMatch(/password|secret|postgres/);
  });

  it('says an HTTP exception of the framework in Danish, never in its English', () => {
    expect(filter.toProblem(new BadRequestException('cursor is not valid'))).toMatchObject({ status: 400, detail: 'En værdi i anmodningen er ugyldig.' });
    expect(filter.toProblem(new BadRequestException('Validation failed (uuid is expected)'))).toMatchObject({
      type: 'urn:tilskud:problem:invalid-value',
      status: 400,
      detail: expect.stringMatching(/^Id’et i adressen skal være et UUID/),
      errors: [{ field: 'id', message: 'skal være et id (UUID)' }],
    });
    for (const exception of [
      new UnauthorizedException(),
      new ForbiddenException(),
      new NotFoundException(),
      new PayloadTooLargeException(),
      new UnsupportedMediaTypeException(),
    ]) {
      const { detail, title } = filter.toProblem(exception);
      expect(`${title} ${detail}`).not.toMatch(/\b(Unauthorized|Forbidden|Not Found|Payload|Unsupported|Error)\b/);
    }
    expect(filter.toProblem(new NotAcceptableException())).toMatchObject({ type: 'about:blank', status: 406, title: 'Anmodningen kunne ikke udføres' });
  });

  it('turns a failed health check into a 503 problem naming what is down', () => {
    const report = { status: 'error', info: { db: { status: 'up' } }, error: { redis: { status: 'down' } }, details: {} };
    expect(filter.toProblem(new ServiceUnavailableException(report))).toMatchObject({
      status: 503,
      detail: 'Ikke tilgængelig: redis.',
      error: { redis: { status: 'down' } },
    });
  });
});

describe('the problem registry', () => {
  it('gives every problem one status and a Danish title, and types in our namespace', () => {
    for (const { type, status, title } of problemTypeList()) {
      expect(type).toMatch(/^urn:tilskud:problem:[a-z]+(-[a-z]+)*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(title).not.toMatch(/^(Bad Request|Not Found|Conflict|Forbidden|Unauthorized|Unprocessable Content)$/);
    }
  });

  it('answers an exception with its registry entry’s status and title, whatever the context', () => {
    for (const code of ['not-found', 'four-eyes', 'budget-exceeded', 'sign-in-throttled'] as const) {
      class Probe extends DomainException {
        constructor() {
          super(code, 'prøve');
        }
      }
      expect(new ProblemDetailsFilter().toProblem(new Probe())).toMatchObject({ type: `urn:tilskud:problem:${code}`, ...PROBLEM_TYPES[code] });
    }
  });
});
