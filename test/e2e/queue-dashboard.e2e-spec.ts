import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { dashboardAction } from '../../apps/api/src/queue-dashboard.js';
import { QueueName } from '../../libs/queue/queue.constants.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { eventually } from '../support/test-worker.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

const DASHBOARD = '/api/v1/admin/queues';

describe('the queue dashboard', () => {
  let api: TestApp;
  let admin: SignedInUser;
  beforeAll(async () => {
    // Behind a proxy that says whether the client came over HTTPS.
    api = await createTestApp({ env: { TRUST_PROXY: 'true', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-dashboard` } });
    admin = await signedInAs(api, 'admin');
  });
  afterAll(() => api.close());

  it('marks its sign-in cookie Secure when the request came over HTTPS', async () => {
    const plain = await api.http.get(DASHBOARD).query({ access_token: admin.accessToken }).expect(303);
    expect(plain.headers['set-cookie'][0]).not.toMatch(/Secure/);
    const secure = await api.http.get(DASHBOARD).query({ access_token: admin.accessToken }).set('X-Forwarded-Proto', 'https').expect(303);
    expect(secure.headers['set-cookie'][0]).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=900; Secure$/);
  });

  it('records every change made through it in the audit trail, with the admin who made it', async () => {
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Reminders));
    await api.http.put(`${DASHBOARD}/api/queues/${QueueName.Reminders}/pause`).set(admin.bearer).expect(200);
    expect(await queue.isPaused()).toBe(true);
    await api.http.put(`${DASHBOARD}/api/queues/${QueueName.Reminders}/resume`).set(admin.bearer).expect(200);
    expect(await queue.isPaused()).toBe(false);

    const events = await eventually(async () => {
      const { body } = await api.http.get('/api/v1/audit-events').query({ entityType: 'queue', actorId: admin.user.id }).set(admin.bearer).expect(200);
      return body.items.length >= 2 ? body.items : undefined;
    });
    expect(events.map((event: { action: string }) => event.action)).toEqual(['queue.resume', 'queue.pause']);
    expect(events[1]).toMatchObject({
      entityId: QueueName.Reminders,
      actorRole: 'admin',
      after: { method: 'PUT', path: `${DASHBOARD}/api/queues/${QueueName.Reminders}/pause`, status: 200 },
    });
    // Looking changes nothing, and is not recorded.
    await api.http.get(`${DASHBOARD}/api/queues`).set(admin.bearer).expect(200);
    const after = await api.http.get('/api/v1/audit-events').query({ entityType: 'queue', actorId: admin.user.id }).set(admin.bearer).expect(200);
    expect(after.body.items).toHaveLength(2);
  });

  it('answers its errors as problem+json, without a stack trace', async () => {
    const response = await api.http.put(`${DASHBOARD}/api/queues/no-such-queue/pause`).set(admin.bearer);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: expect.stringMatching(/^urn:tilskud:problem:/), requestId: response.headers['x-request-id'] });
    expect(JSON.stringify(response.body)).not.toMatch(/\bat \w|\.js:\d|stack/);
  });

  it('names each change by what it did', () => {
    expect(dashboardAction('PUT', '/api/queues/:queueName/pause')).toBe('pause');
    expect(dashboardAction('PUT', '/api/queues/:queueName/clean/:queueStatus')).toBe('clean');
    expect(dashboardAction('PUT', '/api/queues/:queueName/:jobId/retry')).toBe('retry');
    expect(dashboardAction('DELETE', '/api/queues/:queueName/:jobId')).toBe('remove');
    expect(dashboardAction('PUT', '/api/queues/pause')).toBe('pause');
  });
});
