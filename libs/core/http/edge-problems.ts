import type { FastifyError } from 'fastify';
import type { Socket } from 'node:net';
import { type Problem, problem, writeProblemToSocket } from '../errors/problem.js';
import { formatNumber, listOf } from '../format/danish.js';
import type { JsonBodyRefusal } from './json-body.js';

/**
 * The problems answered at the edge, before a request reaches a route: what Fastify and Node's HTTP
 * parser refuse, and the shape of a body. Each keeps a stable `type`; the texts are Danish.
 */
export const EdgeProblem = {
  malformedBody: (detail = 'Anmodningens indhold er ikke gyldig JSON.'): Problem => problem('malformed-body', detail),
  bodyTooComplex: (reason: string): Problem => problem('body-too-complex', `Anmodningens indhold rummer ${reason}; ingen handling tager imod så meget.`),
  invalidText: (field: string): Problem =>
    problem('invalid-characters', 'Teksten indeholder tegn, der ikke kan gemmes (NUL-tegn eller et halvt surrogatpar).', {
      errors: [{ field, message: 'indeholder tegn, der ikke kan gemmes' }],
    }),
  invalidUrlCharacters: (): Problem => problem('invalid-characters', 'Adressen indeholder et NUL-tegn.'),
  invalidUrl: (): Problem => problem('invalid-url', 'Adressen kan ikke læses: en %-kode er ugyldig.'),
  invalidQuery: (): Problem =>
    problem('invalid-url', 'Adressens forespørgsel (efter ?) kan ikke læses: en %-kode er ugyldig; skriv % som %25.', {
      errors: [{ field: '(query)', message: 'indeholder en ugyldig %-kode' }],
    }),
  uriTooLong: (maxLength: number): Problem => problem('uri-too-long', `Adressen må højst være ${formatNumber(maxLength)} tegn.`),
  headersTooLarge: (): Problem => problem('headers-too-large', 'Anmodningens headere fylder for meget.'),
  malformedRequest: (): Problem => problem('malformed-request', 'Anmodningen følger ikke HTTP-protokollen.'),
  requestTimeout: (): Problem => problem('request-timeout', 'Anmodningen blev ikke modtaget i tide.'),
  bodyTooLarge: (): Problem => problem('body-too-large', 'Anmodningens indhold er større end denne handling tager imod.'),
  unsupportedMediaType: (): Problem => problem('unsupported-media-type', 'Anmodningens indhold skal være JSON (Content-Type: application/json).'),
  unexpectedBody: (): Problem => problem('unexpected-body', 'Denne handling tager ikke imod indhold; send anmodningen uden indhold.'),
  methodNotAllowed: (method: string, allow: string[]): Problem =>
    problem('method-not-allowed', `${method} kan ikke bruges på denne adresse; brug ${listOf(allow, 'eller')}.`, { allow }),
} as const;

/** The problem for a body the parser refused. */
export function jsonBodyProblem(refusal: JsonBodyRefusal): Problem {
  switch (refusal.kind) {
    case 'too-complex':
      return EdgeProblem.bodyTooComplex(refusal.reason);
    case 'prototype-key':
      return EdgeProblem.malformedBody(`Feltnavnet "${refusal.key}" er ikke tilladt i en anmodning.`);
    case 'invalid-text':
      return EdgeProblem.invalidText(refusal.path);
  }
}

/** Fastify's errors in reading a body, by `code`: the client's fault, never a 500. */
export const BODY_READ_PROBLEMS: Record<string, () => Problem> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: () => EdgeProblem.malformedBody(),
  FST_ERR_CTP_INVALID_JSON_BODY: () => EdgeProblem.malformedBody(),
  FST_ERR_CTP_BODY_TOO_LARGE: EdgeProblem.bodyTooLarge,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => EdgeProblem.malformedBody('Anmodningens indhold passer ikke med dens Content-Length.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: EdgeProblem.unsupportedMediaType,
  FST_ERR_CTP_INVALID_TYPE: EdgeProblem.unsupportedMediaType,
  FST_ERR_CTP_INVALID_CONTENT_TYPE: EdgeProblem.unsupportedMediaType,
};

/** Fastify's routing errors (`frameworkErrors`): a URL it cannot decode, or a path parameter too long. */
export function frameworkProblem(error: FastifyError, maxUrlLength: number): Problem {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return EdgeProblem.uriTooLong(maxUrlLength);
  if (error.code === 'FST_ERR_BAD_URL') return EdgeProblem.invalidUrl();
  return EdgeProblem.malformedRequest();
}

/**
 * Whether the packet Node's parser choked on shows a request line longer than any URL we take. Node
 * counts the request line and the headers against one limit; a packet that starts a request with a
 * line that long (or never ends its line) is a URL too long, anything else headers too large.
 */
function requestLineTooLong(packet: Buffer | undefined, maxUrlLength: number): boolean {
  if (!packet || !/^[A-Z]+ \S/.test(packet.subarray(0, 16).toString('latin1'))) return false;
  const end = packet.indexOf('\r\n');
  return (end === -1 ? packet.length : end) > maxUrlLength;
}

/**
 * Node's HTTP parser refused the request before Fastify saw it: answered as problem+json on the socket,
 * which is then closed.
 */
export function answerClientError(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket, maxUrlLength: number): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return writeProblemToSocket(socket, EdgeProblem.requestTimeout());
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return writeProblemToSocket(
      socket,
      requestLineTooLong(error.rawPacket, maxUrlLength) ? EdgeProblem.uriTooLong(maxUrlLength) : EdgeProblem.headersTooLarge(),
    );
  }
  writeProblemToSocket(socket, EdgeProblem.malformedRequest());
}
