import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { EntityNotFoundError, QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainException } from './domain.exception.js';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem.js';
import { RequestValidationException } from './validation.js';

type Problem = Pick<ProblemDetails, 'type' | 'title' | 'status' | 'detail' | 'errors'> & Record<string, unknown>;

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

const MALFORMED_BODY: Problem = { type: problemType('malformed-body'), title: 'Bad Request', status: 400, detail: 'The request body is not valid JSON.' };
const UNSUPPORTED_BODY: Problem = { type: problemType('unsupported-media-type'), title: 'Unsupported Media Type', status: 415, detail: 'The request body must be JSON.' };

/** Fastify marks the errors of reading a body with a `code`; these are the client's fault, never a 500. */
const BODY_PARSER_PROBLEMS: Record<string, Problem> = {
  BODY_PARSE_FAILED: MALFORMED_BODY,
  FST_ERR_CTP_EMPTY_JSON_BODY: MALFORMED_BODY,
  FST_ERR_CTP_INVALID_JSON_BODY: MALFORMED_BODY,
  FST_ERR_CTP_BODY_TOO_LARGE: { type: problemType('body-too-large'), title: 'Content Too Large', status: 413, detail: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { ...MALFORMED_BODY, detail: 'The request body does not match its Content-Length.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: UNSUPPORTED_BODY,
  FST_ERR_CTP_INVALID_TYPE: UNSUPPORTED_BODY,
  FST_ERR_CTP_INVALID_CONTENT_TYPE: UNSUPPORTED_BODY,
};

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08') || code.startsWith('57P') || code === '53300')) {
    return true;
  }
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  );
}

function httpProblem(exception: HttpException): Problem {
  const status = exception.getStatus();
  const title = STATUS_CODES[status] ?? 'Error';
  const body = exception.getResponse();
  if (exception instanceof RequestValidationException) {
    return { type: problemType('validation-failed'), title, status, detail: exception.message, errors: exception.fieldErrors };
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

/** Turns every error into an `application/problem+json` answer; unknown errors become a 500 that leaks nothing. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

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
    const problem = this.toProblem(exception);

    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, `Answered ${problem.status}: ${(exception as Error)?.message ?? exception}`);
    }
    if (response.sent || response.raw.headersSent) return response;
    if (problem.status === 503) response.header('Retry-After', '5');
    if (problem.status === 401) response.header('WWW-Authenticate', 'Bearer');
    if (typeof problem.retryAfterSeconds === 'number') response.header('Retry-After', String(problem.retryAfterSeconds));
    const body: ProblemDetails = { ...problem, instance: (request.originalUrl ?? request.url)?.split('?')[0], requestId: String(request.id ?? '') };
    return response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  toProblem(exception: unknown): Problem {
    if (exception instanceof DomainException) {
      return { type: problemType(exception.code), title: exception.title, status: exception.status, detail: exception.detail, ...exception.extensions };
    }
    // Fastify's errors in reading a body carry their `code` (the adapter may wrap one and keep it as `cause`).
    const bodyCode = ((exception as { cause?: { code?: unknown } })?.cause?.code ?? (exception as { code?: unknown })?.code);
    if (typeof bodyCode === 'string' && Object.hasOwn(BODY_PARSER_PROBLEMS, bodyCode)) return BODY_PARSER_PROBLEMS[bodyCode];
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
}
