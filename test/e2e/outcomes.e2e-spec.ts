import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { extractText, getDocumentProxy } from 'unpdf';
import { ManualClock } from '../../libs/core/time/clock.js';
import {
  APPEAL_GUIDANCE,
  assessmentBody,
  givenAssessed,
  givenAward,
  givenProgramme,
  givenSubmitted,
  reportBody,
  SUBSTANTIVE_PARTIAL,
  SUBSTANTIVE_REJECTION,
} from '../support/grant-case.js';
import { type IsolatedServices, isolatedServices } from '../support/isolated-services.js';
import { TestSmtpServer } from '../support/smtp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestWorker, eventually } from '../support/test-worker.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  subjectType: string | null;
  subjectId: string | null;
  caseId: string | null;
  link: string | null;
}

/**
 * Every outcome reaches its people: the receipt, the decision, a report returned or approved, an
 * extension decided, an assignment; in the inbox at once (in the transaction of the change) and by
 * e-mail through the outbox (a real SMTP server, a real worker), to the case's contacts. Thursday
 * 18 November 2021, 08:30 in Copenhagen.
 */
describe('outcomes reach their people', () => {
  const clock = new ManualClock(new Date('2021-11-18T07:30:00Z'));
  let services: IsolatedServices;
  let smtp: TestSmtpServer;
  let smtpPort: number;
  let api: TestApp;
  let worker: INestApplicationContext;
  let admin: SignedInUser;
  /** København (101) leads the joint cases; Aalborg (851) applies with it; Esbjerg (561) has nothing to do with them. */
  let lead: SignedInUser;
  let leadColleague: SignedInUser;
  let coLead: SignedInUser;
  let coLeadColleague: SignedInUser;
  let stranger: SignedInUser;
  let assessor: SignedInUser;
  let decider: SignedInUser;
  let programmeId: string;

  beforeAll(async () => {
    services = await isolatedServices('outcomes', 7, { REMINDER_ATTEMPTS: '6', REMINDER_BACKOFF_MS: '100' });
    smtp = services.smtp;
    smtpPort = Number(services.env.SMTP_PORT);
    api = await createTestApp({ env: services.env, clock });
    worker = await createTestWorker({ env: services.env, clock });
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '101');
    leadColleague = await signedInAs(api, 'project_lead', '101');
    coLead = await signedInAs(api, 'project_lead', '851');
    coLeadColleague = await signedInAs(api, 'project_lead', '851');
    stranger = await signedInAs(api, 'project_lead', '561');
    assessor = await signedInAs(api, 'caseworker');
    decider = await signedInAs(api, 'caseworker');
    programmeId = (await givenProgramme(api, admin, { applicationOpensAt: '2020-01-01T00:00', applicationClosesAt: '2030-01-01T00:00' })).id;
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    // The mail-server test stops the suite's server and starts another on its port.
    if (smtp !== services.smtp) await smtp.stop();
    await services.stop();
  });

  const people = () => ({ lead, assessor, decider });
  const joint = { coApplicantCodes: ['851'] };
  const inbox = async (user: SignedInUser): Promise<InboxItem[]> =>
    (await api.http.get('/api/v1/notifications').query({ limit: 200 }).set(user.bearer).expect(200)).body.items;
  const itemsAbout = async (user: SignedInUser, kind: string, caseId: string) =>
    (await inbox(user)).filter((item) => item.kind === kind && item.caseId === caseId);
  const mailsTo = (user: SignedInUser, subject: string) => smtp.to(user.email).filter((mail) => mail.subject === subject);
  /** Waits until each of `users` has had exactly one e-mail with `subject`, and checks nobody else got it. */
  const eachMailedOnce = async (users: SignedInUser[], subject: string, notTo: SignedInUser[] = []) => {
    await eventually(async () => users.every((user) => mailsTo(user, subject).length >= 1));
    for (const user of users) expect({ to: user.email, count: mailsTo(user, subject).length }).toEqual({ to: user.email, count: 1 });
    for (const user of notTo) expect({ to: user.email, count: mailsTo(user, subject).length }).toEqual({ to: user.email, count: 0 });
  };
  const pdf = async (url: string, user: SignedInUser, status = 200) => {
    const response = await api.http
      .get(url)
      .set(user.bearer)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(status);
    return response;
  };
  const textOf = async (bytes: Buffer) => {
    const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
    return (text as string).replace(/\s+/g, ' ');
  };
  const decide = (applicationId: string, body: object, status = 201) =>
    api.http.post(`/api/v1/applications/${applicationId}/decision`).set(decider.bearer).send(body).expect(status);

  describe('the receipt', () => {
    it('goes to every kommune of the case, in the inbox at once and by e-mail once: the lead’s contact, a co-applicant’s project leads while it names nobody', async () => {
      const application = await givenSubmitted(api, lead, programmeId, joint);
      const subject = `Kvittering for ansøgning ${application.caseNumber} «Mere værdig hjemmepleje»`;
      for (const user of [lead, coLead, coLeadColleague]) {
        const [item, ...more] = await itemsAbout(user, 'application_receipt', application.id);
        expect(more).toEqual([]);
        expect(item).toMatchObject({ title: subject, link: `/sager/${application.id}` });
        expect(item.body).toContain(`journalnummer ${application.caseNumber}`);
        expect(item.body).toContain('18. november 2021 kl. 08.30');
        expect(item.body).toContain('fra Københavns Kommune');
      }
      expect(await itemsAbout(leadColleague, 'application_receipt', application.id)).toEqual([]);
      await eachMailedOnce([lead, coLead, coLeadColleague], subject, [leadColleague, stranger]);
      // Quoted-printable may fold a long line ("=" at its end).
      expect(mailsTo(lead, subject)[0].text.replace(/=\r?\n/g, '')).toContain(`/sager/${application.id}`);
    });

    it('is a PDF for the case’s kommuner: case number, the Copenhagen time of receipt, what was applied for; another kommune gets 404', async () => {
      const application = await givenSubmitted(api, lead, programmeId, joint);
      const response = await pdf(`/api/v1/applications/${application.id}/receipt.pdf`, lead);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(/^inline; filename="kvittering-[A-Z]+-2026-\d{4}\.pdf"/);
      const text = await textOf(response.body);
      for (const expected of [
        'Kvittering for modtaget ansøgning',
        application.caseNumber,
        '18. november 2021 kl. 08.30',
        'Københavns Kommune',
        'Aalborg Kommune',
        'Mere værdig hjemmepleje',
        '11.014.260 kr.',
        '1. januar 2021 til 30. juni 2022',
        'Livskvalitet',
        lead.user.name,
        'Side 1 af 1',
      ]) {
        expect(text).toContain(expected);
      }
      await pdf(`/api/v1/applications/${application.id}/receipt.pdf`, coLead);
      await pdf(`/api/v1/applications/${application.id}/receipt.pdf`, stranger, 404);
      await pdf(`/api/v1/applications/${application.id}/receipt.pdf`, assessor);
    });
  });

  describe('the decision', () => {
    it('is read by the case’s kommuner with its rationale and appeal guidance; 404 before it is made and for another kommune', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programmeId, joint);
      const path = `/api/v1/applications/${application.id}/decision`;
      const before = await api.http.get(path).set(lead.bearer).expect(404);
      expect(before.body.type).toBe('urn:tilskud:problem:not-found');
      await pdf(`${path}/letter.pdf`, lead, 404);

      await decide(application.id, { outcome: 'reject', rationale: SUBSTANTIVE_REJECTION });
      for (const reader of [lead, coLead, assessor, admin]) {
        const { body } = await api.http.get(path).set(reader.bearer).expect(200);
        expect(body).toEqual({
          applicationId: application.id,
          caseNumber: application.caseNumber,
          projectTitle: 'Mere værdig hjemmepleje',
          municipalityCode: '101',
          municipalityName: 'Københavns Kommune',
          outcome: 'reject',
          rationale: SUBSTANTIVE_REJECTION,
          requestedOre: 1_101_426_000,
          fullGrant: false,
          decidedAt: '2021-11-18T07:30:00.000Z',
          decidedBy: decider.user.id,
          decidedByName: decider.user.name,
          legalBasis: expect.any(String),
          appealGuidance: APPEAL_GUIDANCE,
          letterKind: 'afgørelsesbrev',
          letterUrl: `${path}/letter.pdf`,
        });
      }
      await api.http.get(path).set(stranger.bearer).expect(404);
      await pdf(`${path}/letter.pdf`, stranger, 404);

      const { body: read } = await api.http.get(`/api/v1/applications/${application.id}`).set(lead.bearer).expect(200);
      expect(read).toMatchObject({
        status: 'rejected',
        decisionUrl: path,
        decisionLetterUrl: `${path}/letter.pdf`,
        receiptUrl: `/api/v1/applications/${application.id}/receipt.pdf`,
      });
    });

    it('a rejection’s letter states the main considerations (§ 24) and the appeal guidance (§ 25), in Danish, tagged, the same bytes every time', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programmeId);
      await decide(application.id, { outcome: 'reject', rationale: SUBSTANTIVE_REJECTION });
      const url = `/api/v1/applications/${application.id}/decision/letter.pdf`;
      const first = await pdf(url, lead);
      expect(first.headers['content-disposition']).toMatch(/filename="afgoerelsesbrev-/);
      const text = await textOf(first.body);
      for (const expected of [
        'Afslag på ansøgning om tilskud',
        application.caseNumber,
        'Dato: 18. november 2021',
        'Til: Københavns Kommune',
        'giver afslag på ansøgningen',
        '11.014.260 kr.',
        'hovedhensyn (forvaltningslovens § 24)',
        SUBSTANTIVE_REJECTION,
        'Klagevejledning',
        APPEAL_GUIDANCE,
        'Med venlig hilsen',
        decider.user.name,
        'Sundheds- og Ældreministeriet',
      ]) {
        expect(text).toContain(expected);
      }
      // Generated from the database the same way every time.
      expect((await pdf(url, coLead, 404)).status).toBe(404);
      expect(Buffer.compare((await pdf(url, admin)).body, first.body)).toBe(0);

      const document = await getDocumentProxy(new Uint8Array(first.body));
      expect(await document.getMarkInfo()).toMatchObject({ Marked: true });
      const { info } = (await document.getMetadata()) as { info: { Language?: string; Title?: string } };
      expect(info.Language).toBe('da-DK');
      expect(info.Title).toBe(`Afgørelsesbrev ${application.caseNumber} – Mere værdig hjemmepleje`);
      const tree = (await (await document.getPage(1)).getStructTree()) as { children: Array<{ role: string; children: unknown[] }> };
      const roles = JSON.stringify(tree);
      for (const role of ['"role":"H1"', '"role":"H2"', '"role":"P"']) expect(roles).toContain(role);
    });

    it('an award’s letter gives the amount, the period, the reporting dates, the COVID-19 terms and the conditions; a partial one its reasons and the appeal guidance', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programmeId, joint);
      await decide(application.id, {
        outcome: 'award',
        amountOre: 502_040_000,
        rationale: SUBSTANTIVE_PARTIAL,
        startDate: '2021-01-01',
        endDate: '2022-06-30',
      });
      const text = await textOf((await pdf(`/api/v1/applications/${application.id}/decision/letter.pdf`, coLead)).body);
      for (const expected of [
        'Tilsagn om tilskud (delvist tilsagn)',
        'tilsagn om et tilskud på 5.020.400 kr.',
        'I har søgt om 11.014.260 kr.;',
        'på vegne af projektets kommuner: Københavns Kommune og Aalborg Kommune',
        'hovedhensyn (forvaltningslovens § 24)',
        SUBSTANTIVE_PARTIAL,
        'i perioden 1. januar 2021 til 30. juni 2022',
        'Statusrapport nr. 1: senest 3. januar 2022',
        'Slutrapport: senest 30. september 2022',
        'op til 6 måneder i alt',
        'Vilkår',
        'Klagevejledning',
        APPEAL_GUIDANCE,
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('kr..');

      const full = await givenAssessed(api, { lead, assessor }, programmeId);
      await decide(full.id, {
        outcome: 'award',
        amountOre: 1_101_426_000,
        rationale: 'Projektet bevilges fuldt ud.',
        startDate: '2021-01-01',
        endDate: '2022-06-30',
      });
      const fullText = await textOf((await pdf(`/api/v1/applications/${full.id}/decision/letter.pdf`, lead)).body);
      expect(fullText).toContain('Tilsagn om tilskud');
      expect(fullText).toContain('tilsagn om et tilskud på 11.014.260 kr.');
      expect(fullText).not.toContain('Klagevejledning');
      const { body: award } = await api.http.get(`/api/v1/awards?limit=1`).set(lead.bearer).expect(200);
      expect(award.items[0]).toMatchObject({
        applicationId: full.id,
        projectTitle: 'Mere værdig hjemmepleje',
        municipalityName: 'Københavns Kommune',
        decidedByName: decider.user.name,
        decisionUrl: `/api/v1/applications/${full.id}/decision`,
      });
    });

    it('is told to every contact once, in the inbox at once and by e-mail', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programmeId, joint);
      const { body } = await decide(application.id, { outcome: 'award', amountOre: 1_101_426_000, rationale: 'Projektet bevilges fuldt ud.' });
      const subject = `Tilsagn til ${application.caseNumber} «Mere værdig hjemmepleje»`;
      for (const user of [lead, coLead, coLeadColleague]) {
        const items = await itemsAbout(user, 'decision_made', application.id);
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({ title: subject, link: `/sager/${application.id}/afgoerelse` });
        expect(items[0].body).toContain('tilsagn om 11.014.260 kr.');
      }
      expect(body.award).toMatchObject({ projectTitle: 'Mere værdig hjemmepleje', decidedByName: decider.user.name });
      await eachMailedOnce([lead, coLead, coLeadColleague], subject, [leadColleague, stranger, assessor]);
    });
  });

  describe('after the award', () => {
    it('a report returned and approved, and an extension decided, are each told to every contact once', async () => {
      const award = await givenAward(api, people(), programmeId, { startDate: '2021-01-01', endDate: '2022-06-30' }, joint);
      const [report] = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).body;
      expect(report).toMatchObject({
        caseId: award.applicationId,
        caseNumber: award.caseNumber,
        projectTitle: 'Mere værdig hjemmepleje',
        municipalityName: 'Københavns Kommune',
      });

      await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
      await api.http
        .post(`/api/v1/reports/${report.id}/review`)
        .set(decider.bearer)
        .send({ outcome: 'return', comment: 'Beskriv forbruget pr. aktivitet.' })
        .expect(200);
      const returned = `Statusrapport nr. 1 for ${award.caseNumber} er sendt retur`;
      for (const user of [lead, coLead]) {
        const [item] = await itemsAbout(user, 'report_returned', award.applicationId);
        expect(item.title).toBe(returned);
        expect(item.body).toContain('Beskriv forbruget pr. aktivitet.');
        expect(item.body).toContain(`${award.caseNumber} «Mere værdig hjemmepleje», Københavns Kommune`);
      }
      await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
      await api.http.post(`/api/v1/reports/${report.id}/review`).set(decider.bearer).send({ outcome: 'approve', comment: 'Fin rapport.' }).expect(200);
      const approved = `Statusrapport nr. 1 for ${award.caseNumber} er godkendt`;
      expect(await itemsAbout(coLeadColleague, 'report_approved', award.applicationId)).toHaveLength(1);

      const { body: detail } = await api.http.get(`/api/v1/reports/${report.id}`).set(lead.bearer).expect(200);
      expect(detail.submissions.map((s: { submittedByName: string; reviewedByName: string }) => [s.submittedByName, s.reviewedByName])).toEqual([
        [lead.user.name, decider.user.name],
        [lead.user.name, decider.user.name],
      ]);

      const request = await api.http
        .post(`/api/v1/awards/${award.id}/extension-requests`)
        .set(lead.bearer)
        .send({ months: 4, reason: 'covid19', justification: 'Nedlukningen forsinkede afprøvningen.' })
        .expect(201);
      expect(request.body).toMatchObject({ requestedByName: lead.user.name, caseNumber: award.caseNumber, municipalityName: 'Københavns Kommune' });
      const decided = await api.http
        .post(`/api/v1/extension-requests/${request.body.id}/decision`)
        .set(decider.bearer)
        .send({ outcome: 'approve', approvedMonths: 3, rationale: 'Tre måneder dækker den dokumenterede forsinkelse fra nedlukningen.' })
        .expect(200);
      expect(decided.body.decidedByName).toBe(decider.user.name);
      const extended = `Forlængelse af ${award.caseNumber} godkendt`;
      const [item] = await itemsAbout(coLead, 'extension_decided', award.applicationId);
      expect(item.title).toBe(extended);
      expect(item.body).toContain('3 måneder COVID-19-forlængelse af de 4 måneder, der blev søgt om');
      expect(item.body).toContain('slutter nu 30. september 2022 i stedet for 30. juni 2022');

      await eachMailedOnce([lead, coLead, coLeadColleague], returned, [leadColleague]);
      await eachMailedOnce([lead, coLead, coLeadColleague], approved);
      await eachMailedOnce([lead, coLead, coLeadColleague], extended);
    });
  });

  describe('case contacts', () => {
    it('each kommune names its own contact, a project lead of that kommune; the messages then go to the contacts alone', async () => {
      const application = await givenSubmitted(api, lead, programmeId, joint);
      const contact = (user: SignedInUser, body: object) => api.http.patch(`/api/v1/applications/${application.id}/contact`).set(user.bearer).send(body);

      const named = await contact(lead, { contactUserId: leadColleague.user.id }).expect(200);
      expect(named.body).toMatchObject({ contactUserId: leadColleague.user.id, contactUserName: leadColleague.user.name });
      expect((await itemsAbout(leadColleague, 'contact_named', application.id))[0].title).toBe(
        `Du er kontaktperson for ${application.caseNumber} «Mere værdig hjemmepleje», Københavns Kommune`,
      );
      // Aalborg may not name København's contact, nor someone who is not one of its project leads.
      expect((await contact(coLead, { contactUserId: coLead.user.id }).expect(403)).body.type).toBe('urn:tilskud:problem:forbidden');
      expect((await contact(coLead, { municipalityCode: '851', contactUserId: lead.user.id }).expect(422)).body.type).toBe(
        'urn:tilskud:problem:contact-not-eligible',
      );
      expect((await contact(decider, { municipalityCode: '461', contactUserId: lead.user.id }).expect(422)).body.type).toBe(
        'urn:tilskud:problem:not-a-participant',
      );
      await contact(stranger, { contactUserId: stranger.user.id }).expect(404);
      await contact(lead, { contactUserId: 'not-a-uuid' }).expect(400);
      const aalborg = await contact(coLead, { municipalityCode: '851', contactUserId: coLead.user.id }).expect(200);
      expect(aalborg.body.contacts).toEqual([
        { municipalityCode: '101', municipalityName: 'Københavns Kommune', userId: leadColleague.user.id, userName: leadColleague.user.name, active: true },
        { municipalityCode: '851', municipalityName: 'Aalborg Kommune', userId: coLead.user.id, userName: coLead.user.name, active: true },
      ]);

      // A caseworker may name a kommune's contact too.
      await contact(assessor, { contactUserId: lead.user.id }).expect(200);
      await api.http.put(`/api/v1/applications/${application.id}/assessment`).set(assessor.bearer).send(assessmentBody()).expect(200);
      await api.http.post(`/api/v1/applications/${application.id}/assessment/complete`).set(assessor.bearer).expect(200);
      await decide(application.id, { outcome: 'reject', rationale: SUBSTANTIVE_REJECTION });
      expect(await itemsAbout(lead, 'decision_made', application.id)).toHaveLength(1);
      expect(await itemsAbout(coLead, 'decision_made', application.id)).toHaveLength(1);
      expect(await itemsAbout(leadColleague, 'decision_made', application.id)).toEqual([]);
      expect(await itemsAbout(coLeadColleague, 'decision_made', application.id)).toEqual([]);
    });

    it('a deactivated contact’s kommune colleagues get the messages, and the case shows the contact as inactive', async () => {
      const contactPerson = await signedInAs(api, 'project_lead', '101');
      const application = await givenAssessed(api, { lead, assessor }, programmeId);
      await api.http.patch(`/api/v1/applications/${application.id}/contact`).set(lead.bearer).send({ contactUserId: contactPerson.user.id }).expect(200);
      await api.http.patch(`/api/v1/users/${contactPerson.user.id}`).set(admin.bearer).send({ active: false }).expect(200);
      const { body } = await api.http.get(`/api/v1/applications/${application.id}`).set(decider.bearer).expect(200);
      expect(body.contacts[0]).toMatchObject({ userId: contactPerson.user.id, active: false });

      await decide(application.id, { outcome: 'reject', rationale: SUBSTANTIVE_REJECTION });
      const kommuneLeads = [lead, leadColleague];
      for (const user of kommuneLeads) expect(await itemsAbout(user, 'decision_made', application.id)).toHaveLength(1);
      const [{ count }] = await api.app
        .get<DataSource>(getDataSourceToken())
        .query(`SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND case_id = $2 AND kind = 'decision_made'`, [
          contactPerson.user.id,
          application.id,
        ]);
      expect(count).toBe(0);
    });
  });

  describe('caseworker assignment', () => {
    it('assigns and reassigns a case, tells the new caseworker, and filters every worklist by assignee', async () => {
      const award = await givenAward(api, people(), programmeId, { startDate: '2021-01-01', endDate: '2022-06-30' });
      const assign = (by: SignedInUser, assigneeId: string | null) =>
        api.http.post(`/api/v1/applications/${award.applicationId}/assign`).set(by.bearer).send({ assigneeId });

      const assigned = await assign(decider, assessor.user.id).expect(200);
      expect(assigned.body).toMatchObject({ assigneeId: assessor.user.id, assigneeName: assessor.user.name, assignedAt: '2021-11-18T07:30:00.000Z' });
      const [item, ...more] = await itemsAbout(assessor, 'case_assigned', award.applicationId);
      expect(more).toEqual([]);
      expect(item.title).toBe(`Sag ${award.caseNumber} er tildelt dig`);
      expect(item.body).toContain(`${decider.user.name} har tildelt dig sagen ${award.caseNumber} «Mere værdig hjemmepleje», Københavns Kommune`);
      await eachMailedOnce([assessor], item.title);

      const ids = async (path: string, user: SignedInUser, assigneeId: string) =>
        (await api.http.get(path).query({ assigneeId, limit: 200 }).set(user.bearer).expect(200)).body.items.map((row: { id: string }) => row.id);
      expect(await ids('/api/v1/applications', assessor, 'me')).toContain(award.applicationId);
      expect(await ids('/api/v1/applications', decider, 'me')).not.toContain(award.applicationId);
      expect(await ids('/api/v1/applications', decider, 'none')).not.toContain(award.applicationId);
      expect(await ids('/api/v1/applications', decider, assessor.user.id)).toContain(award.applicationId);
      expect(await ids('/api/v1/awards', assessor, 'me')).toContain(award.id);
      const [report] = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).body;
      expect(report).toMatchObject({ assigneeId: assessor.user.id, assigneeName: assessor.user.name });
      expect(await ids('/api/v1/reports', assessor, 'me')).toContain(report.id);
      expect(await ids('/api/v1/reports', decider, 'me')).not.toContain(report.id);
      const request = await api.http
        .post(`/api/v1/awards/${award.id}/extension-requests`)
        .set(lead.bearer)
        .send({ months: 2, reason: 'covid19', justification: 'Nedlukning.' })
        .expect(201);
      expect(await ids('/api/v1/extension-requests', assessor, 'me')).toContain(request.body.id);
      expect(await ids('/api/v1/extension-requests', assessor, 'none')).not.toContain(request.body.id);
      await api.http.get('/api/v1/applications').query({ assigneeId: 'someone' }).set(decider.bearer).expect(400);

      // The waiting reminders go to the assignee alone.
      const waiting = await eventually(async () => {
        const rows = (await api.http.get('/api/v1/reminders').query({ awardId: award.id, kind: 'extension_decision_waiting' }).set(admin.bearer).expect(200))
          .body.items;
        return rows.length > 0 && rows;
      });
      expect(waiting.map((row: { recipientId: string; recipientName: string }) => [row.recipientId, row.recipientName])).toEqual([
        [assessor.user.id, assessor.user.name],
      ]);

      // Reassigned: the new caseworker is told; one who takes the case themself is not told of it.
      await assign(admin, decider.user.id).expect(200);
      expect(await itemsAbout(decider, 'case_assigned', award.applicationId)).toHaveLength(1);
      await assign(assessor, assessor.user.id).expect(200);
      expect(await itemsAbout(assessor, 'case_assigned', award.applicationId)).toHaveLength(1);
      expect((await assign(decider, lead.user.id).expect(422)).body.type).toBe('urn:tilskud:problem:assignee-not-eligible');
      await assign(lead, assessor.user.id).expect(403);
      const released = await assign(decider, null).expect(200);
      expect(released.body).toMatchObject({ assigneeId: null, assigneeName: null });
      expect(await ids('/api/v1/applications', decider, 'none')).toContain(award.applicationId);
    });
  });

  describe('the mail server', () => {
    it('down: the inbox items are there at once, and the e-mails go out once it is back', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programmeId);
      await smtp.stop();
      try {
        await decide(application.id, { outcome: 'reject', rationale: SUBSTANTIVE_REJECTION });
        expect(await itemsAbout(lead, 'decision_made', application.id)).toHaveLength(1);
        const pending = await eventually(async () => {
          const rows = (
            await api.http.get('/api/v1/reminders').query({ kind: 'decision_made', recipientId: lead.user.id, limit: 200 }).set(admin.bearer).expect(200)
          ).body.items as Array<{ subjectId: string; attempts: number; lastError: string | null; status: string }>;
          const row = rows.find((r) => r.subjectId === application.id);
          return row && row.attempts >= 1 && row;
        });
        expect(pending).toMatchObject({ status: 'scheduled', lastError: expect.stringMatching(/ECONNREFUSED/) });
      } finally {
        smtp = new TestSmtpServer();
        await smtp.start(smtpPort);
      }
      await eachMailedOnce([lead], `Afslag på ansøgning ${application.caseNumber} «Mere værdig hjemmepleje»`);
    });

    it('refusing for good: the e-mail is marked failed, the admins are told by name, and an admin sends it again', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programmeId);
      smtp.refuse = true;
      let failed: { id: string; status: string };
      try {
        await decide(application.id, { outcome: 'reject', rationale: SUBSTANTIVE_REJECTION });
        failed = await eventually(async () => {
          const rows = (await api.http.get('/api/v1/reminders').query({ kind: 'decision_made', status: 'failed', limit: 200 }).set(admin.bearer).expect(200))
            .body.items;
          return rows.find((row: { subjectId: string; recipientId: string }) => row.subjectId === application.id && row.recipientId === lead.user.id);
        }, 20_000);
        const notice = (await inbox(admin)).find((item) => item.kind === 'reminder_failed' && item.body.includes(failed.id));
        expect(notice?.title).toBe(`En e-mail til ${lead.user.name} kunne ikke leveres`);
        expect(notice?.body).toContain(`«Afslag på ansøgning ${application.caseNumber} «Mere værdig hjemmepleje»»`);
        expect(notice?.body).toContain(`${application.caseNumber} «Mere værdig hjemmepleje», Københavns Kommune`);
      } finally {
        smtp.refuse = false;
      }
      expect(await itemsAbout(lead, 'decision_made', application.id)).toHaveLength(1);
      await api.http.post(`/api/v1/reminders/${failed.id}/resend`).set(decider.bearer).expect(403);
      const resent = await api.http.post(`/api/v1/reminders/${failed.id}/resend`).set(admin.bearer).expect(200);
      expect(resent.body).toMatchObject({ status: 'scheduled', attempts: 0, lastError: null, recipientName: lead.user.name });
      await eachMailedOnce([lead], `Afslag på ansøgning ${application.caseNumber} «Mere værdig hjemmepleje»`);
      const again = await api.http.post(`/api/v1/reminders/${failed.id}/resend`).set(admin.bearer).expect(409);
      expect(again.body.type).toBe('urn:tilskud:problem:illegal-transition');
      // Still one inbox item: the e-mail was sent again, not the message filed again.
      expect(await itemsAbout(lead, 'decision_made', application.id)).toHaveLength(1);
    });
  });

  describe('one case, one trail', () => {
    it('answers every event of a case, from the application to its award’s reports and extension requests, and nothing of another', async () => {
      const award = await givenAward(api, people(), programmeId, { startDate: '2021-01-01', endDate: '2022-06-30' });
      const other = await givenSubmitted(api, lead, programmeId);
      await api.http.post(`/api/v1/applications/${award.applicationId}/assign`).set(decider.bearer).send({ assigneeId: assessor.user.id }).expect(200);
      const [report] = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).body;
      await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
      const request = await api.http
        .post(`/api/v1/awards/${award.id}/extension-requests`)
        .set(lead.bearer)
        .send({ months: 2, reason: 'covid19', justification: 'Nedlukning.' })
        .expect(201);

      const { body } = await api.http.get('/api/v1/audit-events').query({ caseId: award.applicationId, limit: 200 }).set(admin.bearer).expect(200);
      const events = body.items as Array<{ action: string; entityType: string; entityId: string }>;
      expect(events.map((event) => event.action).reverse()).toEqual([
        'application.created',
        'application.submitted',
        'assessment.started',
        'assessment.completed',
        'application.awarded',
        // The award's instalments, made with it, the first ready at once.
        'award.instalments_planned',
        'instalment.ready',
        'application.assigned',
        'report.submitted',
        'extension.requested',
      ]);
      const [first] = (await api.http.get(`/api/v1/awards/${award.id}/instalments`).set(admin.bearer).expect(200)).body;
      expect(new Set(events.map((event) => event.entityId))).toEqual(new Set([award.applicationId, award.id, first.id, report.id, request.body.id]));
      expect(events.some((event) => event.entityId === other.id)).toBe(false);
      await api.http.get('/api/v1/audit-events').query({ caseId: 'x' }).set(admin.bearer).expect(400);
    });
  });
});
