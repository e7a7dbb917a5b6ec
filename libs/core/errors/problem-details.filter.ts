import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject, Logger, NotFoundException, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EntityNotFoundError, QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { BODY_READ_PROBLEMS, EdgeProblem, jsonBodyProblem } from '../http/edge-problems.js';
import { JsonBodyError } from '../http/json-body.js';
import { RouteCatalog } from '../http/route-catalog.js';
import { loggableError } from '../logging/loggable-error.js';
import { DomainException } from './domain.exception.js';
import { pathOf, type Problem, problem, sendProblem } from './problem.js';
import { PROBLEM_TYPES, type ProblemCode } from './problem-types.js';
import { listOf, sentence } from '../format/danish.js';
import { RequestValidationException } from './validation.js';

/** PostgreSQL SQLSTATE codes we answer as client errors instead of 500s. */
const POSTGRES_PROBLEMS: Record<string, () => Problem> = {
  '23505': () => problem('duplicate', 'Det ville gentage noget, der findes i forvejen.'),
  '23503': () => problem('reference-conflict', 'Det henviser til noget, der ikke findes, eller som andet stadig henviser til.'),
  '23514': () => problem('rule-violated', 'Det bryder en regel for dataene.'),
  '23502': () => problem('rule-violated', 'En påkrævet værdi mangler.'),
  '22P02': () => problem('invalid-value', 'En værdi har forkert format.'),
  '22003': () => problem('invalid-value', 'Et tal er uden for det tilladte.'),
  '22007': () => problem('invalid-value', 'En dato eller et tidspunkt har forkert format.'),
  '22008': () => problem('invalid-value', 'En dato eller et tidspunkt er uden for det tilladte.'),
  // Text Postgres cannot hold (a NUL, an encoding it cannot convert) or a value too long for its column
  // or index. The edge refuses such values first; these answer any that reach the database.
  '22021': () => problem('invalid-characters', 'Teksten indeholder tegn, der ikke kan gemmes.'),
  '22P05': () => problem('invalid-characters', 'Teksten indeholder tegn, der ikke kan gemmes.'),
  '22001': () => problem('invalid-value', 'En værdi er for lang.'),
  '54000': () => problem('invalid-value', 'En værdi er for stor.'),
  '40001': () => problem('concurrent-update', 'En anden ændring blev lavet samtidig; prøv igen.'),
  '40P01': () => problem('concurrent-update', 'En anden ændring blev lavet samtidig; prøv igen.'),
};

const unavailable = (): Problem => problem('service-unavailable', 'En tjeneste, systemet bygger på, svarer ikke; prøv igen om lidt.');

/** A plain HTTP error (from Nest or a pipe), by its status, as the registry's problem for it. */
const HTTP_STATUS_PROBLEMS: Record<number, ProblemCode> = {
  400: 'invalid-value',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'body-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'service-unavailable',
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

/**
 * What an HTTP error from Nest or a pipe says, in Danish: the framework's own messages are English
 * (`Validation failed (uuid is expected)`), so a known one is said again in Danish and any other gets
 * its status's Danish sentence.
 */
const HTTP_STATUS_DETAILS: Partial<Record<ProblemCode, string>> = {
  'invalid-value': 'En værdi i anmodningen er ugyldig.',
  unauthenticated: 'Log ind, og send adgangsnøglen som Bearer-token.',
  forbidden: 'Din rolle må ikke gøre dette.',
  'not-found': 'Det efterspurgte findes ikke.',
  'method-not-allowed': 'Metoden kan ikke bruges på denne adresse.',
  'rate-limited': 'For mange forsøg; vent lidt, og prøv igen.',
  'service-unavailable': 'En tjeneste, systemet bygger på, svarer ikke; prøv igen om lidt.',
};

/** Nest's ParseUUIDPipe on a path's `:id`. */
const NOT_A_UUID = /^(Validation failed \(uuid( v ?\d+)? is expected\)|The value passed as UUID is not a string)$/;

function httpProblem(exception: HttpException): Problem {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (exception instanceof RequestValidationException) {
    const omitted = exception.omitted > 0 ? { errorsOmitted: exception.omitted } : {};
    return problem('validation-failed', exception.message, { errors: exception.fieldErrors, ...omitted });
  }
  // @nestjs/terminus answers an unhealthy check with its report; keep it as problem extension members.
  if (typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'error' && 'error' in body) {
    const report = body as { info?: object; error: Record<string, unknown>; details?: object };
    return problem('service-unavailable', `Ikke tilgængelig: ${listOf(Object.keys(report.error))}.`, { info: report.info, error: report.error });
  }
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  if (status === 400 && typeof message === 'string' && NOT_A_UUID.test(message)) {
    return problem('invalid-value', 'Id’et i adressen skal være et UUID, fx 7f3a9c21-4b6e-4d2a-9c1f-0e8b7a6d5c4b.', {
      errors: [{ field: 'id', message: 'skal være et id (UUID)' }],
    });
  }
  if (status === 413) return EdgeProblem.bodyTooLarge();
  if (status === 415) return EdgeProblem.unsupportedMediaType();
  const code = HTTP_STATUS_PROBLEMS[status];
  if (code) return { ...problem(code, HTTP_STATUS_DETAILS[code] ?? sentence(PROBLEM_TYPES[code].title)), status };
  return { type: 'about:blank', title: 'Anmodningen kunne ikke udføres', status, detail: `Anmodningen kunne ikke udføres (HTTP ${status}).` };
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
    if (exception instanceof DomainException) return problem(exception.code, exception.detail, exception.extensions);
    // Fastify's errors in reading a body carry their `code`; our JSON reader throws its own refusal.
    const readError = bodyReadError(exception);
    if (readError instanceof JsonBodyError) return jsonBodyProblem(readError.refusal);
    if (readError instanceof SyntaxError && (readError as { statusCode?: unknown }).statusCode === 400) return EdgeProblem.malformedBody();
    const bodyCode = (readError as { code?: unknown } | undefined)?.code;
    if (typeof bodyCode === 'string' && Object.hasOwn(BODY_READ_PROBLEMS, bodyCode)) return BODY_READ_PROBLEMS[bodyCode]();
    if (exception instanceof HttpException) return httpProblem(exception);
    if (exception instanceof EntityNotFoundError) return problem('not-found', 'Det efterspurgte findes ikke.');
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      if (code && Object.hasOwn(POSTGRES_PROBLEMS, code)) return POSTGRES_PROBLEMS[code]();
    }
    // TypeORM releases a query runner whose connection broke; the transaction's next query then says so,
    // through the runner itself or through an EntityManager that the runner provided.
    if (exception instanceof QueryRunnerAlreadyReleasedError || exception instanceof QueryRunnerProviderAlreadyReleasedError) return unavailable();
    if (isConnectionFailure(exception) || isConnectionFailure((exception as { driverError?: unknown })?.driverError)) return unavailable();
    return problem('internal-error', 'Der skete en uventet fejl. Den er logget; oplys anmodningens id (requestId), hvis du melder den.');
  }

  /**
   * A request no route took: 405 with `Allow` when the path exists under other methods only, else 404.
   * A path whose own method is registered and still went unrouted (a parameter longer than the router
   * takes, say) names nothing that exists: 404, not 405.
   */
  private unroutedProblem(request: FastifyRequest): Problem {
    const allow = this.routes?.methodsFor(pathOf(request.url) ?? '') ?? [];
    const ownMethod = allow.includes(request.method) || (request.method === 'HEAD' && allow.includes('GET'));
    if (allow.length > 0 && !ownMethod) return EdgeProblem.methodNotAllowed(request.method, allow);
    return problem('not-found', `Der er intet på ${request.method} ${pathOf(request.url)}.`);
  }
}
