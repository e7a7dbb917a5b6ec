import { randomUUID } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { extractText } from 'unpdf';
import { ManualClock } from '../../libs/core/time/clock.js';
import { downloadBytes } from '../support/download.js';
import { givenAssessed, givenDraft, givenProgramme, givenSubmitted, SUBSTANTIVE_REJECTION } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

const MARK = 'UDKAST – ikke afsendt';
const NOTE = 'Dette er et udkast: brevet, som det bliver, hvis afgørelsen træffes nu. Afgørelsen er ikke truffet, og brevet er ikke sendt.';

/**
 * The caseworker's preview of the decision letter (`POST /applications/:id/decision/preview`): the
 * letter exactly as deciding would send it, marked as a draft, after every check deciding makes, and
 * nothing written.
 */
describe('the decision letter’s preview', () => {
  // A fixed moment: the preview and the decision made after it are dated alike.
  const clock = new ManualClock(new Date('2026-11-20T09:30:00Z'));
  let api: TestApp;
  let db: DataSource;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let otherLead: SignedInUser;
  let assessor: SignedInUser;
  let decider: SignedInUser;
  let programme: { id: string };

  beforeAll(async () => {
    api = await createTestApp({ clock });
    db = api.app.get<DataSource>(getDataSourceToken());
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '740');
    otherLead = await signedInAs(api, 'project_lead', '101');
    assessor = await signedInAs(api, 'caseworker');
    decider = await signedInAs(api, 'caseworker');
    programme = await givenProgramme(api, admin);
  });
  afterAll(() => api.close());

  const preview = (id: string, body: object, who: SignedInUser, requestId = randomUUID()) =>
    downloadBytes(api.http.post(`/api/v1/applications/${id}/decision/preview`).set(who.bearer).set('X-Request-Id', requestId).send(body));
  /** Each page's text, its runs of white space made one. */
  const pages = async (pdf: Buffer) => ((await extractText(new Uint8Array(pdf))).text as string[]).map((page) => page.replace(/\s+/g, ' ').trim());

  /** Everything a decision writes, for one case and its programme. */
  async function written(applicationId: string, requestId?: string) {
    const [row] = await db.query(
      `SELECT (SELECT count(*) FROM decision WHERE application_id = $1)::int AS decisions,
              (SELECT count(*) FROM award WHERE application_id = $1)::int AS awards,
              (SELECT count(*) FROM audit_event e WHERE (e.entity_type, e.entity_id) IN (SELECT c.entity_type, c.entity_id FROM case_entity c WHERE c.case_id = $1))::int AS events,
              (SELECT count(*) FROM audit_event WHERE request_id = $2)::int AS "eventsOfTheRequest",
              (SELECT count(*) FROM notification WHERE case_id = $1)::int AS notifications,
              (SELECT count(*) FROM reminder WHERE subject_id = $1 OR award_id IN (SELECT id FROM award WHERE application_id = $1))::int AS reminders,
              (SELECT status || ':' || version FROM application WHERE id = $1) AS application,
              (SELECT ledger_version::text FROM programme WHERE id = $3) AS ledger`,
      [applicationId, requestId ?? '', programme.id],
    );
    return row;
  }

  it('is the letter deciding would send, marked as a draft on every page, and writes nothing', async () => {
    const application = await givenAssessed(api, { lead, assessor }, programme.id);
    const body = { outcome: 'award', amountOre: application.requestedOre, startDate: '2027-01-01', endDate: '2028-06-30' };
    const before = await written(application.id);
    const requestId = randomUUID();
    const response = await preview(application.id, body, decider, requestId).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`udkast-tilsagnsbrev-`);
    expect(await written(application.id, requestId)).toEqual({ ...before, eventsOfTheRequest: 0 });

    const draft = await pages(response.body as Buffer);
    for (const page of draft) expect(page).toContain(MARK);
    const text = draft.join(' ');
    expect(text).toContain(NOTE);
    expect(text).toContain('Tilsagn om tilskud');
    expect(text).toContain('11.014.260 kr.');
    expect(text).toContain('1. januar 2027 til 30. juni 2028');
    expect(text).toContain(decider.user.name);
    expect(text).toContain(application.caseNumber);

    // Deciding the same now sends the same letter, without the draft's marks.
    await api.http.post(`/api/v1/applications/${application.id}/decision`).set(decider.bearer).send(body).expect(201);
    const sent = await pages(
      (await downloadBytes(api.http.get(`/api/v1/applications/${application.id}/decision/letter.pdf`).set(lead.bearer)).expect(200)).body,
    );
    expect(sent.join(' ')).not.toContain('UDKAST');
    // Page by page the text breaks elsewhere (the draft's note takes a few lines): compared without the page footers.
    const organisation = api.app.get(ConfigService).get<string>('ORGANISATION_NAME');
    const footer = `${organisation} · Tilsagnsbrev · Journalnr. ${application.caseNumber}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const withoutFooters = (text: string) =>
      text
        .replace(new RegExp(`${footer} Side \\d+ af \\d+`, 'g'), ' ')
        .replace(/\s+/g, ' ')
        .trim();
    expect(withoutFooters(draft.map((page) => page.replace(MARK, '').replace(NOTE, '')).join(' '))).toBe(withoutFooters(sent.join(' ')));
  });

  it('previews a rejection with its main considerations and the appeal guidance', async () => {
    const application = await givenAssessed(api, { lead, assessor }, programme.id);
    const before = await written(application.id);
    const response = await preview(application.id, { outcome: 'reject', rationale: SUBSTANTIVE_REJECTION }, decider).expect(200);
    expect(response.headers['content-disposition']).toContain('udkast-afgoerelsesbrev-');
    const text = (await pages(response.body as Buffer)).join(' ');
    expect(text).toContain('Afslag på ansøgning om tilskud');
    expect(text).toContain(SUBSTANTIVE_REJECTION);
    expect(text).toContain('Klagevejledning');
    expect(await written(application.id)).toEqual(before);
  });

  it('refuses what deciding would refuse, with the same problem, and writes nothing', async () => {
    const application = await givenAssessed(api, { lead, assessor }, programme.id);
    const before = await written(application.id);
    const refusals: Array<[object, SignedInUser, number, string]> = [
      [{ outcome: 'reject', rationale: 'Ansøgningen afvises.' }, decider, 422, 'main-considerations-required'],
      [{ outcome: 'award', amountOre: application.requestedOre, rationale: 'x' }, decider, 400, 'invalid-decision'],
      [{ outcome: 'award' }, decider, 400, 'invalid-decision'],
      [{ outcome: 'award', amountOre: application.requestedOre + 100 }, decider, 422, 'amount-above-requested'],
      [{ outcome: 'award', amountOre: application.requestedOre }, assessor, 403, 'four-eyes'],
      [{ outcome: 'award', amountOre: application.requestedOre, colour: 'rød' }, decider, 400, 'validation-failed'],
    ];
    for (const [body, who, status, type] of refusals) {
      const requestId = randomUUID();
      const refused = await preview(application.id, body, who, requestId).expect(status);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ body, type: JSON.parse(refused.body.toString()).type }).toEqual({ body, type: `urn:tilskud:problem:${type}` });
      expect(await written(application.id, requestId)).toEqual({ ...before, eventsOfTheRequest: 0 });
      // Deciding says the same.
      const decided = await api.http.post(`/api/v1/applications/${application.id}/decision`).set(who.bearer).send(body).expect(status);
      expect(decided.body.type).toBe(`urn:tilskud:problem:${type}`);
    }
  });

  it('refuses an award the programme’s budget cannot cover (409), a case not assessed (409), and anyone but a caseworker', async () => {
    const small = await givenProgramme(api, admin, { budgetOre: 600_000_000 });
    const tooMuch = await givenAssessed(api, { lead, assessor }, small.id);
    const budget = await preview(tooMuch.id, { outcome: 'award', amountOre: tooMuch.requestedOre }, decider).expect(409);
    expect(JSON.parse(budget.body.toString())).toMatchObject({ type: 'urn:tilskud:problem:budget-exceeded' });

    const submitted = await givenSubmitted(api, lead, programme.id);
    const early = await preview(submitted.id, { outcome: 'reject', rationale: SUBSTANTIVE_REJECTION }, decider).expect(409);
    expect(JSON.parse(early.body.toString()).type).toBe('urn:tilskud:problem:illegal-transition');

    const application = await givenAssessed(api, { lead, assessor }, programme.id);
    const body = { outcome: 'reject', rationale: SUBSTANTIVE_REJECTION };
    for (const who of [lead, otherLead, admin]) {
      const refused = await preview(application.id, body, who).expect(403);
      expect(JSON.parse(refused.body.toString()).type).toBe('urn:tilskud:problem:forbidden');
    }
    await api.http.post(`/api/v1/applications/${application.id}/decision/preview`).send(body).expect(401);
    await preview('00000000-0000-4000-8000-000000000000', body, decider).expect(404);
    const draft = await givenDraft(api, lead, programme.id);
    await preview(draft.id, body, decider).expect(404);
  });
});
