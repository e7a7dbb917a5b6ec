import { givenAward, givenProgramme, payInstalments, reportBody, uploadToAward } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type CaseCast, type SignedInUser, signedInCast } from '../support/users.js';

interface Instalment {
  id: string;
  sequence: number;
  amountOre: number;
  status: string;
}

/**
 * Final accounts (slutregnskab), repayment claims (tilbagebetaling), releases to the budget and the
 * close-out, against the real services. The default award is 11.014.260 kr. in 50/40/10 instalments:
 * 5.507.130 kr., 4.405.704 kr. and 1.101.426 kr.
 */
describe('final accounts, repayment and close-out', () => {
  let api: TestApp;
  // Signed in before the tests run (beforeAll).
  let { admin, lead, otherLead, assessor, decider, reviewer, people } = {} as CaseCast;

  beforeAll(async () => {
    api = await createTestApp();
    ({ admin, lead, otherLead, assessor, decider, reviewer, people } = await signedInCast(api, '461', '479'));
  });
  afterAll(() => api.close());

  const AWARD = 1_101_426_000;
  const instalmentsOf = async (awardId: string): Promise<Instalment[]> =>
    (await api.http.get(`/api/v1/awards/${awardId}/instalments`).set(lead.bearer).expect(200)).body;
  const ledgerOf = async (programmeId: string) => (await api.http.get(`/api/v1/programmes/${programmeId}/ledger`).set(admin.bearer).expect(200)).body;
  const accountsBody = (spentOre: number, extra: Record<string, unknown> = {}) => ({
    spentOre,
    budgetLines: [
      { label: 'Løn', budgetOre: 800_000_000, spentOre: spentOre - 100_000_000 },
      { label: 'Kurser', budgetOre: 301_426_000, spentOre: 100_000_000 },
    ],
    ...extra,
  });
  const file = (awardId: string, body: object, who: SignedInUser = lead) =>
    api.http.post(`/api/v1/awards/${awardId}/final-accounts`).set(who.bearer).send(body);
  const review = (id: string, body: object, who: SignedInUser = reviewer) => api.http.post(`/api/v1/final-accounts/${id}/review`).set(who.bearer).send(body);
  const auditorStatement = async (awardId: string) =>
    (await uploadToAward(api, lead, awardId, 'auditor_statement', 'revisorerklaering.pdf').expect(201)).body.id as string;
  /** Approves (reviewer) and records as paid (admin) the award's instalments with these sequence numbers, as they are ready. */
  const pay = (awardId: string, sequences: number[]) => payInstalments(api, { lead, approver: reviewer, admin }, awardId, sequences);
  /** Submits and approves every report of the award: it is then completed, and its second instalment ready. */
  async function approveReports(awardId: string) {
    const reports = (await api.http.get(`/api/v1/awards/${awardId}/reports`).set(lead.bearer).expect(200)).body as Array<{ id: string }>;
    for (const report of reports) {
      await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
      await api.http.post(`/api/v1/reports/${report.id}/review`).set(decider.bearer).send({ outcome: 'approve', comment: 'Godkendt.' }).expect(200);
    }
  }
  /** Files final accounts (with an auditor's statement) and has them approved; answers the review. */
  async function approvedAccounts(awardId: string, spentOre: number) {
    const filed = await file(awardId, accountsBody(spentOre, { auditorStatementDocumentId: await auditorStatement(awardId) })).expect(201);
    return (await review(filed.body.id, { outcome: 'approve', comment: 'Regnskabet er i orden.' }).expect(200)).body;
  }

  describe('the programme’s thresholds', () => {
    it('default to 500.000 kr. for the auditor’s statement and 1.000 kr. for the waiver, and can be set and changed', async () => {
      const programme = await givenProgramme(api, admin);
      const read = (await api.http.get(`/api/v1/programmes/${programme.id}`).set(admin.bearer).expect(200)).body;
      expect(read).toMatchObject({ auditorStatementThresholdOre: 50_000_000, repaymentWaiverOre: 100_000, releasedOre: 0 });
      const set = await givenProgramme(api, admin, { auditorStatementThresholdOre: 2_000_000_000, repaymentWaiverOre: 0 });
      expect((await api.http.get(`/api/v1/programmes/${set.id}`).set(admin.bearer).expect(200)).body).toMatchObject({
        auditorStatementThresholdOre: 2_000_000_000,
        repaymentWaiverOre: 0,
      });
      const patched = await api.http.patch(`/api/v1/programmes/${programme.id}`).set(admin.bearer).send({ repaymentWaiverOre: 250_000 }).expect(200);
      expect(patched.body.repaymentWaiverOre).toBe(250_000);
      const bad = await api.http.patch(`/api/v1/programmes/${programme.id}`).set(admin.bearer).send({ repaymentWaiverOre: -1 }).expect(400);
      expect(bad.body.errors[0].field).toBe('repaymentWaiverOre');
    });
  });

  describe('filing final accounts', () => {
    it('needs no auditor’s statement below the programme’s threshold, and is listed for the kommune and the ministry', async () => {
      const programme = await givenProgramme(api, admin, { auditorStatementThresholdOre: AWARD + 1 });
      const award = await givenAward(api, people, programme.id);
      const filed = await file(award.id, accountsBody(900_000_000, { comment: 'Alt er brugt efter planen.' })).expect(201);
      expect(filed.body).toMatchObject({ awardId: award.id, filingNo: 1, spentOre: 900_000_000, status: 'submitted', auditorStatementDocumentId: null });
      expect(filed.body.budgetLines).toEqual([
        { label: 'Løn', budgetOre: 800_000_000, spentOre: 800_000_000 },
        { label: 'Kurser', budgetOre: 301_426_000, spentOre: 100_000_000 },
      ]);
      const listed = (await api.http.get(`/api/v1/awards/${award.id}/final-accounts`).set(reviewer.bearer).expect(200)).body;
      expect(listed.map((account: { id: string }) => account.id)).toEqual([filed.body.id]);
      await api.http.get(`/api/v1/awards/${award.id}/final-accounts`).set(otherLead.bearer).expect(404);
      await file(award.id, accountsBody(900_000_000), otherLead).expect(404);
    });

    it('needs an auditor’s statement at the threshold (422 in Danish), and takes one uploaded on the award', async () => {
      const programme = await givenProgramme(api, admin, { auditorStatementThresholdOre: AWARD });
      const award = await givenAward(api, people, programme.id);
      const refused = await file(award.id, accountsBody(900_000_000)).expect(422);
      expect(refused.body).toMatchObject({ type: 'urn:tilskud:problem:auditor-statement-required', title: 'Revisorerklæring mangler' });
      expect(refused.body.detail).toMatch(/^Tilsagnet er på 11\.014\.260 kr\., og puljen kræver en revisorerklæring/);
      // A document of another kind is not a statement.
      const budget = (await uploadToAward(api, lead, award.id, 'other', 'andet.pdf').expect(201)).body.id;
      const wrong = await file(award.id, accountsBody(900_000_000, { auditorStatementDocumentId: budget })).expect(422);
      expect(wrong.body.errors[0].field).toBe('auditorStatementDocumentId');
      expect((await api.http.get(`/api/v1/awards/${award.id}/final-accounts`).set(lead.bearer).expect(200)).body).toEqual([]);
      const statement = await auditorStatement(award.id);
      const filed = await file(award.id, accountsBody(900_000_000, { auditorStatementDocumentId: statement })).expect(201);
      expect(filed.body.auditorStatementDocumentId).toBe(statement);
    });

    it('refuses budget lines that do not sum to the spending, naming the difference, and spending above the award', async () => {
      const programme = await givenProgramme(api, admin, { auditorStatementThresholdOre: AWARD + 1 });
      const award = await givenAward(api, people, programme.id);
      const body = accountsBody(900_000_000);
      body.budgetLines[1].spentOre += 1;
      const mismatch = await file(award.id, body).expect(422);
      expect(mismatch.body).toMatchObject({ type: 'urn:tilskud:problem:final-accounts-mismatch', differenceOre: 1 });
      expect(mismatch.body.detail).toBe('Budgetlinjernes forbrug summer til 9.000.000,01 kr., 0,01 kr. mere end det samlede forbrug på 9.000.000 kr.');
      const above = await file(award.id, accountsBody(AWARD + 1)).expect(422);
      expect(above.body.type).toBe('urn:tilskud:problem:spent-above-award');
      const invalid = await file(award.id, { spentOre: -1, budgetLines: [] }).expect(400);
      expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['budgetLines', 'spentOre']);
      await file(award.id, accountsBody(900_000_000), reviewer).expect(403);
      expect((await api.http.get(`/api/v1/awards/${award.id}/final-accounts`).set(lead.bearer).expect(200)).body).toEqual([]);
    });

    it('keeps one filing open at a time, and each filing after a return', async () => {
      const programme = await givenProgramme(api, admin, { auditorStatementThresholdOre: AWARD + 1 });
      const award = await givenAward(api, people, programme.id);
      const first = await file(award.id, accountsBody(900_000_000)).expect(201);
      const pending = await file(award.id, accountsBody(800_000_000)).expect(409);
      expect(pending.body).toMatchObject({ type: 'urn:tilskud:problem:final-accounts-pending' });
      expect(pending.body.detail).toMatch(/^Slutregnskab nr\. 1 venter på gennemgang/);
      // A project lead cannot review; a caseworker returns it.
      expect((await review(first.body.id, { outcome: 'approve', comment: 'Fint.' }, lead).expect(403)).body.type).toBe('urn:tilskud:problem:forbidden');
      await review(first.body.id, { outcome: 'approve', comment: 'Fint.' }, admin).expect(403);
      await review(first.body.id, { outcome: 'maybe', comment: '' }).expect(400);
      const returned = await review(first.body.id, { outcome: 'return', comment: 'Lønudgifterne skal specificeres.' }).expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', reviewComment: 'Lønudgifterne skal specificeres.', settlement: null });
      await review(first.body.id, { outcome: 'approve', comment: 'Fint.' }).expect(409);
      const second = await file(award.id, accountsBody(800_000_000)).expect(201);
      expect(second.body.filingNo).toBe(2);
      const filings = (await api.http.get(`/api/v1/awards/${award.id}/final-accounts`).set(lead.bearer).expect(200)).body;
      expect(filings.map((filing: { filingNo: number; status: string }) => [filing.filingNo, filing.status])).toEqual([
        [1, 'returned'],
        [2, 'submitted'],
      ]);
      // The kommune is told in its inbox.
      const inbox = (await api.http.get('/api/v1/notifications').set(lead.bearer).expect(200)).body.items as Array<{ kind: string; title: string }>;
      expect(inbox.find((item) => item.kind === 'final_accounts_returned')?.title).toBe(`Slutregnskabet for ${award.caseNumber} er sendt retur`);
    });
  });

  describe('approving final accounts', () => {
    it('pays only the spending: the held-back 10 % cancelled, the unpaid rest reduced to the øre, committed − spent released', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      await pay(award.id, [1]);
      const before = await ledgerOf(programme.id);
      const spent = 700_000_001;
      const approved = await approvedAccounts(award.id, spent);
      const [first, second, third] = await instalmentsOf(award.id);
      expect(first).toMatchObject({ amountOre: 550_713_000, status: 'paid' });
      expect(second).toMatchObject({ amountOre: spent - 550_713_000, status: 'planned' });
      expect(third).toMatchObject({ amountOre: 110_142_600, status: 'cancelled' });
      expect(approved.settlement).toMatchObject({
        payableOre: spent - 550_713_000,
        releasedOre: AWARD - spent,
        cancelledInstalmentIds: [third.id],
        reducedInstalments: [{ id: second.id, fromOre: 440_570_400, toOre: spent - 550_713_000 }],
        repayment: null,
      });
      const after = await ledgerOf(programme.id);
      expect(after.releasedOre - before.releasedOre).toBe(AWARD - spent);
      expect(after.remainingOre - before.remainingOre).toBe(AWARD - spent);
      expect(after.budgetOre + after.adjustmentsOre - after.committedOre + after.releasedOre).toBe(after.remainingOre);
      const line = after.awards.find((row: { awardId: string }) => row.awardId === award.id);
      expect(line).toMatchObject({ releasedOre: AWARD - spent, paidOre: 550_713_000, repaymentsOpenOre: 0 });
      // The programme shows it too, and the budget check counts it as available again.
      expect((await api.http.get(`/api/v1/programmes/${programme.id}`).set(admin.bearer).expect(200)).body).toMatchObject({
        releasedOre: AWARD - spent,
        remainingOre: after.remainingOre,
      });
      // The audit trail tells it in Danish.
      const trail = (
        await api.http.get('/api/v1/audit-events').query({ entityType: 'award', entityId: award.id, action: 'award.released' }).set(admin.bearer).expect(200)
      ).body.items;
      expect(trail[0].summary).toBe('Frigivet til puljens budget: 4.014.259,99 kr. efter det godkendte slutregnskab');
      const inbox = (await api.http.get('/api/v1/notifications').set(lead.bearer).expect(200)).body.items as Array<{ kind: string; title: string }>;
      expect(inbox.find((item) => item.kind === 'final_accounts_approved')?.title).toBe(`Slutregnskabet for ${award.caseNumber} er godkendt`);
    });

    it('waits for an instalment approved for payment and not yet recorded as paid: 409 naming it, nothing settled', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      const [first] = await instalmentsOf(award.id);
      await api.http.post(`/api/v1/instalments/${first.id}/approve`).set(reviewer.bearer).expect(200);
      const filed = await file(award.id, accountsBody(600_000_000, { auditorStatementDocumentId: await auditorStatement(award.id) })).expect(201);
      const refused = await review(filed.body.id, { outcome: 'approve', comment: 'Regnskabet er i orden.' }).expect(409);
      expect(refused.body).toMatchObject({ type: 'urn:tilskud:problem:illegal-transition', instalmentsAwaitingPayment: [1] });
      expect(refused.body.detail).toContain('Rate 1 er godkendt til udbetaling, men ikke registreret som betalt');
      expect((await instalmentsOf(award.id)).map((instalment) => instalment.status)).toEqual(['approved', 'planned', 'planned']);
      expect((await ledgerOf(programme.id)).releasedOre).toBe(0);
      // Recorded as paid, the accounts are approved and settled against it.
      await api.http.post(`/api/v1/payments/${first.id}/paid`).set(admin.bearer).send({ paidOn: '2021-02-01', reference: 'NAV-1' }).expect(200);
      const approved = (await review(filed.body.id, { outcome: 'approve', comment: 'Regnskabet er i orden.' }).expect(200)).body;
      expect(approved.settlement).toMatchObject({ payableOre: 600_000_000 - 550_713_000, releasedOre: AWARD - 600_000_000 });
    });

    it('makes the held-back instalment ready when everything was spent, and releases nothing', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      await approveReports(award.id);
      const approved = await approvedAccounts(award.id, AWARD);
      expect(approved.settlement).toMatchObject({ releasedOre: 0, cancelledInstalmentIds: [], reducedInstalments: [], repayment: null });
      const third = (await instalmentsOf(award.id))[2];
      expect(third).toMatchObject({ status: 'ready', amountOre: 110_142_600 });
      // Four-eyes: the approver of the accounts made it ready, so someone else approves its payment.
      await api.http.post(`/api/v1/instalments/${third.id}/approve`).set(reviewer.bearer).expect(403);
      await api.http.post(`/api/v1/instalments/${third.id}/approve`).set(assessor.bearer).expect(200);
    });

    it('claims back exactly paid − spent when more was paid, with a due date 30 days on, and the kommune is told', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      await approveReports(award.id);
      await pay(award.id, [1, 2]);
      const before = await ledgerOf(programme.id);
      const spent = 900_000_000;
      const approved = await approvedAccounts(award.id, spent);
      const paid = 550_713_000 + 440_570_400;
      expect(approved.settlement.repayment).toMatchObject({ amountOre: paid - spent, status: 'open', waivedAutomatically: false, overdue: false });
      expect(approved.settlement.releasedOre).toBe(AWARD - paid);
      const after = await ledgerOf(programme.id);
      expect(after.repaymentsOpenOre - before.repaymentsOpenOre).toBe(paid - spent);
      expect(after.remainingOre - before.remainingOre).toBe(AWARD - paid);
      const claims = (await api.http.get('/api/v1/repayments').query({ programmeId: programme.id }).set(reviewer.bearer).expect(200)).body.items;
      expect(claims.map((claim: { id: string }) => claim.id)).toEqual([approved.settlement.repayment.id]);
      // The kommune sees its award's claim (its case page says what to pay back, and by when); another kommune does not.
      const ofAward = (await api.http.get(`/api/v1/awards/${award.id}/repayments`).set(lead.bearer).expect(200)).body;
      expect(ofAward).toEqual([expect.objectContaining({ id: approved.settlement.repayment.id, amountOre: paid - spent, status: 'open' })]);
      await api.http.get(`/api/v1/awards/${award.id}/repayments`).set(otherLead.bearer).expect(404);
      const inbox = (await api.http.get('/api/v1/notifications').set(lead.bearer).expect(200)).body.items as Array<{ kind: string; body: string }>;
      expect(inbox.find((item) => item.kind === 'repayment_opened')?.body).toMatch(/^Der er udbetalt 912\.834 kr\. mere end det godkendte forbrug/);
      // Settled, the claim comes back to the budget: in all exactly committed − spent is released, and paid − repaid = spent.
      await api.http
        .post(`/api/v1/repayments/${approved.settlement.repayment.id}/settle`)
        .set(admin.bearer)
        .send({ settledOn: '2021-03-01', reference: 'NAV-TB-1' })
        .expect(200);
      const settled = await ledgerOf(programme.id);
      const line = settled.awards.find((row: { awardId: string }) => row.awardId === award.id);
      expect(line).toMatchObject({ releasedOre: AWARD - spent, repaymentsOpenOre: 0, repaidOre: paid - spent, paidOre: paid });
      expect(line.paidOre - line.repaidOre).toBe(spent);
      expect(settled.remainingOre - before.remainingOre).toBe(AWARD - spent);
      const events = (
        await api.http
          .get('/api/v1/audit-events')
          .query({ entityType: 'repayment', entityId: line && approved.settlement.repayment.id, sort: 'seq' })
          .set(admin.bearer)
          .expect(200)
      ).body.items as Array<{ action: string; summary: string }>;
      expect(events.map((event) => [event.action, event.summary])).toEqual([
        ['repayment.opened', 'Krav om tilbagebetaling af 912.834 kr. rejst'],
        ['repayment.settled', 'Tilbagebetalingen registreret som indbetalt (reference NAV-TB-1)'],
      ]);
    });

    it('waives at once a claim below the programme’s waiver', async () => {
      const programme = await givenProgramme(api, admin, { repaymentWaiverOre: 100_000 });
      const award = await givenAward(api, people, programme.id);
      await pay(award.id, [1]);
      const approved = await approvedAccounts(award.id, 550_713_000 - 99_999);
      expect(approved.settlement.repayment).toMatchObject({ amountOre: 99_999, status: 'waived', waivedAutomatically: true });
      expect(approved.settlement.repayment.waiveReason).toBe('Under puljens bagatelgrænse på 1.000 kr.');
      // Nothing comes back, so the claimed part is not released.
      expect(approved.settlement.releasedOre).toBe(AWARD - 550_713_000);
      expect((await ledgerOf(programme.id)).repaymentsOpenOre).toBe(0);
      await api.http
        .post(`/api/v1/repayments/${approved.settlement.repayment.id}/waive`)
        .set(reviewer.bearer)
        .send({ reason: 'Eftergives endnu en gang.' })
        .expect(409);
    });
  });

  describe('repayment claims', () => {
    async function openClaim() {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      await pay(award.id, [1]);
      const approved = await approvedAccounts(award.id, 500_000_000);
      return { programme, award, claim: approved.settlement.repayment as { id: string; amountOre: number } };
    }

    it('is settled once, also when sent at the same time: one 200, the rest 409', async () => {
      const { claim } = await openClaim();
      expect(claim.amountOre).toBe(50_713_000);
      const answers = await Promise.all(
        ['A', 'B', 'C'].map((reference) =>
          api.http
            .post(`/api/v1/repayments/${claim.id}/settle`)
            .set(reviewer.bearer)
            .send({ settledOn: '2021-03-01', reference: `NAV-${reference}` }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
      const refused = answers.find((answer) => answer.status === 409)!;
      expect(refused.body).toMatchObject({
        type: 'urn:tilskud:problem:repayment-closed',
        detail: 'Tilbagebetalingskravet er allerede indbetalt 1. marts 2021; det afsluttes kun én gang.',
      });
      const events = (
        await api.http
          .get('/api/v1/audit-events')
          .query({ entityType: 'repayment', entityId: claim.id, action: 'repayment.settled' })
          .set(admin.bearer)
          .expect(200)
      ).body.items;
      expect(events).toHaveLength(1);
      await api.http.post(`/api/v1/repayments/${claim.id}/waive`).set(reviewer.bearer).send({ reason: 'Skal ikke opkræves alligevel.' }).expect(409);
    });

    it('is waived once with a reason, by the ministry only, and refuses bad input in Danish', async () => {
      const { claim, programme } = await openClaim();
      await api.http.post(`/api/v1/repayments/${claim.id}/waive`).set(lead.bearer).send({ reason: 'Kommunen ønsker det eftergivet.' }).expect(403);
      await api.http.get('/api/v1/repayments').set(lead.bearer).expect(403);
      const short = await api.http.post(`/api/v1/repayments/${claim.id}/waive`).set(reviewer.bearer).send({ reason: 'nej' }).expect(400);
      expect(short.body.errors[0]).toEqual({ field: 'reason', message: 'skal sige hvorfor, med mindst 10 tegn' });
      const future = await api.http
        .post(`/api/v1/repayments/${claim.id}/settle`)
        .set(admin.bearer)
        .send({ settledOn: '2199-01-01', reference: 'X' })
        .expect(422);
      expect(future.body.detail).toMatch(/^Indbetalingsdatoen kan ikke ligge efter i dag/);
      await api.http.post(`/api/v1/repayments/${claim.id}/settle`).set(admin.bearer).send({ settledOn: '2021-02-30', reference: '' }).expect(400);
      await api.http.get('/api/v1/repayments').query({ status: 'lukket' }).set(admin.bearer).expect(400);
      const waived = await api.http
        .post(`/api/v1/repayments/${claim.id}/waive`)
        .set(admin.bearer)
        .send({ reason: 'Beløbet er dokumenteret brugt i projektet.' })
        .expect(200);
      expect(waived.body).toMatchObject({ status: 'waived', waivedAutomatically: false, waivedBy: admin.user.id });
      const again = await api.http
        .post(`/api/v1/repayments/${claim.id}/waive`)
        .set(reviewer.bearer)
        .send({ reason: 'Beløbet er dokumenteret brugt.' })
        .expect(409);
      expect(again.body.detail).toMatch(/^Tilbagebetalingskravet er allerede eftergivet/);
      const waivedList = (await api.http.get('/api/v1/repayments').query({ programmeId: programme.id, status: 'waived' }).set(admin.bearer).expect(200)).body
        .items;
      expect(waivedList.map((item: { id: string }) => item.id)).toEqual([claim.id]);
      await api.http
        .post('/api/v1/repayments/00000000-0000-4000-8000-000000000000/settle')
        .set(admin.bearer)
        .send({ settledOn: '2021-03-01', reference: 'X' })
        .expect(404);
    });

    it('pages by due date', async () => {
      const { programme } = await openClaim();
      const award = await givenAward(api, people, programme.id);
      await pay(award.id, [1]);
      await approvedAccounts(award.id, 500_000_000);
      const first = await api.http.get('/api/v1/repayments').query({ programmeId: programme.id, status: 'open', limit: 1 }).set(admin.bearer).expect(200);
      expect(first.body.items).toHaveLength(1);
      const rest = await api.http
        .get('/api/v1/repayments')
        .query({ programmeId: programme.id, status: 'open', limit: 1, cursor: first.body.nextCursor })
        .set(admin.bearer)
        .expect(200);
      expect(rest.body.items).toHaveLength(1);
      expect(rest.body.items[0].id).not.toBe(first.body.items[0].id);
    });
  });

  describe('close-out', () => {
    it('refuses while anything is open and says what, closes when everything is done, and nothing changes afterwards', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      const checklist = async (who: SignedInUser = lead) => (await api.http.get(`/api/v1/awards/${award.id}/closeout`).set(who.bearer).expect(200)).body;
      const start = await checklist();
      expect(start).toMatchObject({ awardId: award.id, status: 'active', closable: false });
      expect(start.open.map((item: { what: string }) => item.what)).toEqual([
        'Statusrapport nr. 1 er ikke godkendt',
        'Slutrapporten er ikke godkendt',
        'Slutregnskabet er ikke indsendt',
        'Rate 1 på 5.507.130 kr. er hverken udbetalt eller annulleret',
        'Rate 2 på 4.405.704 kr. er hverken udbetalt eller annulleret',
        'Rate 3 på 1.101.426 kr. er hverken udbetalt eller annulleret',
      ]);
      await api.http.get(`/api/v1/awards/${award.id}/closeout`).set(otherLead.bearer).expect(404);
      const early = await api.http.post(`/api/v1/awards/${award.id}/close`).set(reviewer.bearer).expect(409);
      expect(early.body).toMatchObject({ type: 'urn:tilskud:problem:award-not-closable' });
      expect(early.body.detail).toMatch(/^Tilsagnet kan ikke lukkes endnu: Statusrapport nr\. 1 er ikke godkendt; /);
      expect(early.body.open).toHaveLength(6);

      await approveReports(award.id);
      await pay(award.id, [1, 2]);
      const approved = await approvedAccounts(award.id, 900_000_000);
      const claim = approved.settlement.repayment;
      expect((await checklist(reviewer)).open).toEqual([{ what: 'Tilbagebetalingskravet på 912.834 kr. er hverken indbetalt eller eftergivet', id: claim.id }]);
      await api.http.post(`/api/v1/awards/${award.id}/close`).set(lead.bearer).expect(403);
      await api.http.post(`/api/v1/repayments/${claim.id}/settle`).set(reviewer.bearer).send({ settledOn: '2021-03-01', reference: 'NAV-TB-2' }).expect(200);
      expect(await checklist()).toMatchObject({ status: 'completed', closable: true, open: [] });

      const closed = await api.http.post(`/api/v1/awards/${award.id}/close`).set(reviewer.bearer).expect(200);
      expect(closed.body.status).toBe('closed');
      expect(await checklist()).toMatchObject({ status: 'closed', closable: false, open: [] });
      await api.http.post(`/api/v1/awards/${award.id}/close`).set(reviewer.bearer).expect(409);
      const trail = (
        await api.http.get('/api/v1/audit-events').query({ entityType: 'award', entityId: award.id, action: 'award.closed' }).set(admin.bearer).expect(200)
      ).body.items;
      expect(trail.map((event: { summary: string }) => event.summary)).toEqual(['Tilsagnet lukket']);
      // Nothing of a closed award changes.
      const refiled = await file(award.id, accountsBody(900_000_000)).expect(409);
      expect(refiled.body.type).toBe('urn:tilskud:problem:award-closed');
    });

    it('refuses payment writes on a closed award with 409', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      await approveReports(award.id);
      await pay(award.id, [1, 2]);
      await approvedAccounts(award.id, AWARD);
      const third = (await instalmentsOf(award.id))[2];
      // Ready, not yet approved: the award is not closable, so it is closed behind the API's back (as a later reopening would need).
      await api.http.post(`/api/v1/awards/${award.id}/close`).set(reviewer.bearer).expect(409);
      await api.http.post(`/api/v1/instalments/${third.id}/approve`).set(assessor.bearer).expect(200);
      await api.http.post(`/api/v1/payments/${third.id}/paid`).set(admin.bearer).send({ paidOn: '2021-02-01', reference: 'NAV-3' }).expect(200);
      await api.http.post(`/api/v1/awards/${award.id}/close`).set(reviewer.bearer).expect(200);
      const again = await api.http.post(`/api/v1/payments/${third.id}/paid`).set(admin.bearer).send({ paidOn: '2021-02-01', reference: 'NAV-4' }).expect(409);
      expect(again.body).toMatchObject({ type: 'urn:tilskud:problem:award-closed', detail: 'Tilsagnet er lukket; intet på det kan ændres.' });
      await api.http.post(`/api/v1/instalments/${third.id}/approve`).set(reviewer.bearer).expect(409);
      // Nor does it take documents.
      const document = await uploadToAward(api, lead, award.id, 'other', 'efterslaeb.pdf').expect(409);
      expect(document.body).toMatchObject({
        type: 'urn:tilskud:problem:award-closed',
        detail: 'Tilsagnet er lukket; der kan ikke tilføjes dokumenter til det.',
      });
    });
  });
});
