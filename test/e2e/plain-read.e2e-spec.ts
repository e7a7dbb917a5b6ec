import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, PessimisticLockTransactionRequiredError } from 'typeorm';
import { Application } from '../../libs/applications/application.entity.js';
import { Award } from '../../libs/awards/award.entity.js';
import { PreparedRead, readEntities, readEntity } from '../../libs/core/database/plain-read.js';
import { ManualClock } from '../../libs/core/time/clock.js';
import { NotificationsService } from '../../libs/notifications/notifications.service.js';
import { Programme } from '../../libs/programmes/programme.entity.js';
import { givenAward, givenProgramme, givenSubmitted, reportBody } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/**
 * The lists and the case reads turn raw rows into entities themselves (`readEntities`, `readEntity`).
 * On real rows of every entity a list reads, they must give exactly what TypeORM's `getMany()` and
 * `getOne()` give: the same values of the same types, on the same prototype.
 */
describe('reading whole rows without TypeORM’s transformer', () => {
  let api: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    // During the 2020 pool's projects, so an extension can be asked for.
    api = await createTestApp({ clock: new ManualClock(new Date('2021-06-01T08:00:00Z')) });
    dataSource = api.app.get(DataSource);
    const admin = await signedInAs(api, 'admin');
    const people: { lead: SignedInUser; assessor: SignedInUser; decider: SignedInUser } = {
      lead: await signedInAs(api, 'project_lead', '461'),
      assessor: await signedInAs(api, 'caseworker'),
      decider: await signedInAs(api, 'caseworker'),
    };
    const programmeId = (await givenProgramme(api, admin)).id;
    const award = await givenAward(api, people, programmeId, undefined, { coApplicantCodes: ['479'] });
    await givenSubmitted(api, people.lead, programmeId, { coApplicantCodes: ['479', '480'] });
    await api.http
      .post(`/api/v1/awards/${award.id}/extension-requests`)
      .set(people.lead.bearer)
      .send({ months: 3, reason: 'covid19', justification: 'Nedlukningen forsinkede afprøvningen.' })
      .expect(201);
    await api.http
      .post(`/api/v1/programmes/${programmeId}/budget-adjustments`)
      .set(admin.bearer)
      .send({ deltaOre: 100, reason: 'Rækker til en justering' })
      .expect(201);
    await api.http
      .post(`/api/v1/applications/${award.applicationId}/assign`)
      .set(people.decider.bearer)
      .send({ assigneeId: people.assessor.user.id })
      .expect(200);
    const [report] = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(people.lead.bearer).expect(200)).body;
    await api.http.post(`/api/v1/reports/${report.id}/submit`).set(people.lead.bearer).send(reportBody()).expect(200);
    // A document on the case, and a request for access to it.
    await api.http
      .post('/api/v1/documents')
      .set(people.lead.bearer)
      .field('subjectType', 'application')
      .field('subjectId', award.applicationId)
      .field('kind', 'other')
      .attach('file', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'), {
        filename: 'bilag.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);
    await api.http
      .post('/api/v1/access-requests')
      .set(people.decider.bearer)
      .send({ applicationId: award.applicationId, requester: 'Journalist på Dagbladet', kind: 'aktindsigt', receivedOn: '2021-05-31' })
      .expect(201);
    // An amendment of the award: a version of it.
    await api.http
      .post(`/api/v1/awards/${award.id}/amendments`)
      .set(people.decider.bearer)
      .send({ kind: 'amount', amountOre: award.amountOre - 10_000, rationale: 'Beløbet nedsættes efter aftale med kommunen om færre aktiviteter.' })
      .expect(201);
    // Final accounts approved below what was paid: a filing, a release and a repayment claim.
    const spentLess = await givenAward(api, people, programmeId);
    await api.http.patch(`/api/v1/programmes/${programmeId}`).set(admin.bearer).send({ auditorStatementThresholdOre: 90_000_000_000 }).expect(200);
    const [first] = (await api.http.get(`/api/v1/awards/${spentLess.id}/instalments`).set(admin.bearer).expect(200)).body;
    await api.http.post(`/api/v1/instalments/${first.id}/approve`).set(people.assessor.bearer).expect(200);
    await api.http.post(`/api/v1/payments/${first.id}/paid`).set(admin.bearer).send({ paidOn: '2021-02-01', reference: 'NAV-1' }).expect(200);
    const filed = await api.http
      .post(`/api/v1/awards/${spentLess.id}/final-accounts`)
      .set(people.lead.bearer)
      .send({ spentOre: 500_000_000, budgetLines: [{ label: 'Løn', budgetOre: 600_000_000, spentOre: 500_000_000 }] })
      .expect(201);
    await api.http
      .post(`/api/v1/final-accounts/${filed.body.id}/review`)
      .set(people.assessor.bearer)
      .send({ outcome: 'approve', comment: 'Godkendt.' })
      .expect(200);
    await api.app
      .get(NotificationsService)
      .file(dataSource.manager, { userId: people.lead.user.id, kind: 'report_due', title: 'Statusrapport', body: 'Frist om 14 dage.' });
  });
  afterAll(() => api.close());

  /**
   * Both readings of a comparison see one snapshot: the other test files write to the same database
   * meanwhile, and a case assessed between the two reads once failed this file.
   */
  const inOneSnapshot = (work: (manager: EntityManager) => Promise<void>) => dataSource.transaction('REPEATABLE READ', work);

  /**
   * Every entity the app registers, from TypeORM's own metadata (a new entity is compared without
   * anyone adding it here). The set-up above gives each of them rows.
   */
  const entities = (): Array<[string, EntityTarget<ObjectLiteral>]> =>
    dataSource.entityMetadatas.map((metadata) => [metadata.tableName, metadata.target as EntityTarget<ObjectLiteral>]);

  it('compares every entity the app registers', () => {
    expect(
      entities()
        .map(([table]) => table)
        .sort(),
    ).toEqual(
      [
        'access_request',
        'app_user',
        'application',
        'application_version',
        'assessment',
        'audit_event',
        'auth_session',
        'award',
        'award_amendment',
        'budget_adjustment',
        'budget_release',
        'case_assignment',
        'case_contact',
        'decision',
        'document',
        'extension_request',
        'final_account',
        'instalment',
        'municipality',
        'notification',
        'programme',
        'progress_report',
        'refresh_token',
        'reminder',
        'repayment',
        'report_submission',
      ].sort(),
    );
  });

  it('gives for every entity what getMany gives', () =>
    inOneSnapshot(async (manager) => {
      for (const [table, entity] of entities()) await compareEntity(manager, table, entity);
    }));

  async function compareEntity(manager: EntityManager, table: string, entity: EntityTarget<ObjectLiteral>) {
    {
      const builder = () => manager.getRepository(entity).createQueryBuilder('row').limit(200);
      const expected = await builder().getMany();
      expect({ table, rows: expected.length > 0 }).toEqual({ table, rows: true });
      const actual = await readEntities(builder());
      expect(actual).toEqual(expected);
      expect(actual.map((row) => Object.getPrototypeOf(row))).toEqual(expected.map((row) => Object.getPrototypeOf(row)));
    }
  }

  it('reads the same values of the same types (dates, ore, arrays, json)', () =>
    inOneSnapshot(async (manager) => {
      const builder = () => manager.getRepository(Application).createQueryBuilder('application').where('application.case_number IS NOT NULL').limit(1);
      const [expected] = await builder().getMany();
      const [actual] = await readEntities(builder());
      expect(actual).toBeInstanceOf(Application);
      expect(actual.submittedAt).toBeInstanceOf(Date);
      expect(typeof actual.requestedOre).toBe(typeof expected.requestedOre);
      expect(actual.plannedStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Array.isArray(actual.coApplicantCodes) && Array.isArray(actual.activities)).toBe(true);
      expect(actual).toEqual(expected);
    }));

  it('reads a row once when a join repeats it, as getMany does', () =>
    inOneSnapshot(async (manager) => {
      // One row per participating kommune: an application with co-applicants comes back several times.
      const builder = () =>
        manager
          .getRepository(Application)
          .createQueryBuilder('application')
          .innerJoin('application_participant', 'participant', 'participant.application_id = application.id')
          .orderBy('application.created_at', 'DESC')
          .addOrderBy('application.id', 'DESC');
      const raw = await builder().getRawMany();
      const expected = await builder().getMany();
      expect(raw.length).toBeGreaterThan(expected.length);
      expect(await readEntities(builder())).toEqual(expected);
    }));

  it('readEntity gives what getOne gives, and null for no row', () =>
    inOneSnapshot(async (manager) => {
      const id = (await manager.getRepository(Award).createQueryBuilder('award').getOneOrFail()).id;
      const builder = (awardId: string) => manager.getRepository(Award).createQueryBuilder('award').where('award.id = :id', { id: awardId });
      expect(await readEntity(builder(id))).toEqual(await builder(id).getOne());
      expect(await readEntity(builder('00000000-0000-4000-8000-000000000000'))).toBeNull();
    }));

  describe('PreparedRead', () => {
    // `:kommune` comes first in the SQL and last in the names, so the values must be put in the SQL's order.
    const byKommuneAndId = (manager: EntityManager) =>
      manager
        .getRepository(Application)
        .createQueryBuilder('application')
        .where(':kommune = ANY(application.participant_codes)')
        .andWhere('application.id = :id');

    it('gives what getOne gives, with the values in the order of the SQL, and null for no row', () =>
      inOneSnapshot(async (manager) => {
        const { id, municipalityCode } = await manager
          .getRepository(Application)
          .createQueryBuilder('application')
          .where('application.case_number IS NOT NULL')
          .getOneOrFail();
        const read = new PreparedRead(['id', 'kommune'], byKommuneAndId);
        const values = { id, kommune: municipalityCode };
        const expected = await byKommuneAndId(manager).setParameters(values).getOne();
        expect(expected).not.toBeNull();
        for (let i = 0; i < 2; i += 1) {
          const actual = await read.one(manager, values);
          expect(actual).toBeInstanceOf(Application);
          expect(actual).toEqual(expected);
        }
        expect(await read.one(manager, { id, kommune: '999' })).toBeNull();
      }));

    it('reads inside the transaction of the manager it is given', async () => {
      const application = await dataSource.getRepository(Application).createQueryBuilder('application').getOneOrFail();
      const read = new PreparedRead(['id', 'kommune'], byKommuneAndId);
      const rolledBack = new Error('roll back');
      await expect(
        dataSource.transaction(async (manager) => {
          await manager.getRepository(Application).update(application.id, { title: 'Ændret i transaktionen' });
          expect((await read.one(manager, { id: application.id, kommune: application.municipalityCode }))?.title).toBe('Ændret i transaktionen');
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
      expect((await read.one(dataSource.manager, { id: application.id, kommune: application.municipalityCode }))?.title).toBe(application.title);
    });

    it('leaves to TypeORM a query with a parameter it was not told of, or one it cannot copy', async () => {
      const { id, municipalityCode } = await dataSource.getRepository(Application).createQueryBuilder('application').getOneOrFail();
      const values = { id, kommune: municipalityCode };
      const withOwnValue = (manager: EntityManager) => byKommuneAndId(manager).andWhere('application.requested_ore >= :least', { least: 0 });
      expect(await new PreparedRead(['id', 'kommune'], withOwnValue).one(dataSource.manager, values)).toEqual(
        await withOwnValue(dataSource.manager).setParameters(values).getOne(),
      );
      const locked = new PreparedRead(['id', 'kommune'], (manager) => byKommuneAndId(manager).setLock('pessimistic_write'));
      await expect(locked.one(dataSource.manager, values)).rejects.toBeInstanceOf(PessimisticLockTransactionRequiredError);
    });
  });

  it('hands any other query to TypeORM: a lock outside a transaction is refused as getOne refuses it', async () => {
    const builder = dataSource.getRepository(Award).createQueryBuilder('award').setLock('pessimistic_write');
    await expect(readEntity(builder)).rejects.toBeInstanceOf(PessimisticLockTransactionRequiredError);
    const partial = await readEntities(dataSource.getRepository(Programme).createQueryBuilder('programme').select(['programme.id', 'programme.code']));
    expect(partial.length).toBeGreaterThan(0);
    expect(Object.keys(partial[0]).sort()).toEqual(['code', 'id']);
  });
});
