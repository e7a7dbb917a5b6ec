import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { extractText } from 'unpdf';
import { readCsv } from '../support/csv.js';
import { kroner } from '../../libs/core/money/money.js';
import { formatKroner } from '../../libs/core/format/danish.js';
import { PUBLISHED_PROJECTS } from '../../seeds/data/pool-2020-projects.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seeds/demo-accounts.js';
import { seedDemoUsers } from '../../seeds/demo-users.seed.js';
import { seedPool2020 } from '../../seeds/pool-2020.seed.js';
import { createSeedContext, runSeeds } from '../../seeds/run.js';
import { createScratchDatabase } from '../support/databases.js';
import { createTestApp, type TestApp, withEnv } from '../support/test-app.js';
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

  it('gives every award its report schedule', async () => {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM progress_report WHERE kind = 'final'`);
    expect(count).toBe(31);
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

  it('reproduces the published overview as a PDF with every applicant and every amount in Danish format', async () => {
    const response = await api.http
      .get('/api/v1/exports/award-overview.pdf')
      .set(bearer(admin.accessToken))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const { totalPages, text } = await extractText(new Uint8Array(response.body as Buffer), { mergePages: true });
    const flat = (text as string).replace(/\s+/g, ' ');
    for (const project of PUBLISHED_PROJECTS) {
      expect(flat).toContain(project.applicant);
      expect(flat).toContain(formatKroner(kroner(project.awardedKroner)));
    }
    expect(flat).toContain('Pulje til at styrke omsorg og nærvær i ældreplejen');
    expect(flat).toContain('I alt bevilget til 31 projekter: 246.000.000 kr.');
    expect(flat).toContain('Bevilget ud over rammen: 1.000.000 kr.');
    expect(flat).toContain(`Side 1 af ${totalPages}`);
    expect(flat).toContain(`Side ${totalPages} af ${totalPages}`);
    expect(totalPages).toBeGreaterThan(1);
  });

  it('refuses the exports to project leads (403), and to nobody signed in (401)', async () => {
    const lead = DEMO_ACCOUNTS.find((account) => account.role === 'project_lead')!;
    const { accessToken } = await signIn(api, lead.email, DEMO_PASSWORD);
    await api.http.get('/api/v1/exports/awards.csv').set(bearer(accessToken)).expect(403);
    await api.http.get('/api/v1/exports/award-overview.pdf').set(bearer(accessToken)).expect(403);
    await api.http.get('/api/v1/exports/awards.csv').expect(401);
  });
});
