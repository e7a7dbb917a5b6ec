import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { sentence } from '../format/danish.js';
import { PROBLEM_TYPES, type ProblemCode, problemType } from './problem-types.js';

export { problemType };

/** One field that failed validation, named by its path in the request (`ratings[0].rating`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Field errors as a sentence for a problem's `detail`: `plannedEnd skal ligge efter plannedStart; themes
 * skal udfyldes.` (one full stop, also after an amount's `kr.`).
 */
export function describeFieldErrors(errors: readonly FieldError[]): string {
  return sentence(errors.map((error) => `${error.field} ${error.message}`).join('; '));
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

/** A problem before it is answered: the request's own members (`instance`, `requestId`) come later. */
export type Problem = Pick<ProblemDetails, 'type' | 'title' | 'status' | 'detail' | 'errors'> & Record<string, unknown>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A problem of the registry (`problem-types.ts`): its type, status and title from there, and what happened. */
export function problem(code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}): Problem {
  const { status, title } = PROBLEM_TYPES[code];
  return { type: problemType(code), title, status, detail, ...extensions };
}

/** The path of a request without its query, which may hold a token or personal data. */
export function pathOf(url: string | undefined): string | undefined {
  return url?.split('?')[0];
}

/** The headers every problem answer carries besides its type. */
function problemHeaders(problem: Problem): Record<string, string> {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (problem.status === 503) headers['Retry-After'] = '5';
  if (problem.status === 401) headers['WWW-Authenticate'] = 'Bearer';
  if (typeof problem.retryAfterSeconds === 'number') headers['Retry-After'] = String(problem.retryAfterSeconds);
  if (Array.isArray(problem.allow)) headers.Allow = problem.allow.join(', ');
  return headers;
}

/**
 * Answers a problem on a Fastify reply: from Nest's exception filter, and from the places Fastify
 * answers before Nest sees the request (a URL it cannot route, a body it cannot read).
 */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  const body: ProblemDetails = { ...problem, instance: pathOf(request.originalUrl ?? request.url), requestId: String(request.id ?? '') };
  reply.headers({ ...problemHeaders(problem), [REQUEST_ID_HEADER]: body.requestId });
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/**
 * Answers a problem on a bare socket, for a request Node's HTTP parser refused before there was a
 * request at all (a malformed request line, headers too large). The connection is closed after it.
 */
export function writeProblemToSocket(socket: Socket, problem: Problem): void {
  const requestId = randomUUID();
  const body = JSON.stringify({ ...problem, requestId } satisfies ProblemDetails);
  const headers = {
    ...problemHeaders(problem),
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    [REQUEST_ID_HEADER]: requestId,
    Connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}\r\n${head}\r\n${body}`);
}
