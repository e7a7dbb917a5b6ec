import { getDataSourceToken } from '@nestjs/typeorm';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { JOURNAL_NUMBER_SQL, journalNumber } from '../../libs/journal/journal.js';
import { downloadBytes } from '../support/download.js';
import { givenAward, givenDraft, givenProgramme, givenSubmitted, reportBody } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/** A small PDF: what file-type needs to know it is one is its header. */
function pdf(text = 'Budget'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${text} ${randomUUID()}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

/** The start of a Windows executable (MZ … PE), as a renamed .exe would begin. */
function executable(): Buffer {
  const bytes = Buffer.alloc(1024);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('documents', () => {
  let api: TestApp;
  let db: DataSource;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let otherLead: SignedInUser;
  let caseworker: SignedInUser;
  let programmeId: string;

  beforeAll(async () => {
    api = await createTestApp();
    db = api.app.get<DataSource>(getDataSourceToken());
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '751');
    otherLead = await signedInAs(api, 'project_lead', '461');
    caseworker = await signedInAs(api, 'caseworker');
    programmeId = (await givenProgramme(api, admin)).id;
  });
  afterAll(() => api.close());

  const upload = (
    who: SignedInUser,
    subject: { subjectType: string; subjectId: string },
    file: Buffer,
    filename = 'budget.pdf',
    kind = 'budget',
    contentType = 'application/pdf',
  ) =>
    api.http
      .post('/api/v1/documents')
      .set(who.bearer)
      .field('subjectType', subject.subjectType)
      .field('subjectId', subject.subjectId)
      .field('kind', kind)
      .attach('file', file, { filename, contentType });

  const counts = async () => {
    const [row] = await db.query('SELECT (SELECT count(*) FROM document)::int AS documents, (SELECT count(*) FROM document_chunk)::int AS chunks');
    return row as { documents: number; chunks: number };
  };

  it('stores an upload streamed and hashed: its sha256 and size match, and the content comes back byte for byte', async () => {
    const application = await givenSubmitted(api, lead, programmeId);
    // Larger than one chunk, so the content is stored in several and read back in order.
    const file = Buffer.concat([pdf(), Buffer.alloc(600 * 1024, 7)]);
    const response = await upload(lead, { subjectType: 'application', subjectId: application.id }, file, 'C:\\mapper\\Budget Ærø:1.pdf').expect(201);
    expect(response.body).toMatchObject({
      applicationId: application.id,
      filename: 'Budget Ærø1.pdf',
      contentType: 'application/pdf',
      sizeBytes: file.length,
      sha256: sha256(file),
      kind: 'budget',
      subjectType: 'application',
      subjectId: application.id,
      uploadedBy: lead.user.id,
      uploadedByName: lead.user.name,
      journalNo: `${application.caseNumber}-002`,
    });

    const content = await downloadBytes(api.http.get(`/api/v1/documents/${response.body.id}/content`).set(caseworker.bearer)).expect(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-length']).toBe(String(file.length));
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-disposition']).toBe(`attachment; filename="Budget AEroe1.pdf"; filename*=UTF-8''Budget%20%C3%86r%C3%B81.pdf`);
    expect(sha256(content.body as Buffer)).toBe(sha256(file));

    const metadata = await api.http.get(`/api/v1/documents/${response.body.id}`).set(lead.bearer).expect(200);
    expect(metadata.body).toEqual(response.body);
  });

  it('decides the type by the content: a renamed executable and a text file called .pdf are refused with 415, and nothing is stored', async () => {
    const draft = await givenDraft(api, lead, programmeId);
    const before = await counts();
    const exe = await upload(lead, { subjectType: 'application', subjectId: draft.id }, executable(), 'budget.pdf').expect(415);
    expect(exe.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(exe.body).toMatchObject({ type: 'urn:tilskud:problem:unsupported-file-type', title: 'Filtypen modtages ikke' });
    const text = await upload(
      lead,
      { subjectType: 'application', subjectId: draft.id },
      Buffer.from('Dette er ikke en PDF.\n'.repeat(100)),
      'budget.pdf',
    ).expect(415);
    expect(text.body.type).toBe('urn:tilskud:problem:unsupported-file-type');
    expect(text.body.detail).toMatch(/afgøres af indholdet/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file of 26 MB with 413 and stores nothing', async () => {
    const draft = await givenDraft(api, lead, programmeId);
    const before = await counts();
    const big = Buffer.concat([pdf(), Buffer.alloc(26 * 1024 * 1024)]);
    const response = await upload(lead, { subjectType: 'application', subjectId: draft.id }, big).expect(413);
    expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:file-too-large', title: 'Filen er for stor' });
    expect(await counts()).toEqual(before);
  });

  it('refuses multipart on a route that takes JSON, and JSON on the upload, with 415', async () => {
    const draft = await givenDraft(api, lead, programmeId);
    const json = await api.http
      .patch(`/api/v1/applications/${draft.id}`)
      .set(lead.bearer)
      .field('title', 'Ny titel')
      .field('version', String(draft.version))
      .expect(415);
    expect(json.body.type).toBe('urn:tilskud:problem:unsupported-media-type');
    const upload = await api.http
      .post('/api/v1/documents')
      .set(lead.bearer)
      .send({ subjectType: 'application', subjectId: draft.id, kind: 'budget' })
      .expect(415);
    expect(upload.body).toMatchObject({ type: 'urn:tilskud:problem:unsupported-media-type', detail: expect.stringMatching(/multipart\/form-data/) });
  });

  it('checks the fields like a body: an unknown kind is 400 naming the field', async () => {
    const draft = await givenDraft(api, lead, programmeId);
    const response = await upload(lead, { subjectType: 'application', subjectId: draft.id }, pdf(), 'a.pdf', 'selfie').expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('hides another kommune’s document, its content and its case’s list (404), and refuses it uploads to that case (404)', async () => {
    const application = await givenSubmitted(api, lead, programmeId);
    const document = (await upload(lead, { subjectType: 'application', subjectId: application.id }, pdf()).expect(201)).body;
    await api.http.get(`/api/v1/documents/${document.id}`).set(otherLead.bearer).expect(404);
    await api.http.get(`/api/v1/documents/${document.id}/content`).set(otherLead.bearer).expect(404);
    await api.http.get(`/api/v1/applications/${application.id}/documents`).set(otherLead.bearer).expect(404);
    await api.http.delete(`/api/v1/documents/${document.id}`).set(otherLead.bearer).expect(404);
    const before = await counts();
    await upload(otherLead, { subjectType: 'application', subjectId: application.id }, pdf()).expect(404);
    expect(await counts()).toEqual(before);
    // An admin reads everything but does not upload.
    await api.http.get(`/api/v1/documents/${document.id}`).set(admin.bearer).expect(200);
    await upload(admin, { subjectType: 'application', subjectId: application.id }, pdf()).expect(403);
  });

  it('lets a draft’s document be deleted but not a submitted application’s (409, in Danish)', async () => {
    const draft = await givenDraft(api, lead, programmeId);
    const document = (await upload(lead, { subjectType: 'application', subjectId: draft.id }, pdf()).expect(201)).body;
    expect(document.journalNo).toBeNull();
    await api.http.delete(`/api/v1/documents/${document.id}`).set(lead.bearer).expect(204);
    await api.http.get(`/api/v1/documents/${document.id}`).set(lead.bearer).expect(404);

    const kept = (await upload(lead, { subjectType: 'application', subjectId: draft.id }, pdf()).expect(201)).body;
    await api.http.post(`/api/v1/applications/${draft.id}/submit`).set(lead.bearer).expect(200);
    const refused = await api.http.delete(`/api/v1/documents/${kept.id}`).set(lead.bearer).expect(409);
    expect(refused.body).toMatchObject({ type: 'urn:tilskud:problem:document-locked', detail: expect.stringMatching(/ansøgningen er indsendt/) });
    await api.http.get(`/api/v1/documents/${kept.id}`).set(lead.bearer).expect(200);
  });

  it('numbers a case’s acts in order: the draft’s documents at submission in upload order, then the receipt, then later documents; a deleted number is never reused', async () => {
    const draft = await givenDraft(api, lead, programmeId);
    const first = (await upload(lead, { subjectType: 'application', subjectId: draft.id }, pdf('første'), 'første.pdf').expect(201)).body;
    const dropped = (await upload(lead, { subjectType: 'application', subjectId: draft.id }, pdf('slettet'), 'slettet.pdf').expect(201)).body;
    const second = (await upload(lead, { subjectType: 'application', subjectId: draft.id }, pdf('anden'), 'anden.pdf').expect(201)).body;
    await api.http.delete(`/api/v1/documents/${dropped.id}`).set(lead.bearer).expect(204);
    const submitted = (await api.http.post(`/api/v1/applications/${draft.id}/submit`).set(lead.bearer).expect(200)).body as { caseNumber: string };

    const listed = (await api.http.get(`/api/v1/applications/${draft.id}/documents`).set(lead.bearer).expect(200)).body;
    expect(listed.nextCursor).toBeNull();
    expect(listed.items.map((item: { id: string; journalNo: string }) => [item.id, item.journalNo])).toEqual([
      [first.id, `${submitted.caseNumber}-001`],
      [second.id, `${submitted.caseNumber}-002`],
    ]);

    // The receipt took 003; the next document 004, by a caseworker.
    const later = (await upload(caseworker, { subjectType: 'application', subjectId: draft.id }, pdf('senere'), 'notat.pdf', 'other').expect(201)).body;
    expect(later.journalNo).toBe(`${submitted.caseNumber}-004`);
    const [receipt] = await db.query("SELECT journal_no FROM case_act WHERE application_id = $1 AND kind = 'receipt'", [draft.id]);
    expect(receipt.journal_no).toBe(`${submitted.caseNumber}-003`);
  });

  it('numbers an act in SQL (the receipt, the decision) exactly as journalNumber does', async () => {
    const serials = [1, 9, 12, 99, 100, 999, 1000, 1234, 99999];
    const rows: Array<{ journal_no: string }> = await api.app
      .get<DataSource>(getDataSourceToken())
      .query(`SELECT ${JOURNAL_NUMBER_SQL} AS journal_no FROM unnest($1::int[]) WITH ORDINALITY AS s (last_serial, n) ORDER BY n`, [serials, 'ÆLD-2020-0007']);
    expect(rows.map((row) => row.journal_no)).toEqual(serials.map((serial) => journalNumber('ÆLD-2020-0007', serial)));
  });

  it('numbers a report’s documents at once and lets them go until the report is submitted, never reusing a number', async () => {
    const people = { lead, assessor: await signedInAs(api, 'caseworker'), decider: await signedInAs(api, 'caseworker') };
    const award = await givenAward(api, people, programmeId);
    const [report] = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).body as Array<{ id: string }>;
    const subject = { subjectType: 'report', subjectId: report.id };
    // 001 the receipt, 002 the decision.
    const annex = (await upload(lead, subject, pdf('bilag'), 'bilag.pdf', 'report_annex').expect(201)).body;
    expect(annex.journalNo).toBe(`${award.caseNumber}-003`);
    await api.http.delete(`/api/v1/documents/${annex.id}`).set(lead.bearer).expect(204);
    const again = (await upload(lead, subject, pdf('bilag igen'), 'bilag.pdf', 'report_annex').expect(201)).body;
    expect(again.journalNo).toBe(`${award.caseNumber}-004`);
    await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
    const refused = await api.http.delete(`/api/v1/documents/${again.id}`).set(lead.bearer).expect(409);
    expect(refused.body.detail).toMatch(/rapporten er indsendt/);

    const awardDocument = (await upload(caseworker, { subjectType: 'award', subjectId: award.id }, pdf('brev'), 'brev.pdf', 'letter').expect(201)).body;
    expect(awardDocument.journalNo).toBe(`${award.caseNumber}-005`);
    const listed = (await api.http.get(`/api/v1/applications/${award.applicationId}/documents`).set(lead.bearer).expect(200)).body;
    expect(listed.items.map((item: { journalNo: string }) => item.journalNo)).toEqual([`${award.caseNumber}-004`, `${award.caseNumber}-005`]);
    const acts = await db.query('SELECT journal_no, kind FROM case_act WHERE application_id = $1 ORDER BY serial', [award.applicationId]);
    expect(acts).toEqual([
      { journal_no: `${award.caseNumber}-001`, kind: 'receipt' },
      { journal_no: `${award.caseNumber}-002`, kind: 'decision' },
    ]);
  });

  describe('the case file', () => {
    /** The zip on disk, read with `unzip` as whoever receives it would. */
    const saveZip = (bytes: Buffer) => {
      const path = join(mkdtempSync(join(tmpdir(), 'sagsakter-')), 'sagsakter.zip');
      writeFileSync(path, bytes);
      return {
        names: () => execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n').filter(Boolean),
        text: (name: string) => execFileSync('unzip', ['-p', path, name], { encoding: 'utf8' }),
        bytes: (name: string) => execFileSync('unzip', ['-p', path, name]),
      };
    };
    const csvRows = (text: string) =>
      text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean)
        .map((line) => line.split(';'));

    it('holds every document, the letters, the report submissions and an akt-liste naming every act in journal order', async () => {
      const people = { lead, assessor: await signedInAs(api, 'caseworker'), decider: await signedInAs(api, 'caseworker') };
      const award = await givenAward(api, people, programmeId);
      await upload(lead, { subjectType: 'application', subjectId: award.applicationId }, pdf('signed'), 'underskrevet.pdf', 'signed_application').expect(201);
      const [report] = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).body as Array<{ id: string }>;
      await upload(lead, { subjectType: 'report', subjectId: report.id }, pdf('bilag'), 'bilag.pdf', 'report_annex').expect(201);
      await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);

      const response = await downloadBytes(api.http.get(`/api/v1/applications/${award.applicationId}/case-file.zip`).set(lead.bearer)).expect(200);
      expect(response.headers['content-type']).toBe('application/zip');
      expect(response.headers['content-disposition']).toMatch(/^attachment; /);
      const zip = saveZip(response.body as Buffer);
      const names = zip.names();
      expect(names).toEqual(
        expect.arrayContaining([
          `dokumenter/${award.caseNumber}-003-underskrevet.pdf`,
          `dokumenter/${award.caseNumber}-004-bilag.pdf`,
          `kvittering-${award.caseNumber}.pdf`,
          `tilsagnsbrev-${award.caseNumber}.pdf`,
          'rapporter/statusrapport-1-indsendelse-1.pdf',
          'akt-liste.csv',
          'akt-liste.pdf',
        ]),
      );
      expect(zip.text(`kvittering-${award.caseNumber}.pdf`).startsWith('%PDF')).toBe(true);
      const [header, ...rows] = csvRows(zip.text('akt-liste.csv'));
      expect(header).toEqual(['Journalnr.', 'Dato', 'Titel', 'Art', 'Afsender']);
      expect(rows.map((row) => [row[0], row[3]])).toEqual([
        [`${award.caseNumber}-001`, 'Kvittering'],
        [`${award.caseNumber}-002`, 'Afgørelse'],
        [`${award.caseNumber}-003`, 'Underskrevet ansøgning'],
        [`${award.caseNumber}-004`, 'Bilag til rapport'],
      ]);
      expect(rows[2][4]).toContain(lead.user.name);
      const listed = (await api.http.get(`/api/v1/applications/${award.applicationId}/documents`).set(lead.bearer).expect(200)).body;
      expect(listed.items.map((item: { journalNo: string }) => item.journalNo)).toEqual(rows.slice(2).map((row) => row[0]));
      // The content in the zip is the content uploaded.
      expect(sha256(zip.bytes(`dokumenter/${award.caseNumber}-004-bilag.pdf`))).toBe(listed.items[1].sha256);

      // Another kommune's case is not found.
      await api.http.get(`/api/v1/applications/${award.applicationId}/case-file.zip`).set(otherLead.bearer).expect(404);

      // For a caseworker with personal data left out, the project lead appears only as their kommune.
      const redacted = await downloadBytes(
        api.http.get(`/api/v1/applications/${award.applicationId}/case-file.zip`).query({ redactPersonalData: 'true' }).set(caseworker.bearer),
      ).expect(200);
      const redactedZip = saveZip(redacted.body as Buffer);
      const redactedCsv = redactedZip.text('akt-liste.csv');
      expect(redactedCsv).not.toContain(lead.user.name);
      expect(csvRows(redactedCsv)[3][4]).toBe('Aarhus Kommune');
      // Without, the caseworker sees the name.
      const plain = saveZip(
        (await downloadBytes(api.http.get(`/api/v1/applications/${award.applicationId}/case-file.zip`).set(caseworker.bearer)).expect(200)).body as Buffer,
      );
      expect(plain.text('akt-liste.csv')).toContain(lead.user.name);
    });

    it('refuses a bad redactPersonalData with 400', async () => {
      const application = await givenSubmitted(api, lead, programmeId);
      await api.http.get(`/api/v1/applications/${application.id}/case-file.zip`).query({ redactPersonalData: 'ja' }).set(lead.bearer).expect(400);
    });
  });
});
