import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

describe('GET /api/v1/municipalities', () => {
  let api: TestApp;
  let lead: SignedInUser;
  beforeAll(async () => {
    api = await createTestApp();
    lead = await signedInAs(api, 'project_lead', '851');
  });
  afterAll(() => api.close());

  it('lists exactly the 98 kommuner with three-digit codes, by code', async () => {
    const { body } = await api.http.get('/api/v1/municipalities').set(lead.bearer).expect(200);
    expect(body).toHaveLength(98);
    expect(body.every((m: { code: string }) => /^\d{3}$/.test(m.code))).toBe(true);
    expect(new Set(body.map((m: { code: string }) => m.code)).size).toBe(98);
    expect(body.map((m: { code: string }) => m.code)).toEqual([...body.map((m: { code: string }) => m.code)].sort());
  });

  it('needs a signed-in user', async () => {
    await api.http.get('/api/v1/municipalities').expect(401);
  });

  it('has 101 København first and 860 Hjørring last, and not 411 Christiansø', async () => {
    const { body } = await api.http.get('/api/v1/municipalities').set(lead.bearer).expect(200);
    expect(body[0]).toEqual({ code: '101', name: 'København', officialName: 'Københavns Kommune' });
    expect(body.at(-1)).toEqual({ code: '860', name: 'Hjørring', officialName: 'Hjørring Kommune' });
    expect(body.find((m: { code: string }) => m.code === '411')).toBeUndefined();
  });
});
