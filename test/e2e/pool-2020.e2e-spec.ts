import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { extractText, getDocumentProxy } from 'unpdf';
import { readCsv } from '../support/csv.js';
import { kroner } from '../../libs/core/money/money.js';
import { formatDate, formatKroner } from '../../libs/core/format/danish.js';
import { ManualClock } from '../../libs/core/time/clock.js';
import { copenhagenDate } from '../../libs/core/time/copenhagen.js';
import { ReminderReconciler } from '../../libs/reminders/reminder-reconciler.js';
import { POOL_2020_ASSUMED, POOL_2020_CLOSED_REASON } from '../../seeds/data/pool-2020-programme.js';
import { PUBLISHED_PROJECTS } from '../../seeds/data/pool-2020-projects.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seeds/demo-accounts.js';
import { seedDemoUsers } from '../../seeds/demo-users.seed.js';
import { seedPool2020 } from '../../seeds/pool-2020.seed.js';
import { createSeedContext, runSeeds } from '../../seeds/run.js';
import { createScratchDatabase } from '../support/databases.js';
import { createTestApp, type TestApp, withEnv } from '../support/test-app.js';
import { createTestWorker } from '../support/test-worker.js';
import { signIn } from '../support/users.js';

/**
 * The recipients and amounts as the ministry's news item published them ("31 kommuner får del i pulje
 * til ældrepleje"), typed in independently of the seed data: lead kommune code and kroner.
 */
const PUBLISHED_LIST: Array<[string, number]> = [
  ['706', 11_014_260],
  ['147', 14_385_500],
  ['621', 10_542_800],
  ['730', 12_432_109],
  ['787', 13_664_901],
  ['530', 5_980_716],
  ['510', 9_175_851],
  ['657', 5_026_000],
  ['223', 12_609_870],
  ['101', 5_035_610],
  ['756', 7_576_772],
  ['573', 6_561_227],
  ['810', 4_884_429],
  ['316', 8_017_463],
  ['479', 9_958_909],
  ['540', 5_230_010],
  ['390', 5_586_902],
  ['561', 5_075_200],
  ['101', 5_595_026],
  ['671', 5_150_548],
  ['851', 9_520_000],
  ['253', 5_420_264],
  ['661', 5_157_742],
  ['630', 5_203_733],
  ['101', 5_020_400],
  ['410', 5_040_530],
  ['326', 13_208_008],
  ['791', 7_965_504],
  ['157', 12_901_045],
  ['440', 7_713_182],
  ['849', 5_345_489],
];
const PUBLISHED_TOTAL_KRONER = 246_000_000;

describe('the real 2020 pool', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let api: TestApp;
  let dataSource: DataSource;
  let admin: { accessToken: string };
  let programmeId: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    scratch = await createScratchDatabase('pool_2020');
    await scratch.dataSource.runMigrations();
    // Seeded exactly as `npm start` seeds: in the seed context, not in the API.
    const seeds = await withEnv({ DATABASE_URL: scratch.url }, createSeedContext);
    try {
      const { demoAccounts, pool2020 } = await runSeeds(seeds);
      expect(demoAccounts).toBe(DEMO_ACCOUNTS.length);
      expect(pool2020).toMatchObject({ programmeCreated: true, imported: 31, alreadyThere: 0 });
    } finally {
      await seeds.close();
    }
    api = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    admin = await signIn(api, 'admin@tilskud.demo', DEMO_PASSWORD);
    programmeId = (await api.http.get('/api/v1/programmes').set(bearer(admin.accessToken)).expect(200)).body.items[0].id;
  });
  afterAll(async () => {
    await api.close();
    await scratch.drop();
  });

  it('has exactly 31 awards, equal to the published list to the krone, summing to 246.000.000 kr.', async () => {
    const { body } = await api.http.get('/api/v1/awards').query({ limit: 200 }).set(bearer(admin.accessToken)).expect(200);
    expect(body.items).toHaveLength(31);
    const actual = body.items.map((award: { municipalityCode: string; amountOre: number }) => `${award.municipalityCode} ${award.amountOre}`).sort();
    expect(actual).toEqual(PUBLISHED_LIST.map(([code, amount]) => `${code} ${Number(kroner(amount))}`).sort());
    const total = body.items.reduce((sum: bigint, award: { amountOre: number }) => sum + BigInt(award.amountOre), 0n);
    expect(total).toBe(kroner(PUBLISHED_TOTAL_KRONER));
  });

  it('carries the programme as published: budget, minimum, themes, extension maximum', async () => {
    const { body } = await api.http.get(`/api/v1/programmes/${programmeId}`).set(bearer(admin.accessToken)).expect(200);
    expect(body).toMatchObject({
      code: 'ÆLD-2020',
      name: 'Pulje til at styrke omsorg og nærvær i ældreplejen',
      budgetOre: 24_500_000_000,
      minApplicationOre: 500_000_000,
      maxCovidExtensionMonths: 6,
      applicationClosesAt: '2020-10-19T10:00:00.000Z',
    });
    expect(body.themes).toHaveLength(7);
    expect(body.criteria.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the joint København–Aalborg–Aarhus project, seen by all three kommuner', async () => {
    const aarhus = await signIn(api, 'projektleder.aarhus@tilskud.demo', DEMO_PASSWORD);
    const { body } = await api.http.get('/api/v1/awards').set(bearer(aarhus.accessToken)).expect(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ municipalityCode: '101', participantCodes: ['101', '851', '751'], amountOre: Number(kroner(5_020_400)) });
  });

  it('shows where the published figures break the rules, and still reconciles', async () => {
    const { body: ledger } = await api.http.get(`/api/v1/programmes/${programmeId}/ledger`).set(bearer(admin.accessToken)).expect(200);
    expect(ledger).toMatchObject({
      budgetOre: 24_500_000_000,
      adjustmentsOre: 0,
      committedOre: 24_600_000_000,
      remainingOre: -100_000_000,
      overCommittedOre: 100_000_000,
    });
    expect(ledger.budgetOre + ledger.adjustmentsOre - ledger.committedOre).toBe(ledger.remainingOre);
    expect(ledger.deviations).toEqual([
      expect.objectContaining({ rule: 'budget-exceeded', message: expect.stringContaining('1.000.000 kr. mere end budgettet') }),
      expect.objectContaining({ rule: 'below-minimum', caseNumber: 'ÆLD-2020-0012', message: expect.stringContaining('4.884.429 kr.') }),
    ]);
    const copenhagen = ledger.byMunicipality.find((total: { municipalityCode: string }) => total.municipalityCode === '101');
    expect(copenhagen).toEqual({ municipalityCode: '101', name: 'København', awards: 3, amountOre: Number(kroner(5_035_610 + 5_595_026 + 5_020_400)) });
    expect(ledger.byMunicipality.reduce((sum: number, total: { amountOre: number }) => sum + total.amountOre, 0)).toBe(ledger.committedOre);
  });

  it('records every import in the audit trail, which verifies', async () => {
    const { body } = await api.http
      .get('/api/v1/audit-events')
      .query({ action: 'application.imported', limit: 200 })
      .set(bearer(admin.accessToken))
      .expect(200);
    expect(body.items).toHaveLength(31);
    expect((await api.http.get('/api/v1/audit-events/verify').set(bearer(admin.accessToken)).expect(200)).body.ok).toBe(true);
  });

  it('imports every award as history: closed with the reason recorded and audited, no report schedule', async () => {
    const { body } = await api.http.get('/api/v1/awards').query({ programmeId, limit: 200 }).set(bearer(admin.accessToken)).expect(200);
    expect(body.items).toHaveLength(31);
    for (const award of body.items) {
      expect(award).toMatchObject({ status: 'closed', closedReason: POOL_2020_CLOSED_REASON, closedAt: expect.any(String) });
      expect((await api.http.get(`/api/v1/awards/${award.id}/reports`).set(bearer(admin.accessToken)).expect(200)).body).toEqual([]);
    }
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM progress_report');
    expect(count).toBe(0);
    const { body: closings } = await api.http
      .get('/api/v1/audit-events')
      .query({ action: 'award.closed', limit: 200 })
      .set(bearer(admin.accessToken))
      .expect(200);
    expect(closings.items).toHaveLength(31);
    expect(closings.items[0]).toMatchObject({
      before: { status: 'active' },
      after: { status: 'closed', closedReason: POOL_2020_CLOSED_REASON, historical: true },
    });
  });

  it('puts no report in anyone’s worklist, overdue or otherwise', async () => {
    const people = [
      admin,
      await signIn(api, 'sagsbehandler1@tilskud.demo', DEMO_PASSWORD),
      await signIn(api, 'projektleder.aarhus@tilskud.demo', DEMO_PASSWORD),
    ];
    for (const person of people) {
      for (const query of [{ status: 'overdue' }, { status: 'due' }, { programmeId }]) {
        expect((await api.http.get('/api/v1/reports').query(query).set(bearer(person.accessToken)).expect(200)).body.items).toEqual([]);
      }
    }
  });

  it('plans no reminder for the pool, not even on a clock set in the projects’ own time', async () => {
    // December 2022: live awards of this period would be owed reports and told of their end date.
    const clock = new ManualClock(new Date('2022-12-01T07:00:00Z'));
    const worker = await createTestWorker({ env: { DATABASE_URL: scratch.url, QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-pool-2020` }, clock });
    try {
      const reconciler = worker.get(ReminderReconciler);
      expect(await reconciler.reconcile()).toMatchObject({ planned: 0, created: 0 });
      const [award] = (await api.http.get('/api/v1/awards').query({ programmeId, limit: 1 }).set(bearer(admin.accessToken)).expect(200)).body.items;
      expect(await reconciler.reconcile(award.id)).toMatchObject({ planned: 0, created: 0 });
    } finally {
      await worker.close();
    }
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM reminder');
    expect(count).toBe(0);
    expect((await api.http.get('/api/v1/reminders').set(bearer(admin.accessToken)).expect(200)).body.items).toEqual([]);
  });

  it('flags every assumed value in the answers: the programme, each application, assessment and award', async () => {
    const { body: programme } = await api.http.get(`/api/v1/programmes/${programmeId}`).set(bearer(admin.accessToken)).expect(200);
    expect(programme.assumed).toEqual(POOL_2020_ASSUMED.programme);
    expect(Object.keys(programme.assumed)).toEqual(expect.arrayContaining(['criteria', 'applicationOpensAt']));

    const { body: awards } = await api.http.get('/api/v1/awards').query({ programmeId, limit: 200 }).set(bearer(admin.accessToken)).expect(200);
    for (const award of awards.items) {
      expect(award.assumed).toEqual(POOL_2020_ASSUMED.award);
      expect(Object.keys(award.assumed)).toEqual(expect.arrayContaining(['startDate', 'endDate']));
    }
    const { body: applications } = await api.http.get('/api/v1/applications').query({ programmeId, limit: 200 }).set(bearer(admin.accessToken)).expect(200);
    expect(applications.items).toHaveLength(31);
    for (const application of applications.items) {
      expect(application.assumed).toEqual(POOL_2020_ASSUMED.application);
      expect(Object.keys(application.assumed)).toEqual(expect.arrayContaining(['submittedAt', 'requestedOre', 'plannedStart', 'plannedEnd']));
    }
    const one = applications.items[0];
    expect((await api.http.get(`/api/v1/applications/${one.id}`).set(bearer(admin.accessToken)).expect(200)).body.assumed).toEqual(
      POOL_2020_ASSUMED.application,
    );
    const { body: assessment } = await api.http.get(`/api/v1/applications/${one.id}/assessment`).set(bearer(admin.accessToken)).expect(200);
    expect(assessment.assumed).toEqual(POOL_2020_ASSUMED.assessment);
    expect(Object.keys(assessment.assumed)).toContain('ratings');
  });

  it('keeps counting the closed awards as committed: 246.000.000 kr. against 245.000.000 kr., Brønderslev below the minimum', async () => {
    const { body: ledger } = await api.http.get(`/api/v1/programmes/${programmeId}/ledger`).set(bearer(admin.accessToken)).expect(200);
    expect(ledger).toMatchObject({ budgetOre: 24_500_000_000, committedOre: 24_600_000_000, overCommittedOre: 100_000_000 });
    expect(ledger.awards.every((line: { status: string }) => line.status === 'closed')).toBe(true);
    expect(ledger.deviations.map((deviation: { rule: string; caseNumber: string | null }) => `${deviation.rule} ${deviation.caseNumber}`)).toEqual([
      'budget-exceeded null',
      'below-minimum ÆLD-2020-0012',
    ]);
  });

  it('changes no row when the seed runs again', async () => {
    const snapshot = async () =>
      dataSource.query(`
        SELECT (SELECT count(*) FROM application) AS applications, (SELECT count(*) FROM award) AS awards,
               (SELECT count(*) FROM audit_event) AS audit_events, (SELECT count(*) FROM progress_report) AS reports,
               (SELECT count(*) FROM app_user) AS users, (SELECT max(updated_at) FROM award) AS awards_updated,
               (SELECT max(updated_at) FROM programme) AS programme_updated, (SELECT sum(amount_ore) FROM award) AS committed`);
    const before = await snapshot();
    expect(await seedDemoUsers(api.app)).toBe(0);
    expect(await seedPool2020(api.app)).toMatchObject({ programmeCreated: false, imported: 0, alreadyThere: 31 });
    expect(await snapshot()).toEqual(before);
  });

  it('exports a CSV that parses back to the same figures', async () => {
    const response = await api.http
      .get('/api/v1/exports/awards.csv')
      .set(bearer(admin.accessToken))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = readCsv(response.body as string);
    expect(header.slice(0, 7)).toEqual(['Journalnummer', 'Pulje', 'Kommunekode', 'Ansøger', 'Medansøgere', 'Titel', 'Bevilget beløb (kr.)']);
    expect(rows).toHaveLength(31);
    const amount = (text: string) => Number(text.replaceAll('.', '').replace(',', '.'));
    expect(rows.map((row) => `${row[2]} ${amount(row[6])}`).sort()).toEqual(PUBLISHED_LIST.map(([code, kr]) => `${code} ${kr}`).sort());
    expect(rows.reduce((sum, row) => sum + amount(row[6]), 0)).toBe(PUBLISHED_TOTAL_KRONER);
    expect(rows[0]).toEqual(expect.arrayContaining(['ÆLD-2020-0001', '706', 'Syddjurs', '11.014.260,00', '01-01-2021', '31-12-2022', '18-12-2020']));
    expect(rows.find((row) => row[0] === 'ÆLD-2020-0031')?.[4]).toBe('Aalborg, Aarhus');
  });

  it('reproduces the published overview as a tagged PDF: every applicant and amount, who made it and when, Brønderslev marked', async () => {
    const response = await api.http
      .get('/api/v1/exports/award-overview.pdf')
      .query({ programmeId })
      .set(bearer(admin.accessToken))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    // Each reader takes its own copy: pdf.js hands the bytes to its worker and detaches them.
    const bytes = () => new Uint8Array(response.body as Buffer);
    const { totalPages, text } = await extractText(bytes(), { mergePages: true });
    const flat = (text as string).replace(/\s+/g, ' ');
    for (const project of PUBLISHED_PROJECTS) {
      expect(flat).toContain(project.applicant);
      expect(flat).toContain(formatKroner(kroner(project.awardedKroner)));
    }
    expect(flat).toContain('Københavns Kommune (med Aalborg Kommune og Aarhus Kommune)');
    expect(flat).toContain('Sundheds- og Ældreministeriet');
    expect(flat).toContain(`Dannet ${formatDate(copenhagenDate(new Date()))}`);
    expect(flat).toContain('Pulje til at styrke omsorg og nærvær i ældreplejen');
    expect(flat).toContain('I alt bevilget til 31 projekter: 246.000.000 kr.');
    expect(flat).toContain('Puljens ramme: 245.000.000 kr. · Bevilget ud over rammen: 1.000.000 kr.');
    expect(flat).toContain('Under puljens minimum på 5.000.000 kr.');
    expect(flat).toContain('1 tilsagn under puljens minimum på 5.000.000 kr.: ÆLD-2020-0012 Brønderslev Kommune (4.884.429 kr.)');
    expect(flat).not.toContain('kr..');
    expect(flat).toContain(`Side 1 af ${totalPages}`);
    expect(flat).toContain(`Side ${totalPages} af ${totalPages}`);
    expect(totalPages).toBeGreaterThan(1);
    const document = await getDocumentProxy(bytes());
    expect(await document.getMarkInfo()).toMatchObject({ Marked: true });
    expect(((await document.getMetadata()) as { info: { Language?: string } }).info.Language).toBe('da-DK');
  });

  it('refuses the exports to project leads (403), and to nobody signed in (401)', async () => {
    const lead = DEMO_ACCOUNTS.find((account) => account.role === 'project_lead')!;
    const { accessToken } = await signIn(api, lead.email, DEMO_PASSWORD);
    await api.http.get('/api/v1/exports/awards.csv').set(bearer(accessToken)).expect(403);
    await api.http.get('/api/v1/exports/award-overview.pdf').query({ programmeId }).set(bearer(accessToken)).expect(403);
    await api.http.get('/api/v1/exports/awards.csv').expect(401);
  });

  it('closes an earlier import’s award that is still active on the next run, once: its never-submitted reports dropped, its assumptions flagged', async () => {
    // As an import from before imports were historical left a project: active, a report schedule, nothing flagged.
    const owner = scratch.dataSource;
    const [award] = await owner.query(
      `SELECT id, application_id, programme_id, municipality_code, participant_codes FROM award WHERE case_number = 'ÆLD-2020-0005'`,
    );
    await owner.query(`UPDATE award SET status = 'active', closed_at = NULL, closed_reason = NULL, assumed = '{}' WHERE id = $1`, [award.id]);
    await owner.query(`UPDATE application SET assumed = '{}' WHERE id = $1`, [award.application_id]);
    await owner.query(`UPDATE assessment SET assumed = '{}' WHERE application_id = $1`, [award.application_id]);
    await owner.query(
      `INSERT INTO progress_report (award_id, application_id, programme_id, municipality_code, participant_codes, kind, sequence, due_date, status)
       VALUES ($1, $2, $3, $4, $5, 'status', 1, '2022-01-01', 'due'), ($1, $2, $3, $4, $5, 'final', 1, '2023-03-31', 'due')`,
      [award.id, award.application_id, award.programme_id, award.municipality_code, award.participant_codes],
    );
    const overdue = async () => (await api.http.get('/api/v1/reports').query({ status: 'overdue' }).set(bearer(admin.accessToken)).expect(200)).body.items;
    expect(await overdue()).toHaveLength(2);

    expect(await seedPool2020(api.app)).toMatchObject({ imported: 0, alreadyThere: 31, madeHistorical: 1 });
    expect(await overdue()).toEqual([]);
    const { body: closed } = await api.http.get(`/api/v1/awards/${award.id}`).set(bearer(admin.accessToken)).expect(200);
    expect(closed).toMatchObject({ status: 'closed', closedReason: POOL_2020_CLOSED_REASON, assumed: POOL_2020_ASSUMED.award });
    const { body: application } = await api.http.get(`/api/v1/applications/${award.application_id}`).set(bearer(admin.accessToken)).expect(200);
    expect(application.assumed).toEqual(POOL_2020_ASSUMED.application);
    const { body: events } = await api.http
      .get('/api/v1/audit-events')
      .query({ action: 'award.closed', entityId: award.id })
      .set(bearer(admin.accessToken))
      .expect(200);
    expect(events.items).toHaveLength(2);
    expect(events.items.map((event: { after: { reportsDropped?: string[] } }) => event.after.reportsDropped?.length ?? 0).sort()).toEqual([0, 2]);

    expect(await seedPool2020(api.app)).toMatchObject({ imported: 0, madeHistorical: 0 });
  });
});
