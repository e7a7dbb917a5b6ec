import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seeds/demo-accounts.js';
import { seedDemoUsers } from '../../seeds/demo-users.seed.js';
import { createScratchDatabase } from '../support/databases.js';
import { createTestApp } from '../support/test-app.js';
import { signIn } from '../support/users.js';

describe('the demo seed', () => {
  it('creates an account for every role that can sign in, and changes nothing when run again', async () => {
    const scratch = await createScratchDatabase('seed');
    await scratch.dataSource.runMigrations();
    const api = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    try {
      expect(await seedDemoUsers(api.app)).toBe(DEMO_ACCOUNTS.length);
      const snapshot = async () => api.app.get<DataSource>(getDataSourceToken()).query('SELECT id, email, role, updated_at FROM app_user ORDER BY email');
      const [{ count: eventsBefore }] = await scratch.dataSource.query('SELECT count(*)::int AS count FROM audit_event');
      const before = await snapshot();

      expect(await seedDemoUsers(api.app)).toBe(0);
      expect(await snapshot()).toEqual(before);
      const [{ count: eventsAfter }] = await scratch.dataSource.query('SELECT count(*)::int AS count FROM audit_event');
      expect(eventsAfter).toBe(eventsBefore);

      expect(new Set(DEMO_ACCOUNTS.map((account) => account.role))).toEqual(new Set(['admin', 'caseworker', 'project_lead']));
      for (const account of DEMO_ACCOUNTS) {
        const { user } = await signIn(api, account.email, DEMO_PASSWORD);
        expect(user).toMatchObject({ role: account.role, municipalityCode: account.municipalityCode ?? null });
      }
    } finally {
      await api.close();
      await scratch.drop();
    }
  });
});
