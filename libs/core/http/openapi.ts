import type { OpenAPIObject } from '@nestjs/swagger';
import { problemType, problemTypeList } from '../errors/problem-types.js';

type Operation = {
  parameters?: Array<{ in: string }>;
  requestBody?: unknown;
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
};

const PROBLEM_DETAILS = {
  type: 'object',
  description: 'RFC 9457 problem details; `type` is one of `x-problem-types`, or `about:blank`',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', example: 'urn:tilskud:problem:validation-failed' },
    title: { type: 'string', example: 'Ugyldige oplysninger' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string' },
    instance: { type: 'string', example: '/api/v1/applications' },
    requestId: { type: 'string', format: 'uuid' },
    errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
    errorsOmitted: { type: 'integer', description: 'How many more field errors there were than listed' },
  },
  additionalProperties: true,
};

const FIELD_ERROR = {
  type: 'object',
  required: ['field', 'message'],
  properties: { field: { type: 'string', example: 'ratings[1].rating' }, message: { type: 'string' } },
};

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * What every operation can answer besides its own outcomes, so the document lists every status a
 * client can meet: a bad value anywhere (400), a failure of ours or of a service we need (500, 503),
 * and, where they apply, a missing or foreign record (404, for a path with parameters), a write
 * that met another at the same rows (409), and a body that is too large or not JSON (413, 415).
 */
function commonResponses(method: string, operation: Operation): Record<string, string> {
  const responses: Record<string, string> = {
    '400': 'Ugyldig anmodning: en værdi, et felt, en markør eller adressen (feltfejlene i `errors`)',
    '414': 'Adressen er for lang',
    '500': 'Uventet fejl; den er logget under anmodningens id',
    '503': 'En tjeneste, systemet bygger på, svarer ikke; prøv igen (`Retry-After`)',
  };
  if (operation.parameters?.some((parameter) => parameter.in === 'path')) responses['404'] = 'Findes ikke, eller hører ikke til din kommune';
  if (WRITES.has(method)) {
    // A body can be sent to any write, even one that takes none (it is then refused).
    responses['409'] = `Samtidig ændring (\`${problemType('concurrent-update')}\`): prøv igen`;
    responses['413'] = 'Indholdet er større end handlingen tager imod';
    responses['415'] = 'Indholdet er ikke JSON';
  }
  return responses;
}

/** In OpenAPI 3.0, `null` and nothing else (`nullable` needs a `type` beside it to mean anything). */
const NULL_ONLY = { type: 'object', nullable: true, enum: [null] };

/**
 * Nest writes a nullable reference as `{ type: 'object', nullable: true, allOf: [$ref] }`, which
 * OpenAPI 3.0.3 does not let be null: `allOf` still wants the referenced object. It is written as
 * "one of the object or null" instead, which validators and openapi-typescript read alike.
 */
function nullableReferences(schema: unknown): void {
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as Record<string, unknown>;
  if (node.nullable === true && Array.isArray(node.allOf) && node.allOf.length === 1) {
    const [reference] = node.allOf as unknown[];
    delete node.allOf;
    delete node.nullable;
    delete node.type;
    node.oneOf = [reference, NULL_ONLY];
  }
  for (const value of Object.values(node)) nullableReferences(value);
}

/**
 * Completes the generated document: every error answer is problem+json with the `ProblemDetails`
 * schema, every operation lists the answers any operation can give, and the registry of problem types
 * is listed (`x-problem-types`). The e2e tests validate every answer against this document.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ProblemDetails: PROBLEM_DETAILS, FieldError: FIELD_ERROR };
  nullableReferences(document.components.schemas);
  (document as OpenAPIObject & { 'x-problem-types': unknown })['x-problem-types'] = problemTypeList();
  for (const path of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(path) as Array<[string, Operation]>) {
      if (typeof operation !== 'object' || !operation?.responses) continue;
      for (const [status, description] of Object.entries(commonResponses(method, operation))) {
        const documented = operation.responses[status];
        if (!documented) operation.responses[status] = { description };
        else if (status === '409') documented.description = `${documented.description}; ${description}`;
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) response.content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
      }
    }
  }
  return document;
}
