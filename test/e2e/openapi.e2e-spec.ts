import SwaggerParser from '@apidevtools/swagger-parser';
import { PROBLEM_TYPES, problemType } from '../../libs/core/errors/problem-types.js';
import { OpenApiValidator } from '../support/openapi-validator.js';
import { registeredRoutes } from '../support/routes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('the OpenAPI document', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it('is a valid OpenAPI 3 document at /api/docs-json listing the API', async () => {
    const { body } = await api.http.get('/api/docs-json').expect(200);
    expect(body.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(body))).resolves.toBeDefined();
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/municipalities']));
  });

  it('documents every registered route, with its responses and, where it takes one, its request body', async () => {
    const { body } = await api.http.get('/api/docs-json').expect(200);
    for (const route of registeredRoutes(api)) {
      const [method, path] = route.split(' ');
      const operation = body.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect({ route, documented: operation !== undefined }).toEqual({ route, documented: true });
      expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      if (['POST', 'PUT', 'PATCH'].includes(method) && operation.requestBody) {
        // JSON everywhere, but for the one upload (multipart/form-data, POST /documents).
        const content = operation.requestBody.content['application/json'] ?? operation.requestBody.content['multipart/form-data'];
        expect(content.schema).toBeDefined();
      }
    }
    for (const schema of ['CreateApplicationBody', 'ApplicationResponse', 'PutAssessmentBody', 'DecisionBody', 'DecisionResponse', 'LedgerResponse']) {
      expect(body.components.schemas[schema]).toBeDefined();
    }
  });

  it('answers every error as problem+json, and lists every problem type with its status and Danish title', async () => {
    const { body } = await api.http.get('/api/docs-json').expect(200);
    for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, { content?: object }> }>>(body.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue;
          expect({ at: `${method} ${path} ${status}`, content: response.content }).toEqual({
            at: `${method} ${path} ${status}`,
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
          });
        }
        // Every operation can meet bad input, a failure of ours and an unavailable service.
        expect({ at: `${method} ${path}`, statuses: Object.keys(operation.responses) }).toEqual({
          at: `${method} ${path}`,
          statuses: expect.arrayContaining(['400', '500', '503']),
        });
      }
    }
    expect(body['x-problem-types']).toHaveLength(Object.keys(PROBLEM_TYPES).length);
    expect(body['x-problem-types']).toContainEqual({ type: problemType('illegal-transition'), status: 409, title: 'Ikke muligt i sagens tilstand' });
    // The operations name the problems they answer.
    expect(body.paths['/api/v1/applications/{id}/submit'].post.responses['422'].description).toContain(problemType('outside-application-window'));
  });

  it('writes a nullable reference so that null is allowed (OpenAPI 3.0.3 ignores `nullable` beside an `allOf`)', async () => {
    const { body } = await api.http.get('/api/docs-json').expect(200);
    const nullableAllOf: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return;
      if ((node as { nullable?: unknown }).nullable === true && 'allOf' in node) nullableAllOf.push(at);
      for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
    };
    walk(body, '');
    expect(nullableAllOf).toEqual([]);
    const validator = await OpenApiValidator.of(body);
    const json = { 'content-type': 'application/json' };
    // A draft's receipt is null; a submitted application's (an object) is checked by the applications tests.
    const problem = validator.problemWith('get', '/api/v1/applications/00000000-0000-4000-8000-000000000000', {
      status: 200,
      headers: json,
      body: { receipt: null },
    });
    expect(problem).toMatch(/does not match/);
    expect(problem).not.toMatch(/receipt/);
  });

  it('is held to by every answer the e2e tests get: an undocumented status or a body off its schema fails the test', async () => {
    const { body } = await api.http.get('/api/docs-json').expect(200);
    const validator = await OpenApiValidator.of(body);
    const json = { 'content-type': 'application/json; charset=utf-8' };
    expect(validator.problemWith('get', '/api/v1/municipalities', { status: 418, headers: json, body: {} })).toMatch(/does not list/);
    expect(validator.problemWith('get', '/api/v1/municipalities', { status: 200, headers: json, body: [{ code: 101 }] })).toMatch(/does not match its schema/);
    expect(
      validator.problemWith('get', '/api/v1/municipalities', {
        status: 200,
        headers: json,
        body: [{ code: '101', name: 'København', officialName: 'Københavns Kommune' }],
      }),
    ).toBeNull();
    const problem = { 'content-type': 'application/problem+json' };
    expect(validator.problemWith('get', '/api/v1/awards/x', { status: 404, headers: problem, body: { title: 'Findes ikke' } })).toMatch(/does not match/);
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const response = await api.http.get('/api/docs/').expect(200);
    expect(response.text).toContain('swagger-ui');
  });
});
