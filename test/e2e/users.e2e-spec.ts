import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { givenUser, type SignedInUser, signedInAs, signIn, TEST_PASSWORD } from '../support/users.js';
import { createScratchDatabase } from '../support/databases.js';

const newEmail = () => `ny-${randomUUID().slice(0, 8)}@kolding.dk`;

describe('users', () => {
  let api: TestApp;
  let admin: SignedInUser;
  beforeAll(async () => {
    api = await createTestApp();
    admin = await signedInAs(api, 'admin');
    // Another active administrator: with a single one, a staff role is given at once (nobody could approve it).
    await givenUser(api, 'admin');
  });
  afterAll(() => api.close());

  describe('POST /users', () => {
    it('creates a project lead of a kommune, accepting the four-digit code', async () => {
      const email = newEmail();
      const response = await api.http
        .post('/api/v1/users')
        .set(admin.bearer)
        .send({ email: email.toUpperCase(), name: 'Mette Hansen', role: 'project_lead', password: TEST_PASSWORD, municipalityCode: '0621' })
        .expect(201);
      expect(response.body).toMatchObject({ email, name: 'Mette Hansen', role: 'project_lead', municipalityCode: '621', active: true });
      expect(response.body.passwordHash).toBeUndefined();
      await signIn(api, email);
    });

    it.each([
      [{ role: 'project_lead' }, 'municipalityCode', 'skal udfyldes for en projektleder'],
      [{ role: 'caseworker', municipalityCode: '621' }, 'municipalityCode', 'gælder kun projektledere'],
      [{ role: 'project_lead', municipalityCode: '411' }, 'municipalityCode', 'er ikke en kommunekode'],
      [{ role: 'project_lead', municipalityCode: '62' }, 'municipalityCode', 'skal være en kommunekode på tre cifre'],
      [{ role: 'caseworker', password: 'kort' }, 'password', 'skal være mindst 12 tegn'],
      [{ role: 'admin', password: 'a'.repeat(16) }, 'password', expect.stringContaining('for let at gætte')],
      [{ role: 'caseworker', password: 'Password123456' }, 'password', expect.stringContaining('for let at gætte')],
      [{ role: 'chief' }, 'role', expect.stringContaining('skal være en af')],
      [{ role: 'caseworker', isAdmin: true }, 'isAdmin', 'er ikke et kendt felt'],
    ])('refuses %j with 400 naming %s', async (overrides, field, message) => {
      const body = { email: newEmail(), name: 'Ny Bruger', password: TEST_PASSWORD, ...overrides };
      const response = await api.http.post('/api/v1/users').set(admin.bearer).send(body).expect(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([{ field, message }]));
    });

    it('refuses the e-mail address as password', async () => {
      const email = `adgangskode-${randomUUID().slice(0, 6)}@kolding.dk`;
      const response = await api.http.post('/api/v1/users').set(admin.bearer).send({ email, name: 'X', role: 'caseworker', password: email }).expect(400);
      expect(response.body.errors).toEqual([{ field: 'password', message: 'må ikke være e-mailadressen' }]);
    });

    it('refuses an e-mail address that is taken, whatever its case, with 409', async () => {
      const email = newEmail();
      await api.http.post('/api/v1/users').set(admin.bearer).send({ email, name: 'A', role: 'caseworker', password: TEST_PASSWORD }).expect(201);
      const again = await api.http
        .post('/api/v1/users')
        .set(admin.bearer)
        .send({ email: email.toUpperCase(), name: 'B', role: 'caseworker', password: TEST_PASSWORD });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('urn:tilskud:problem:email-taken');
    });

    it('is for admins only', async () => {
      const lead = await signedInAs(api, 'project_lead');
      const caseworker = await signedInAs(api, 'caseworker');
      const body = { email: newEmail(), name: 'X', role: 'admin', password: TEST_PASSWORD };
      await api.http.post('/api/v1/users').set(lead.bearer).send(body).expect(403);
      await api.http.post('/api/v1/users').set(caseworker.bearer).send(body).expect(403);
      await api.http.post('/api/v1/users').send(body).expect(401);
    });

    it('records who created whom in the audit trail, without the password hash', async () => {
      const email = newEmail();
      const created = await api.http
        .post('/api/v1/users')
        .set(admin.bearer)
        .send({ email, name: 'Revideret', role: 'caseworker', password: TEST_PASSWORD })
        .expect(201);
      const events = await api.http
        .get('/api/v1/audit-events')
        .query({ entityType: 'user', entityId: created.body.id, action: 'user.created' })
        .set(admin.bearer)
        .expect(200);
      expect(events.body.items).toHaveLength(1);
      expect(events.body.items[0]).toMatchObject({ actorId: admin.user.id, actorRole: 'admin', after: { email, role: 'caseworker', active: true } });
      expect(JSON.stringify(events.body.items[0])).not.toMatch(/argon2|passwordHash/);
    });
  });

  describe('staff roles need two administrators', () => {
    it('creates a caseworker or admin waiting for another admin’s approval; the one who asked cannot approve', async () => {
      for (const role of ['caseworker', 'admin']) {
        const email = newEmail();
        const created = await api.http
          .post('/api/v1/users')
          .set(admin.bearer)
          .send({ email, name: 'Ny Medarbejder', role, password: TEST_PASSWORD })
          .expect(201);
        expect(created.body).toMatchObject({ role, awaitingApproval: true, approvalRequestedBy: admin.user.id });
        await api.http.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);

        const own = await api.http.post(`/api/v1/users/${created.body.id}/approve`).set(admin.bearer).expect(409);
        expect(own.body.type).toBe('urn:tilskud:problem:approval-not-possible');
        const second = await signedInAs(api, 'admin');
        const approved = await api.http.post(`/api/v1/users/${created.body.id}/approve`).set(second.bearer).expect(200);
        expect(approved.body).toMatchObject({ awaitingApproval: false, approvalRequestedBy: null });
        await signIn(api, email);
        await api.http.post(`/api/v1/users/${created.body.id}/approve`).set(second.bearer).expect(409);
      }
    });

    it('creates a project lead at once', async () => {
      const email = newEmail();
      const created = await api.http
        .post('/api/v1/users')
        .set(admin.bearer)
        .send({ email, name: 'Leder', role: 'project_lead', municipalityCode: '621', password: TEST_PASSWORD })
        .expect(201);
      expect(created.body.awaitingApproval).toBe(false);
      await signIn(api, email);
    });

    it('records the request and the approval with both administrators', async () => {
      const created = await api.http
        .post('/api/v1/users')
        .set(admin.bearer)
        .send({ email: newEmail(), name: 'Revideret', role: 'caseworker', password: TEST_PASSWORD })
        .expect(201);
      const second = await signedInAs(api, 'admin');
      await api.http.post(`/api/v1/users/${created.body.id}/approve`).set(second.bearer).expect(200);
      const events = await api.http.get('/api/v1/audit-events').query({ entityId: created.body.id }).set(admin.bearer).expect(200);
      expect(events.body.items.map((event: { action: string; actorId: string }) => [event.action, event.actorId])).toEqual([
        ['user.approved', second.user.id],
        ['user.created', admin.user.id],
      ]);
      expect(events.body.items[0].after).toMatchObject({ awaitingApproval: false, requestedBy: admin.user.id });
    });
  });

  describe('GET /users', () => {
    it('pages through the users of a filter by e-mail with a cursor: exactly those, each once', async () => {
      const created = await Promise.all(Array.from({ length: 3 }, () => signedInAs(api, 'project_lead', '147')));
      await signedInAs(api, 'project_lead', '101');
      const pages: Array<Array<{ email: string; municipalityCode: string; role: string }>> = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Array<{ email: string; municipalityCode: string; role: string }>; nextCursor: string | null } } = await api.http
          .get('/api/v1/users')
          .query({ limit: 2, municipalityCode: '147', ...(cursor ? { cursor } : {}) })
          .set(admin.bearer)
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        pages.push(page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const all = pages.flat();
      expect(all.every((user) => user.municipalityCode === '147' && user.role === 'project_lead')).toBe(true);
      expect(all.map((user) => user.email)).toEqual(expect.arrayContaining(created.map((user) => user.email)));
      expect(all.map((user) => user.email)).toEqual([...all.map((user) => user.email)].sort());
      expect(new Set(all.map((user) => user.email)).size).toBe(all.length);
      const [{ count }] = await api.app
        .get<DataSource>(getDataSourceToken())
        .query(`SELECT count(*)::int AS count FROM app_user WHERE municipality_code = '147'`);
      expect(all).toHaveLength(count);
    });

    it('filters by role and by the active flag', async () => {
      const inactive = await givenUser(api, 'caseworker');
      await api.http.patch(`/api/v1/users/${inactive.id}`).set(admin.bearer).send({ active: false }).expect(200);
      const admins = await api.http.get('/api/v1/users').query({ role: 'admin', limit: 200 }).set(admin.bearer).expect(200);
      expect(admins.body.items.length).toBeGreaterThan(0);
      expect(admins.body.items.every((user: { role: string }) => user.role === 'admin')).toBe(true);
      const deactivated = await api.http.get('/api/v1/users').query({ active: 'false', limit: 200 }).set(admin.bearer).expect(200);
      expect(deactivated.body.items.map((user: { id: string }) => user.id)).toContain(inactive.id);
      expect(deactivated.body.items.every((user: { active: boolean }) => user.active === false)).toBe(true);
    });

    it('refuses a bad limit or cursor with 400', async () => {
      await api.http.get('/api/v1/users').query({ limit: 0 }).set(admin.bearer).expect(400);
      await api.http.get('/api/v1/users').query({ limit: 201 }).set(admin.bearer).expect(400);
      const bad = await api.http.get('/api/v1/users').query({ cursor: 'not-a-cursor' }).set(admin.bearer).expect(400);
      expect(bad.body.type).toBe('urn:tilskud:problem:invalid-cursor');
    });
  });

  describe('GET /users/caseworkers', () => {
    it('names every active caseworker, and no one else, by name in Danish order, for a caseworker to assign a case to', async () => {
      const names = ['Åse Holm', 'Anna Berg', 'Øjvind Lund', 'Zenia Kofoed', 'Ægir Madsen'];
      const colleagues: Array<{ id: string; name: string }> = [];
      for (const name of names) {
        const user = await givenUser(api, 'caseworker');
        await api.http.patch(`/api/v1/users/${user.id}`).set(admin.bearer).send({ name }).expect(200);
        colleagues.push({ id: user.id, name });
      }
      const gone = await givenUser(api, 'caseworker');
      await api.http.patch(`/api/v1/users/${gone.id}`).set(admin.bearer).send({ active: false }).expect(200);
      const lead = await givenUser(api, 'project_lead', '621');
      const caseworker = await signedInAs(api, 'caseworker');

      const { body } = await api.http.get('/api/v1/users/caseworkers').set(caseworker.bearer).expect(200);
      expect(body.every((item: object) => Object.keys(item).sort().join() === 'id,name')).toBe(true);
      const ids = body.map((item: { id: string }) => item.id);
      expect(ids).toEqual(expect.arrayContaining([...colleagues.map((colleague) => colleague.id), caseworker.user.id]));
      expect(ids).not.toContain(gone.id);
      expect(ids).not.toContain(lead.id);
      expect(ids).not.toContain(admin.user.id);
      // Danish order: æ, ø and å after z.
      const mine = body.filter((item: { id: string }) => colleagues.some((colleague) => colleague.id === item.id)).map((item: { name: string }) => item.name);
      expect(mine).toEqual(['Anna Berg', 'Zenia Kofoed', 'Ægir Madsen', 'Øjvind Lund', 'Åse Holm']);
      const collator = new Intl.Collator('da-DK');
      const all = body.map((item: { name: string }) => item.name);
      expect(all).toEqual([...all].sort(collator.compare));
      // An administrator, who assigns cases too, gets the same people (other tests may add caseworkers meanwhile).
      const forAdmin = (await api.http.get('/api/v1/users/caseworkers').set(admin.bearer).expect(200)).body as Array<{ id: string }>;
      expect(forAdmin.filter((item) => ids.includes(item.id))).toEqual(body);
    });

    it('is for the ministry’s staff only: a project lead gets 403, nobody signed in 401', async () => {
      const lead = await signedInAs(api, 'project_lead', '621');
      const refused = await api.http.get('/api/v1/users/caseworkers').set(lead.bearer).expect(403);
      expect(refused.body.type).toBe('urn:tilskud:problem:forbidden');
      await api.http.get('/api/v1/users/caseworkers').expect(401);
    });
  });

  describe('GET /users/project-leads', () => {
    it('names a kommune’s active project leads, and no one else, by name in Danish order, for a caseworker to name the award’s contact', async () => {
      const names = ['Åse Kirk', 'Bo Dahl', 'Ørn Vest'];
      const leads: Array<{ id: string; name: string }> = [];
      for (const name of names) {
        const user = await givenUser(api, 'project_lead', '741');
        await api.http.patch(`/api/v1/users/${user.id}`).set(admin.bearer).send({ name }).expect(200);
        leads.push({ id: user.id, name });
      }
      const gone = await givenUser(api, 'project_lead', '741');
      await api.http.patch(`/api/v1/users/${gone.id}`).set(admin.bearer).send({ active: false }).expect(200);
      const elsewhere = await givenUser(api, 'project_lead', '727');
      const caseworker = await signedInAs(api, 'caseworker');

      const { body } = await api.http.get('/api/v1/users/project-leads').query({ municipalityCode: '0741' }).set(caseworker.bearer).expect(200);
      expect(body.every((item: object) => Object.keys(item).sort().join() === 'id,name')).toBe(true);
      const ids = body.map((item: { id: string }) => item.id);
      expect(ids).toEqual(expect.arrayContaining(leads.map((lead) => lead.id)));
      expect(ids).not.toContain(gone.id);
      expect(ids).not.toContain(elsewhere.id);
      expect(ids).not.toContain(caseworker.user.id);
      const mine = body.filter((item: { id: string }) => leads.some((lead) => lead.id === item.id)).map((item: { name: string }) => item.name);
      expect(mine).toEqual(['Bo Dahl', 'Ørn Vest', 'Åse Kirk']);
    });

    it('needs a kommune code (400 in Danish at the field) and is for the ministry’s staff only', async () => {
      const caseworker = await signedInAs(api, 'caseworker');
      const bad = await api.http.get('/api/v1/users/project-leads').query({ municipalityCode: '12' }).set(caseworker.bearer).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'municipalityCode', message: 'skal være en kommunekode på tre cifre' })]);
      const lead = await signedInAs(api, 'project_lead', '741');
      await api.http.get('/api/v1/users/project-leads').query({ municipalityCode: '741' }).set(lead.bearer).expect(403);
      await api.http.get('/api/v1/users/project-leads').query({ municipalityCode: '741' }).expect(401);
    });
  });

  describe('PATCH /users/:id', () => {
    it('changes name and role; a project lead who becomes a caseworker leaves the kommune, and waits for a second admin', async () => {
      const lead = await signedInAs(api, 'project_lead', '101');
      const response = await api.http.patch(`/api/v1/users/${lead.user.id}`).set(admin.bearer).send({ name: 'Ny Titel', role: 'caseworker' }).expect(200);
      expect(response.body).toMatchObject({
        name: 'Ny Titel',
        role: 'caseworker',
        municipalityCode: null,
        awaitingApproval: true,
        approvalRequestedBy: admin.user.id,
      });
      // The new caseworker's old sessions end, and no sign-in works until another admin approves.
      await api.http.get('/api/v1/auth/me').set(lead.bearer).expect(401);
      await api.http.post('/api/v1/auth/login').send({ email: lead.email, password: TEST_PASSWORD }).expect(401);
      const second = await signedInAs(api, 'admin');
      await api.http.post(`/api/v1/users/${lead.user.id}/approve`).set(second.bearer).expect(200);
      const me = await api.http
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${(await signIn(api, lead.email)).accessToken}`)
        .expect(200);
      expect(me.body.role).toBe('caseworker');
    });

    it('changes a project lead’s name or kommune at once: only staff roles wait for approval', async () => {
      const lead = await signedInAs(api, 'project_lead', '101');
      const response = await api.http.patch(`/api/v1/users/${lead.user.id}`).set(admin.bearer).send({ name: 'Flyttet', municipalityCode: '147' }).expect(200);
      expect(response.body).toMatchObject({ municipalityCode: '147', awaitingApproval: false });
      await api.http.get('/api/v1/auth/me').set(lead.bearer).expect(200);
    });

    it('refuses to let anyone change their own role or deactivate themself', async () => {
      const self = await signedInAs(api, 'admin');
      for (const body of [{ role: 'caseworker' }, { active: false }]) {
        const response = await api.http.patch(`/api/v1/users/${self.user.id}`).set(self.bearer).send(body).expect(403);
        expect(response.body.type).toBe('urn:tilskud:problem:self-change');
      }
      await api.http.patch(`/api/v1/users/${self.user.id}`).set(self.bearer).send({ name: 'Mit nye navn', role: 'admin' }).expect(200);
    });

    it('answers 404 for an unknown user and 400 for an id that is not a UUID', async () => {
      await api.http.patch(`/api/v1/users/${randomUUID()}`).set(admin.bearer).send({ name: 'X' }).expect(404);
      await api.http.patch('/api/v1/users/42').set(admin.bearer).send({ name: 'X' }).expect(400);
    });

    it('refuses to deactivate or demote the last active administrator', async () => {
      const scratch = await createScratchDatabase('last_admin');
      await scratch.dataSource.runMigrations();
      const isolated = await createTestApp({ env: { DATABASE_URL: scratch.url } });
      try {
        const only = await signedInAs(isolated, 'admin');
        // The last administrator cannot demote itself (nobody may), nor can the check be raced: two
        // admins demoting each other at once leave one of them an admin.
        await isolated.http.patch(`/api/v1/users/${only.user.id}`).set(only.bearer).send({ active: false }).expect(403);
        const second = await signedInAs(isolated, 'admin');
        const answers = await Promise.all([
          isolated.http.patch(`/api/v1/users/${only.user.id}`).set(second.bearer).send({ active: false }),
          isolated.http.patch(`/api/v1/users/${second.user.id}`).set(only.bearer).send({ active: false }),
        ]);
        // One wins; the other is refused, as the last admin (409) or, when it came second, as a deactivated user (401).
        expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
        expect(answers.filter((answer) => answer.status === 409 || answer.status === 401)).toHaveLength(1);
        const [{ admins }] = await scratch.dataSource.query(`SELECT count(*)::int AS admins FROM app_user WHERE role = 'admin' AND active`);
        expect(admins).toBe(1);
      } finally {
        await isolated.close();
        await scratch.drop();
      }
    });
  });
});

describe('the first administrator', () => {
  it('is created from ADMIN_EMAIL and ADMIN_PASSWORD when there is no administrator, once', async () => {
    const scratch = await createScratchDatabase('first_admin');
    await scratch.dataSource.runMigrations();
    const env = { DATABASE_URL: scratch.url, ADMIN_EMAIL: 'Admin@Ministeriet.dk', ADMIN_PASSWORD: 'en meget lang adgangsfrase' };
    try {
      const first = await createTestApp({ env });
      const signedIn = await signIn(first, 'admin@ministeriet.dk', env.ADMIN_PASSWORD);
      expect(signedIn.user).toMatchObject({ email: 'admin@ministeriet.dk' });
      await first.close();

      const again = await createTestApp({ env: { ...env, ADMIN_EMAIL: 'another@ministeriet.dk' } });
      await again.close();
      const admins = await scratch.dataSource.query(`SELECT email FROM app_user WHERE role = 'admin'`);
      expect(admins).toEqual([{ email: 'admin@ministeriet.dk' }]);
    } finally {
      await scratch.drop();
    }
  });
});

/** Apart from the suites above: Passport keeps one `local` strategy per process, the last app's. */
describe('a single administrator', () => {
  it('gives a staff role at once while there is no other administrator to approve it, and says so', async () => {
    const scratch = await createScratchDatabase('sole_admin');
    await scratch.dataSource.runMigrations();
    const isolated = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    try {
      const only = await signedInAs(isolated, 'admin');
      const email = newEmail();
      const created = await isolated.http
        .post('/api/v1/users')
        .set(only.bearer)
        .send({ email, name: 'Første', role: 'admin', password: TEST_PASSWORD })
        .expect(201);
      expect(created.body.awaitingApproval).toBe(false);
      await signIn(isolated, email);
    } finally {
      await isolated.close();
      await scratch.drop();
    }
  });
});
