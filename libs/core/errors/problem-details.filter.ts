import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Inject, Logger, NotFoundException, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { EntityNotFoundError, QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { BODY_READ_PROBLEMS, EdgeProblem, jsonBodyProblem } from '../http/edge-problems.js';
import { JsonBodyError } from '../http/json-body.js';
import { RouteCatalog } from '../http/route-catalog.js';
import { loggableError } from '../logging/loggable-error.js';
import { DomainException } from './domain.exception.js';
import { pathOf, type Problem, problemType, sendProblem } from './problem.js';
import { RequestValidationException } from './validation.js';

/** PostgreSQL SQLSTATE codes we answer as client errors instead of 500s. */
const POSTGRES_PROBLEMS: Record<string, Problem> = {
  '23505': { type: problemType('duplicate'), title: 'Conflict', status: 409, detail: 'This would duplicate an existing record.' },
  '23503': {
    type: problemType('reference-conflict'),
    title: 'Conflict',
    status: 409,
    detail: 'This refers to a record that does not exist, or a record that others still refer to.',
  },
  '23514': { type: problemType('rule-violated'), title: 'Unprocessable Content', status: 422, detail: 'This breaks a rule of the data.' },
  '23502': { type: problemType('rule-violated'), title: 'Unprocessable Content', status: 422, detail: 'A required value is missing.' },
  '22P02': { type: problemType('invalid-value'), title: 'Bad Request', status: 400, detail: 'A value has the wrong format.' },
  '22003': { type: problemType('invalid-value'), title: 'Bad Request', status: 400, detail: 'A number is out of range.' },
  '22007': { type: problemType('invalid-value'), title: 'Bad Request', status: 400, detail: 'A date or time has the wrong format.' },
  '22008': { type: problemType('invalid-value'), title: 'Bad Request', status: 400, detail: 'A date or time is out of range.' },
  // Text Postgres cannot hold (a NUL, an encoding it cannot convert) or a value too long for its column
  // or index. The edge refuses such values first; these answer any that reach the database.
  '22021': { type: problemType('invalid-characters'), title: 'Ugyldige tegn', status: 400, detail: 'Teksten indeholder tegn, der ikke kan gemmes.' },
  '22P05': { type: problemType('invalid-characters'), title: 'Ugyldige tegn', status: 400, detail: 'Teksten indeholder tegn, der ikke kan gemmes.' },
  '22001': { type: problemType('invalid-value'), title: 'Bad Request', status: 400, detail: 'A value is too long.' },
  '54000': { type: problemType('invalid-value'), title: 'Bad Request', status: 400, detail: 'A value is too large.' },
  '40001': {
    type: problemType('concurrent-update'),
    title: 'Conflict',
    status: 409,
    detail: 'Another change was made at the same time; try again.',
  },
  '40P01': {
    type: problemType('concurrent-update'),
    title: 'Conflict',
    status: 409,
    detail: 'Another change was made at the same time; try again.',
  },
};

const UNAVAILABLE: Problem = {
  type: problemType('service-unavailable'),
  title: 'Service Unavailable',
  status: 503,
  detail: 'A service the system depends on is not answering; try again shortly.',
};

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08') || code.startsWith('57P') || code === '53300')) {
    return true;
  }
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(error.message);
}

function httpProblem(exception: HttpException): Problem {
  const status = exception.getStatus();
  const title = STATUS_CODES[status] ?? 'Error';
  const body = exception.getResponse();
  if (exception instanceof RequestValidationException) {
    const omitted = exception.omitted > 0 ? { errorsOmitted: exception.omitted } : {};
    return { type: problemType('validation-failed'), title, status, detail: exception.message, errors: exception.fieldErrors, ...omitted };
  }
  // @nestjs/terminus answers an unhealthy check with its report; keep it as problem extension members.
  if (typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'error' && 'error' in body) {
    const report = body as { info?: object; error: Record<string, unknown>; details?: object };
    return { ...UNAVAILABLE, status, detail: `Unavailable: ${Object.keys(report.error).join(', ')}.`, info: report.info, error: report.error };
  }
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : title;
  return { type: 'about:blank', title, status, detail };
}

/** What Nest's not-found handler throws for a request that matched no route: `Cannot GET /path`. */
function isUnroutedRequest(exception: unknown, request: FastifyRequest): boolean {
  return exception instanceof NotFoundException && exception.message === `Cannot ${request.method} ${request.url}`;
}

/** An error as the body reader raised it, or as the adapter wrapped it (`cause`). */
function bodyReadError(exception: unknown): unknown {
  const cause = (exception as { cause?: unknown } | undefined)?.cause;
  return cause instanceof JsonBodyError || typeof (cause as { code?: unknown } | undefined)?.code === 'string' ? cause : exception;
}

/** Turns every error into an `application/problem+json` answer; unknown errors become a 500 that leaks nothing. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(@Optional() @Inject(RouteCatalog) private readonly routes?: RouteCatalog) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    this.answer(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /**
   * Answers `exception` on `response` as problem+json; also for routes outside Nest (the queue dashboard),
   * whose hooks return the reply it gives back.
   */
  answer(exception: unknown, request: FastifyRequest, response: FastifyReply): FastifyReply {
    const problem = isUnroutedRequest(exception, request) ? this.unroutedProblem(request) : this.toProblem(exception);
    if (problem.status >= 500) {
      // The error without its query parameters (they may hold a password hash or personal data).
      this.logger.error({ err: loggableError(exception), requestId: request.id }, `Answered ${problem.status}: ${(exception as Error)?.message ?? exception}`);
    }
    if (response.sent || response.raw.headersSent) {
      // A streamed answer already under way cannot turn into a problem; it must still end.
      if (!response.raw.writableEnded) response.raw.destroy();
      return response;
    }
    return sendProblem(response, request, problem);
  }

  toProblem(exception: unknown): Problem {
    if (exception instanceof DomainException) {
      return { type: problemType(exception.code), title: exception.title, status: exception.status, detail: exception.detail, ...exception.extensions };
    }
    // Fastify's errors in reading a body carry their `code`; our JSON reader throws its own refusal.
    const readError = bodyReadError(exception);
    if (readError instanceof JsonBodyError) return jsonBodyProblem(readError.refusal);
    if (readError instanceof SyntaxError && (readError as { statusCode?: unknown }).statusCode === 400) return EdgeProblem.malformedBody();
    const bodyCode = (readError as { code?: unknown } | undefined)?.code;
    if (typeof bodyCode === 'string' && Object.hasOwn(BODY_READ_PROBLEMS, bodyCode)) return BODY_READ_PROBLEMS[bodyCode]();
    if (exception instanceof HttpException) return httpProblem(exception);
    if (exception instanceof EntityNotFoundError) {
      return { type: problemType('not-found'), title: 'Not Found', status: 404, detail: 'The requested record was not found.' };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      if (code && POSTGRES_PROBLEMS[code]) return POSTGRES_PROBLEMS[code];
    }
    // TypeORM releases a query runner whose connection broke; the transaction's next query then says so,
    // through the runner itself or through an EntityManager that the runner provided.
    if (exception instanceof QueryRunnerAlreadyReleasedError || exception instanceof QueryRunnerProviderAlreadyReleasedError) return UNAVAILABLE;
    if (isConnectionFailure(exception) || isConnectionFailure((exception as { driverError?: unknown })?.driverError)) return UNAVAILABLE;
    return {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'An unexpected error occurred. It has been logged; quote the request id when reporting it.',
    };
  }

  /** A request no route took: 405 with `Allow` when the path exists under other methods, else 404. */
  private unroutedProblem(request: FastifyRequest): Problem {
    const allow = this.routes?.methodsFor(pathOf(request.url) ?? '') ?? [];
    if (allow.length > 0) return EdgeProblem.methodNotAllowed(request.method, allow);
    return { type: 'about:blank', title: 'Not Found', status: 404, detail: `Cannot ${request.method} ${pathOf(request.url)}` };
  }
}
