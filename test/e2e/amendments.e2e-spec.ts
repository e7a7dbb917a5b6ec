import { DataSource } from 'typeorm';
import { givenAssessed, givenAward, givenProgramme, payInstalments, reportBody, uploadToAward } from '../support/grant-case.js';
import { ownerDataSource } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type CaseCast, type SignedInUser, signedInAs, signedInCast } from '../support/users.js';

interface Instalment {
  id: string;
  sequence: number;
  amountOre: number;
  status: string;
}

/**
 * Amendments to an award (amount, period, contact), its cancellation (bortfald) and the reopening of a
 * closed one, against the real services. The default award is 11.014.260 kr. in 50/40/10 instalments:
 * 5.507.130 kr., 4.405.704 kr. and 1.101.426 kr. Its own kommuner (825, 820).
 */
describe('amendments, cancellation and reopening of an award', () => {
  let api: TestApp;
  // Signed in before the tests run (beforeAll).
  let { admin, lead, otherLead, assessor, decider, reviewer, people } = {} as CaseCast;

  beforeAll(async () => {
    api = await createTestApp();
    ({ admin, lead, otherLead, assessor, decider, reviewer, people } = await signedInCast(api, '825', '820'));
  });
  afterAll(() => api.close());

  const AWARD = 1_101_426_000;
  const RATIONALE = 'Projektet udvides efter aftale med ministeriet med to distrikter.';
  const amend = (awardId: string, body: object, who: SignedInUser = reviewer) =>
    api.http.post(`/api/v1/awards/${awardId}/amendments`).set(who.bearer).send(body);
  const cancel = (awardId: string, body: object, who: SignedInUser = reviewer) => api.http.post(`/api/v1/awards/${awardId}/cancel`).set(who.bearer).send(body);
  const versionsOf = async (awardId: string, who: SignedInUser = lead) =>
    (await api.http.get(`/api/v1/awards/${awardId}/amendments`).set(who.bearer).expect(200)).body as Array<{ version: number; kind: string }>;
  const instalmentsOf = async (awardId: string): Promise<Instalment[]> =>
    (await api.http.get(`/api/v1/awards/${awardId}/instalments`).set(lead.bearer).expect(200)).body;
  const awardOf = async (awardId: string) => (await api.http.get(`/api/v1/awards/${awardId}`).set(lead.bearer).expect(200)).body;
  const ledgerOf = async (programmeId: string) => (await api.http.get(`/api/v1/programmes/${programmeId}/ledger`).set(admin.bearer).expect(200)).body;
  const reconciles = (ledger: { budgetOre: number; adjustmentsOre: number; committedOre: number; releasedOre: number; remainingOre: number }) =>
    expect(ledger.budgetOre + ledger.adjustmentsOre - ledger.committedOre + ledger.releasedOre).toBe(ledger.remainingOre);
  const inboxOf = async (who: SignedInUser) =>
    (await api.http.get('/api/v1/notifications').set(who.bearer).expect(200)).body.items as Array<{ kind: string; title: string; body: string }>;
  const pay = (awardId: string, sequences: number[], approver: SignedInUser = reviewer) => payInstalments(api, { lead, approver, admin }, awardId, sequences);

  describe('the amount', () => {
    it('goes up and down as numbered versions, the unpaid instalments following to the øre, never below what is paid', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);

      const up = await amend(award.id, { kind: 'amount', amountOre: 1_201_426_000, rationale: RATIONALE }).expect(201);
      expect(up.body).toMatchObject({
        version: 1,
        kind: 'amount',
        before: { amountOre: '1101426000' },
        after: { amountOre: '1201426000' },
        rationale: RATIONALE,
        decidedBy: reviewer.user.id,
        award: { amountOre: 1_201_426_000, status: 'active' },
      });
      expect((await instalmentsOf(award.id)).map((instalment) => instalment.amountOre)).toEqual([600_713_000, 480_570_400, 120_142_600]);

      // The ready instalment's amount is now the amender's decision: four-eyes keeps them from approving it.
      const [first] = await instalmentsOf(award.id);
      const refused = await api.http.post(`/api/v1/instalments/${first.id}/approve`).set(reviewer.bearer).expect(403);
      expect(refused.body.type).toBe('urn:tilskud:problem:four-eyes');
      await pay(award.id, [1], decider);
      const floor = await amend(award.id, { kind: 'amount', amountOre: 500_000_000, rationale: RATIONALE }).expect(422);
      expect(floor.body).toMatchObject({ type: 'urn:tilskud:problem:rule-violated', floorOre: 600_713_000 });
      expect(floor.body.detail).toBe('Beløbet kan ikke nedsættes under 6.007.130 kr., som allerede er udbetalt eller godkendt til udbetaling.');

      await amend(award.id, { kind: 'amount', amountOre: 700_000_001, rationale: 'Aktiviteterne i fase 2 udgår, og beløbet nedsættes.' }).expect(201);
      const after = await instalmentsOf(award.id);
      expect(after.map((instalment) => [instalment.amountOre, instalment.status])).toEqual([
        [600_713_000, 'paid'],
        [79_429_601, 'planned'],
        [19_857_400, 'planned'],
      ]);
      expect(after.reduce((total, instalment) => total + instalment.amountOre, 0)).toBe(700_000_001);
      expect((await awardOf(award.id)).amountOre).toBe(700_000_001);

      const ledger = await ledgerOf(programme.id);
      expect(ledger).toMatchObject({ committedOre: 700_000_001, releasedOre: 0, remainingOre: 24_500_000_000 - 700_000_001 });
      reconciles(ledger);
      expect((await versionsOf(award.id)).map((version) => [version.version, version.kind])).toEqual([
        [1, 'amount'],
        [2, 'amount'],
      ]);

      // The kommune is told what changed, from what to what, and why.
      const told = (await inboxOf(lead)).filter((item) => item.kind === 'award_amended');
      expect(told).toHaveLength(2);
      expect(told.map((item) => item.body).join('\n')).toContain('Tilsagnets beløb er forhøjet fra 11.014.260 kr. til 12.014.260 kr.');
      expect(told.map((item) => item.body).join('\n')).toContain(RATIONALE);

      // On the case's trail.
      const trail = (await api.http.get('/api/v1/audit-events').query({ action: 'award.amended', entityId: up.body.id }).set(admin.bearer).expect(200)).body
        .items;
      expect(trail.map((event: { summary: string }) => event.summary)).toEqual(['Tilsagnets beløb ændret fra 11.014.260 kr. til 12.014.260 kr. (version 1)']);
    });

    it('refuses, changing nothing: a lead (403), another kommune (404 on reading), an unknown award, no rationale or a missing amount (422 in Danish)', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      await amend(award.id, { kind: 'amount', amountOre: 1_000_000_000, rationale: RATIONALE }, lead).expect(403);
      await api.http.get(`/api/v1/awards/${award.id}/amendments`).set(otherLead.bearer).expect(404);
      await amend('00000000-0000-4000-8000-000000000000', { kind: 'amount', amountOre: 1_000_000_000, rationale: RATIONALE }).expect(404);
      const unreasoned = await amend(award.id, { kind: 'amount', amountOre: 1_000_000_000, rationale: '  ' }).expect(422);
      expect(unreasoned.body).toMatchObject({
        type: 'urn:tilskud:problem:main-considerations-required',
        detail: 'Afgørelsen skal begrundes: skriv, hvorfor tilsagnet ændres, bortfalder eller genåbnes.',
      });
      const missing = await amend(award.id, { kind: 'amount', rationale: RATIONALE }).expect(422);
      expect(missing.body).toMatchObject({ type: 'urn:tilskud:problem:rule-violated', detail: 'En ændring af beløbet skal angive det nye beløb.' });
      await amend(award.id, { kind: 'amount', amountOre: 1_000_000_000, endDate: '2023-01-01', rationale: RATIONALE }).expect(422);
      await amend(award.id, { kind: 'amount', amountOre: AWARD, rationale: RATIONALE }).expect(422);
      await amend(award.id, { kind: 'salary', rationale: RATIONALE }).expect(400);
      expect(await versionsOf(award.id)).toEqual([]);
      expect((await awardOf(award.id)).amountOre).toBe(AWARD);
    });

    it('goes up only within what the programme has left (409 naming it), under the decisions’ lock', async () => {
      const programme = await givenProgramme(api, admin, { budgetOre: AWARD + 50_000_000 });
      const award = await givenAward(api, people, programme.id);
      const refused = await amend(award.id, { kind: 'amount', amountOre: AWARD + 60_000_000, rationale: RATIONALE }).expect(409);
      expect(refused.body).toMatchObject({ type: 'urn:tilskud:problem:budget-exceeded', remainingOre: 50_000_000 });
      expect(refused.body.detail).toMatch(/puljen har 500\.000 kr\. tilbage/);
      await amend(award.id, { kind: 'amount', amountOre: AWARD + 50_000_000, rationale: RATIONALE }).expect(201);
      expect(await ledgerOf(programme.id)).toMatchObject({ remainingOre: 0 });
    });

    it('never over-commits when amendments and a decision race for the last of the budget', async () => {
      const programme = await givenProgramme(api, admin, { budgetOre: 3 * AWARD + 150_000_000 });
      const first = await givenAward(api, people, programme.id);
      const second = await givenAward(api, people, programme.id);
      const pending = await givenAssessed(api, people, programme.id);
      const outcomes = await Promise.all([
        amend(first.id, { kind: 'amount', amountOre: AWARD + 100_000_000, rationale: RATIONALE }),
        amend(second.id, { kind: 'amount', amountOre: AWARD + 100_000_000, rationale: RATIONALE }, assessor),
        api.http
          .post(`/api/v1/applications/${pending.id}/decision`)
          .set(decider.bearer)
          .send({ outcome: 'award', amountOre: AWARD, rationale: 'Projektet bevilges fuldt ud.', startDate: '2021-01-01', endDate: '2022-06-30' }),
      ]);
      const statuses = outcomes.map((response) => response.status);
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      expect(statuses.filter((status) => status === 409).length).toBeGreaterThanOrEqual(1);
      const ledger = await ledgerOf(programme.id);
      expect(ledger.remainingOre).toBeGreaterThanOrEqual(0);
      reconciles(ledger);
    });
  });

  describe('the period', () => {
    it('moves the end date and the report schedule, not counted against the COVID-19 maximum', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      const reportsOf = async () =>
        (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).body as Array<{ kind: string; dueDate: string }>;
      const finalBefore = (await reportsOf()).find((report) => report.kind === 'final')!;
      await amend(award.id, { kind: 'period', endDate: '2020-12-31', rationale: RATIONALE }).expect(422);
      await amend(award.id, { kind: 'period', endDate: award.endDate, rationale: RATIONALE }).expect(422);
      // Not before the decided end date: a clear refusal at the field, not the database's constraint.
      const shortened = await amend(award.id, { kind: 'period', endDate: '2022-03-31', rationale: RATIONALE }).expect(422);
      expect(shortened.body.errors).toEqual([{ field: 'endDate', message: 'må ikke ligge før den oprindelige slutdato 30. juni 2022' }]);
      const moved = await amend(award.id, { kind: 'period', endDate: '2022-12-31', rationale: RATIONALE }).expect(201);
      expect(moved.body).toMatchObject({ kind: 'period', before: { endDate: '2022-06-30' }, after: { endDate: '2022-12-31', approvedExtensionMonths: 0 } });
      expect(moved.body.award).toMatchObject({ endDate: '2022-12-31', originalEndDate: '2022-06-30', approvedExtensionMonths: 0, extensionMonthsLeft: 6 });
      const finalAfter = (await reportsOf()).find((report) => report.kind === 'final')!;
      expect(finalAfter.dueDate > finalBefore.dueDate).toBe(true);
      expect(finalAfter.dueDate).toBe('2023-03-31');
      const told = (await inboxOf(lead)).find((item) => item.kind === 'award_amended' && item.body.includes('slutdato'));
      expect(told?.body).toContain('fra 30. juni 2022 til 31. december 2022');
    });
  });

  describe('the contact person', () => {
    it('must be an active project lead of the award’s kommune (422), and then gets the case’s messages', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      const colleague = await signedInAs(api, 'project_lead', '825');
      const refused = await amend(award.id, { kind: 'contact', contactUserId: otherLead.user.id, rationale: RATIONALE }).expect(422);
      expect(refused.body.type).toBe('urn:tilskud:problem:contact-not-eligible');
      await amend(award.id, { kind: 'contact', contactUserId: reviewer.user.id, rationale: RATIONALE }).expect(422);
      const named = await amend(award.id, { kind: 'contact', contactUserId: colleague.user.id, rationale: RATIONALE }).expect(201);
      expect(named.body).toMatchObject({ kind: 'contact', before: { contactUserId: lead.user.id }, after: { contactUserId: colleague.user.id } });
      // Both are told of the change; afterwards only the new contact hears from the case.
      expect((await inboxOf(colleague)).some((item) => item.kind === 'award_amended')).toBe(true);
      await amend(award.id, { kind: 'period', endDate: '2022-09-30', rationale: RATIONALE }).expect(201);
      const colleagueTold = (await inboxOf(colleague)).filter((item) => item.kind === 'award_amended');
      expect(colleagueTold).toHaveLength(2);
      const leadTold = (await inboxOf(lead)).filter((item) => item.kind === 'award_amended' && item.title.includes(award.caseNumber));
      expect(leadTold).toHaveLength(1);
      await amend(award.id, { kind: 'contact', contactUserId: colleague.user.id, rationale: RATIONALE }).expect(422);
    });
  });

  describe('cancellation (bortfald)', () => {
    it('cancels the unpaid instalments, claims back what was paid and releases the rest; the books stay exact to the øre', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      await pay(award.id, [1]);
      const database = api.app.get(DataSource);
      const [report]: Array<{ id: string }> = await database.query(`SELECT id FROM progress_report WHERE award_id = $1 AND kind = 'final'`, [award.id]);
      const [reminder]: Array<{ id: string }> = await database.query(
        `INSERT INTO reminder (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
         VALUES ('report_due_today', $1, 'report', $2, $3, '2030-01-01', '2030-01-01T07:00:00Z', 'scheduled') RETURNING id`,
        [lead.user.id, report.id, award.id],
      );

      await cancel(award.id, { rationale: '' }).expect(422);
      await cancel(award.id, { rationale: RATIONALE }, lead).expect(403);
      const cancelled = await cancel(award.id, { rationale: 'Kommunen har opgivet projektet, og betingelserne for tilsagnet er ikke opfyldt.' }).expect(200);
      expect(cancelled.body).toMatchObject({
        award: { status: 'cancelled', amountOre: AWARD },
        amendment: { version: 1, kind: 'cancellation' },
        paidOre: 550_713_000,
        releasedOre: 550_713_000,
        repayment: { amountOre: 550_713_000, status: 'open', cause: 'cancellation', finalAccountId: null },
      });
      expect(cancelled.body.cancelledInstalmentIds).toHaveLength(2);
      expect((await instalmentsOf(award.id)).map((instalment) => instalment.status)).toEqual(['paid', 'cancelled', 'cancelled']);

      let ledger = await ledgerOf(programme.id);
      expect(ledger).toMatchObject({
        committedOre: AWARD,
        releasedOre: 550_713_000,
        remainingOre: 24_500_000_000 - 550_713_000,
        repaymentsOpenOre: 550_713_000,
      });
      reconciles(ledger);
      // Its reminders are cancelled and its reports no longer due.
      expect((await database.query('SELECT status FROM reminder WHERE id = $1', [reminder.id]))[0].status).toBe('cancelled');
      expect(await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).toMatchObject({ body: [] });
      // The claim's own reminder, planned after the award's were cancelled, waits for its due date.
      const claimReminders = (await api.http.get(`/api/v1/reminders?awardId=${award.id}&kind=repayment_overdue`).set(admin.bearer).expect(200)).body.items.map(
        (item: { status: string }) => item.status,
      );
      expect(claimReminders.length).toBeGreaterThan(0);
      expect(new Set(claimReminders)).toEqual(new Set(['scheduled']));
      const told = (await inboxOf(lead)).find((item) => item.kind === 'award_cancelled' && item.title.includes(award.caseNumber));
      expect(told?.body).toContain('Der er udbetalt 5.507.130 kr., som skal tilbagebetales senest');

      // Repaid: the paid part is released too, and the programme has the whole award back.
      await api.http
        .post(`/api/v1/repayments/${cancelled.body.repayment.id}/settle`)
        .set(reviewer.bearer)
        .send({ settledOn: '2021-03-01', reference: 'NAV-TB-1' })
        .expect(200);
      ledger = await ledgerOf(programme.id);
      expect(ledger).toMatchObject({ committedOre: AWARD, releasedOre: AWARD, remainingOre: 24_500_000_000, repaymentsOpenOre: 0 });
      reconciles(ledger);

      // Nothing more happens to a cancelled award.
      expect((await cancel(award.id, { rationale: RATIONALE }).expect(409)).body.type).toBe('urn:tilskud:problem:award-not-active');
      await amend(award.id, { kind: 'amount', amountOre: 900_000_000, rationale: RATIONALE }).expect(409);
    });

    it('waits for an instalment approved and not recorded as paid (409 naming it), changing nothing', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      const [first] = await instalmentsOf(award.id);
      await api.http.post(`/api/v1/instalments/${first.id}/approve`).set(reviewer.bearer).expect(200);
      const refused = await cancel(award.id, { rationale: RATIONALE }).expect(409);
      expect(refused.body).toMatchObject({ instalmentsAwaitingPayment: [1] });
      expect(refused.body.detail).toMatch(/^Rate 1 er godkendt til udbetaling, men ikke registreret som betalt/);
      expect((await awardOf(award.id)).status).toBe('active');
      expect(await ledgerOf(programme.id)).toMatchObject({ committedOre: AWARD, releasedOre: 0 });
    });

    it('releases the whole award when nothing was paid, with no claim', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      const cancelled = await cancel(award.id, { rationale: RATIONALE }).expect(200);
      expect(cancelled.body).toMatchObject({ paidOre: 0, releasedOre: AWARD, repayment: null });
      // Nothing is left to follow up, and it stays cancelled: the close-out lists no reports or accounts.
      expect((await api.http.get(`/api/v1/awards/${award.id}/closeout`).set(lead.bearer).expect(200)).body).toMatchObject({ closable: false, open: [] });
      const ledger = await ledgerOf(programme.id);
      expect(ledger).toMatchObject({ committedOre: AWARD, releasedOre: AWARD, remainingOre: 24_500_000_000 });
      reconciles(ledger);
    });
  });

  describe('from the review of the money', () => {
    it('cancels the unpaid instalments an amount cut to what is paid leaves at 0 kr., instead of keeping them to approve', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      await pay(award.id, [1]);
      await amend(award.id, { kind: 'amount', amountOre: 550_713_000, rationale: 'Projektet afsluttes efter første fase.' }).expect(201);
      const after = await instalmentsOf(award.id);
      expect(after.map((instalment) => [instalment.amountOre, instalment.status])).toEqual([
        [550_713_000, 'paid'],
        [0, 'cancelled'],
        [0, 'cancelled'],
      ]);
      reconciles(await ledgerOf(programme.id));
    });

    it('answers final accounts on an award without instalments (from before they were registered) with a 409, not a 500', async () => {
      const programme = await givenProgramme(api, admin, { auditorStatementThresholdOre: 2_000_000_000 });
      const award = await givenAward(api, people, programme.id);
      // As an award made before the instalments came: the app itself may not delete them (its role cannot).
      const owner = await ownerDataSource();
      try {
        await owner.query('DELETE FROM instalment WHERE award_id = $1', [award.id]);
      } finally {
        await owner.destroy();
      }
      const filed = await api.http
        .post(`/api/v1/awards/${award.id}/final-accounts`)
        .set(lead.bearer)
        .send({ spentOre: AWARD, budgetLines: [{ label: 'Løn', budgetOre: AWARD, spentOre: AWARD }] })
        .expect(201);
      const refused = await api.http
        .post(`/api/v1/final-accounts/${filed.body.id}/review`)
        .set(reviewer.bearer)
        .send({ outcome: 'approve', comment: 'I orden.' })
        .expect(409);
      expect(refused.body.detail).toContain('ingen rater i Tilskud');
    });

    it('does not reopen an award a historical import closed (its follow-up was never registered here)', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      await api.app
        .get(DataSource)
        .query(`UPDATE award SET status = 'closed', closed_at = now(), closed_reason = 'Afsluttet før Tilskud' WHERE id = $1`, [award.id]);
      const refused = await api.http.post(`/api/v1/awards/${award.id}/reopen`).set(reviewer.bearer).send({ rationale: RATIONALE }).expect(409);
      expect(refused.body.detail).toContain('historiske sager');
      expect((await awardOf(award.id)).status).toBe('closed');
    });
  });

  describe('reopening', () => {
    it('is the only way a closed award changes: closed → refused → reopened → accepted', async () => {
      const programme = await givenProgramme(api, admin, { auditorStatementThresholdOre: 2_000_000_000 });
      const award = await givenAward(api, people, programme.id);
      const reports = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).body as Array<{ id: string }>;
      for (const report of reports) {
        await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
        await api.http.post(`/api/v1/reports/${report.id}/review`).set(decider.bearer).send({ outcome: 'approve', comment: 'Godkendt.' }).expect(200);
      }
      await pay(award.id, [1, 2]);
      const filed = await api.http
        .post(`/api/v1/awards/${award.id}/final-accounts`)
        .set(lead.bearer)
        .send({ spentOre: AWARD, budgetLines: [{ label: 'Løn', budgetOre: AWARD, spentOre: AWARD }] })
        .expect(201);
      await api.http.post(`/api/v1/final-accounts/${filed.body.id}/review`).set(reviewer.bearer).send({ outcome: 'approve', comment: 'I orden.' }).expect(200);
      await pay(award.id, [3], assessor);
      await api.http.post(`/api/v1/awards/${award.id}/close`).set(reviewer.bearer).expect(200);

      const upload = () => uploadToAward(api, lead, award.id, 'other', 'bilag.pdf');
      expect((await upload().expect(409)).body.type).toBe('urn:tilskud:problem:award-closed');
      expect((await amend(award.id, { kind: 'period', endDate: '2023-01-31', rationale: RATIONALE }).expect(409)).body.type).toBe(
        'urn:tilskud:problem:award-closed',
      );

      const reopen = (body: object, who: SignedInUser = reviewer) => api.http.post(`/api/v1/awards/${award.id}/reopen`).set(who.bearer).send(body);
      await reopen({ rationale: RATIONALE }, lead).expect(403);
      await reopen({ rationale: ' ' }).expect(422);
      expect((await awardOf(award.id)).status).toBe('closed');
      const reopened = await reopen({ rationale: 'Et bilag til slutregnskabet mangler og skal journaliseres på sagen.' }).expect(200);
      expect(reopened.body).toMatchObject({ award: { status: 'completed', closedAt: null }, amendment: { version: 1, kind: 'reopening' } });
      await upload().expect(201);
      expect((await versionsOf(award.id)).map((version) => version.kind)).toEqual(['reopening']);
      expect((await reopen({ rationale: RATIONALE }).expect(409)).body.type).toBe('urn:tilskud:problem:illegal-transition');
      // And it closes again.
      await api.http.post(`/api/v1/awards/${award.id}/close`).set(reviewer.bearer).expect(200);
    });
  });
});
