import type { TestApp } from './test-app.js';
import type { SignedInUser } from './users.js';

/** The reminders (and outbox e-mails) as an administrator lists them, up to 200, narrowed by `query`. */
export async function listReminders<Row>(api: TestApp, admin: SignedInUser, query: Record<string, string>): Promise<Row[]> {
  return (
    await api.http
      .get('/api/v1/reminders')
      .query({ limit: 200, ...query })
      .set(admin.bearer)
      .expect(200)
  ).body.items;
}
