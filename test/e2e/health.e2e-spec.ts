import { createTestApp, type TestApp } from '../support/test-app.js';

describe('GET /api/v1/health', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it('is ok when Postgres and Redis answer', async () => {
    const response = await api.http.get('/api/v1/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { db: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('answers 503 naming Redis when Redis is unreachable', async () => {
    const unreachable = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const response = await unreachable.http.get('/api/v1/health').expect(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        status: 503,
        detail: 'Ikke tilgængelig: redis.',
        info: { db: { status: 'up' } },
        error: { redis: { status: 'down' } },
      });
    } finally {
      await unreachable.close();
    }
  });
});
