import SwaggerParser from '@apidevtools/swagger-parser';
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
        expect(operation.requestBody.content['application/json'].schema).toBeDefined();
      }
    }
    for (const schema of ['CreateApplicationBody', 'ApplicationResponse', 'PutAssessmentBody', 'DecisionBody', 'DecisionResponse', 'LedgerResponse']) {
      expect(body.components.schemas[schema]).toBeDefined();
    }
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const response = await api.http.get('/api/docs/').expect(200);
    expect(response.text).toContain('swagger-ui');
  });
});
