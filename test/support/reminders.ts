import type { TestApp } from './test-app.js';
import type { SignedInUser } from './users.js';

/** A reminder as the API lists it (the fields the specs read). */
export interface ReminderRow {
  id: string;
  kind: string;
  recipientId: string;
  subjectType: string;
  subjectId: string;
  awardId: string | null;
  dueDate: string;
  sendAt: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

/** The reminders (and outbox e-mails) as an administrator lists them, up to 200, narrowed by `query`. */
export async function listReminders(api: TestApp, admin: SignedInUser, query: Record<string, string>): Promise<ReminderRow[]> {
  return (
    await api.http
      .get('/api/v1/reminders')
      .query({ limit: 200, ...query })
      .set(admin.bearer)
      .expect(200)
  ).body.items;
}
