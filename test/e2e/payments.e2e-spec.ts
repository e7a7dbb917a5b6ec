import { readCsv } from '../support/csv.js';
import { downloadBytes } from '../support/download.js';
import { givenAward, givenProgramme, programmeBody, reportBody } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type CaseCast, type SignedInUser, signedInCast } from '../support/users.js';

const CVR = '29403473';

/** A CSV download read to its end, as text. */
const download = async (request: Parameters<typeof downloadBytes>[0]) => {
  const response = await downloadBytes(request);
  return { status: response.status, headers: response.headers, text: (response.body as Buffer).toString('utf8') };
};

interface Instalment {
  id: string;
  awardId: string;
  caseNumber: string;
  municipalityName: string;
  sequence: number;
  trigger: string;
  reportSequence: number | null;
  sharePct: number;
  amountOre: number;
  status: string;
  readyAt: string | null;
  triggeredBy: string | null;
  approvedBy: string | null;
  paidOn: string | null;
  reference: string | null;
  mayApprove: boolean;
  mayNotApproveReason: string | null;
}

/**
 * Paying an award out in instalments (rater): the programme's payment plan, the instalments made with
 * the award to the øre, made ready by the award and by approved reports, approved by a caseworker who
 * did not make them ready (four-eyes), paid once, and the finance system's export.
 */
describe('payments in instalments', () => {
  let api: TestApp;
  // Signed in before the tests run (beforeAll).
  let { admin, lead, otherLead, assessor, decider, reviewer, people } = {} as CaseCast;

  beforeAll(async () => {
    api = await createTestApp();
    ({ admin, lead, otherLead, assessor, decider, reviewer, people } = await signedInCast(api, '420', '430'));
  });
  afterAll(() => api.close());

  const instalmentsOf = async (awardId: string, who: SignedInUser = lead): Promise<Instalment[]> =>
    (await api.http.get(`/api/v1/awards/${awardId}/instalments`).set(who.bearer).expect(200)).body;
  const approve = (id: string, who: SignedInUser) => api.http.post(`/api/v1/instalments/${id}/approve`).set(who.bearer);
  const recordPaid = (id: string, who: SignedInUser, body: object = { paidOn: '2021-02-01', reference: `NAV-${id.slice(0, 8)}` }) =>
    api.http.post(`/api/v1/payments/${id}/paid`).set(who.bearer).send(body);

  describe('the payment plan', () => {
    it('gives every programme 50 % at the award, 40 % after the first approved status report and 10 % held back for the final accounts', async () => {
      const programme = await givenProgramme(api, admin);
      const { body } = await api.http.get(`/api/v1/programmes/${programme.id}`).set(lead.bearer).expect(200);
      expect(body.paymentPlan).toEqual([
        { sharePct: 50, trigger: 'award' },
        { sharePct: 40, trigger: 'status_report_approved', sequence: 1 },
        { sharePct: 10, trigger: 'final_accounts_approved' },
      ]);
    });

    it('refuses a plan whose shares do not sum to 100 %, naming the sum, in Danish, and creates nothing', async () => {
      const plan = [
        { sharePct: 50, trigger: 'award' },
        { sharePct: 40, trigger: 'final_accounts_approved' },
      ];
      const refused = await api.http
        .post('/api/v1/programmes')
        .set(admin.bearer)
        .send({ ...programmeBody({ code: 'BETPLAN-2026' }), paymentPlan: plan })
        .expect(422);
      expect(refused.body).toMatchObject({
        type: 'urn:tilskud:problem:payment-plan-invalid',
        title: 'Betalingsplanen går ikke op',
        errors: [{ field: 'paymentPlan', message: 'raternes andele summer til 90 %, men skal summe til 100 %' }],
      });
      expect(refused.body.detail).toMatch(/summer til 90 %/);
      const list = await api.http.get('/api/v1/programmes').query({ limit: 200 }).set(admin.bearer).expect(200);
      expect(list.body.items.map((p: { code: string }) => p.code)).not.toContain('BETPLAN-2026');
    });

    it('refuses a status report trigger without its number, and an unknown trigger, as 4xx in Danish', async () => {
      const programme = await givenProgramme(api, admin);
      const missing = await api.http
        .patch(`/api/v1/programmes/${programme.id}`)
        .set(admin.bearer)
        .send({ paymentPlan: [{ sharePct: 100, trigger: 'status_report_approved' }] })
        .expect(422);
      expect(missing.body.errors).toEqual([{ field: 'paymentPlan[0].sequence', message: 'skal angive statusrapportens nummer (1 eller derover)' }]);
      const unknown = await api.http
        .patch(`/api/v1/programmes/${programme.id}`)
        .set(admin.bearer)
        .send({ paymentPlan: [{ sharePct: 100, trigger: 'whenever' }] })
        .expect(400);
      expect(unknown.body.errors[0].field).toBe('paymentPlan[0].trigger');
      expect(unknown.body.errors[0].message).toMatch(/skal være/);
    });

    it('changes the plan until the first award, and is fixed after it', async () => {
      const programme = await givenProgramme(api, admin);
      const plan = [
        { sharePct: 30, trigger: 'award' },
        { sharePct: 70, trigger: 'final_accounts_approved' },
      ];
      const changed = await api.http.patch(`/api/v1/programmes/${programme.id}`).set(admin.bearer).send({ paymentPlan: plan }).expect(200);
      expect(changed.body.paymentPlan).toEqual(plan);
      await givenAward(api, people, programme.id);
      // The same plan again is no change.
      await api.http.patch(`/api/v1/programmes/${programme.id}`).set(admin.bearer).send({ paymentPlan: plan }).expect(200);
      const locked = await api.http
        .patch(`/api/v1/programmes/${programme.id}`)
        .set(admin.bearer)
        .send({ paymentPlan: [{ sharePct: 100, trigger: 'award' }] })
        .expect(422);
      expect(locked.body).toMatchObject({
        type: 'urn:tilskud:problem:programme-field-locked',
        errors: [{ field: 'paymentPlan', message: 'kan ikke ændres, når puljen har givet tilsagn' }],
      });
    });
  });

  describe('an award’s instalments', () => {
    it('are made with the award by the default plan, the first ready at once, and sum to the award', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      const instalments = await instalmentsOf(award.id);
      expect(
        instalments.map(({ sequence, trigger, reportSequence, sharePct, amountOre, status }) => ({
          sequence,
          trigger,
          reportSequence,
          sharePct,
          amountOre,
          status,
        })),
      ).toEqual([
        { sequence: 1, trigger: 'award', reportSequence: null, sharePct: 50, amountOre: 550_713_000, status: 'ready' },
        { sequence: 2, trigger: 'status_report_approved', reportSequence: 1, sharePct: 40, amountOre: 440_570_400, status: 'planned' },
        { sequence: 3, trigger: 'final_accounts_approved', reportSequence: null, sharePct: 10, amountOre: 110_142_600, status: 'planned' },
      ]);
      expect(instalments.reduce((sum, instalment) => sum + instalment.amountOre, 0)).toBe(award.amountOre);
      expect(instalments[0]).toMatchObject({ caseNumber: award.caseNumber, triggeredBy: decider.user.id, readyAt: expect.any(String) });
      expect(instalments[1]).toMatchObject({ readyAt: null, triggeredBy: null });
    });

    it('split an odd amount in three shares to the øre (4.884.429,01 kr.)', async () => {
      const programme = await givenProgramme(api, admin, {
        minApplicationOre: 100_000_000,
        paymentPlan: [
          { sharePct: 34, trigger: 'award' },
          { sharePct: 33, trigger: 'status_report_approved', sequence: 1 },
          { sharePct: 33, trigger: 'final_accounts_approved' },
        ],
      });
      const award = await givenAward(api, people, programme.id, undefined, { requestedOre: 488_442_901 });
      const amounts = (await instalmentsOf(award.id)).map((instalment) => instalment.amountOre);
      expect(amounts).toEqual([166_070_587, 161_186_157, 161_186_157]);
      expect(amounts.reduce((a, b) => a + b, 0)).toBe(488_442_901);
    });

    it('are the participating kommune’s and the ministry’s to see; another kommune gets 404', async () => {
      const programmeId = (await givenProgramme(api, admin)).id;
      const award = await givenAward(api, people, programmeId);
      await api.http.get(`/api/v1/awards/${award.id}/instalments`).set(otherLead.bearer).expect(404);
      expect(await instalmentsOf(award.id, assessor)).toHaveLength(3);
      expect(await instalmentsOf(award.id, admin)).toHaveLength(3);
      await api.http.get(`/api/v1/awards/00000000-0000-4000-8000-000000000000/instalments`).set(admin.bearer).expect(404);
      // The contract's names (API.md) answer the same.
      expect((await api.http.get(`/api/v1/awards/${award.id}/payments`).set(lead.bearer).expect(200)).body).toEqual(await instalmentsOf(award.id));
      await api.http.get(`/api/v1/awards/${award.id}/payments`).set(otherLead.bearer).expect(404);
      // (Within this programme: other files' cases share the database and make instalments ready meanwhile.)
      const queue = (await api.http.get('/api/v1/payments').query({ status: 'ready', programmeId }).set(assessor.bearer).expect(200)).body;
      expect(queue.items).toHaveLength(1);
      expect(queue.items.map((item: { id: string }) => item.id)).toEqual(
        (await api.http.get('/api/v1/instalments').query({ status: 'ready', programmeId }).set(assessor.bearer).expect(200)).body.items.map(
          (item: { id: string }) => item.id,
        ),
      );
    });
  });

  describe('approving an instalment for payment', () => {
    it('refuses the caseworker who decided the award (four-eyes), and lets another approve it', async () => {
      const award = await givenAward(api, people, (await givenProgramme(api, admin)).id);
      const [first, second] = await instalmentsOf(award.id);
      const refused = await approve(first.id, decider).expect(403);
      expect(refused.body).toMatchObject({ type: 'urn:tilskud:problem:four-eyes', title: 'Firøjneprincippet' });
      expect(refused.body.detail).toBe(
        'Du traf afgørelsen om tilsagnet, der udløste raten, så en anden sagsbehandler skal godkende udbetalingen (firøjneprincippet).',
      );
      expect((await instalmentsOf(award.id))[0].status).toBe('ready');

      // By the contract's name (API.md) for the same action.
      const approved = await api.http.post(`/api/v1/payments/${first.id}/approve`).set(reviewer.bearer).expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', approvedBy: reviewer.user.id, mayApprove: false });
      // Not ready yet: its trigger has not happened.
      const early = await approve(second.id, reviewer).expect(409);
      expect(early.body.type).toBe('urn:tilskud:problem:illegal-transition');
      expect(early.body.detail).toMatch(/^En rate, der endnu ikke er udløst, kan ikke godkendes til udbetaling\./);
      await approve(first.id, assessor).expect(409);
    });

    it('is a caseworker’s: a project lead and an administrator get 403, an unknown instalment 404', async () => {
      const award = await givenAward(api, people, (await givenProgramme(api, admin)).id);
      const [first] = await instalmentsOf(award.id);
      expect((await approve(first.id, lead).expect(403)).body.type).toBe('urn:tilskud:problem:forbidden');
      await approve(first.id, admin).expect(403);
      await approve('00000000-0000-4000-8000-000000000000', reviewer).expect(404);
      expect((await instalmentsOf(award.id))[0].status).toBe('ready');
    });

    it('makes the second instalment ready when the first status report is approved, and refuses its approver', async () => {
      const award = await givenAward(api, people, (await givenProgramme(api, admin)).id);
      const [report] = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).body;
      await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
      // A returned report releases nothing.
      await api.http.post(`/api/v1/reports/${report.id}/review`).set(reviewer.bearer).send({ outcome: 'return', comment: 'Uddyb milepælene.' }).expect(200);
      expect((await instalmentsOf(award.id))[1].status).toBe('planned');
      await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
      await api.http.post(`/api/v1/reports/${report.id}/review`).set(reviewer.bearer).send({ outcome: 'approve', comment: 'Godkendt.' }).expect(200);

      const [, second, third] = await instalmentsOf(award.id);
      expect(second).toMatchObject({ status: 'ready', triggeredBy: reviewer.user.id, readyAt: expect.any(String) });
      expect(third.status).toBe('planned');
      const refused = await approve(second.id, reviewer).expect(403);
      expect(refused.body.detail).toMatch(/^Du godkendte statusrapporten, der udløste raten/);
      // The decider had no part in the report: they may approve this one.
      await approve(second.id, decider).expect(200);

      const trail = await api.http
        .get('/api/v1/audit-events')
        .query({ entityType: 'instalment', entityId: second.id, sort: 'seq' })
        .set(admin.bearer)
        .expect(200);
      expect(trail.body.items.map((event: { action: string }) => event.action)).toEqual(['instalment.ready', 'instalment.approved']);
    });

    it('makes ready, with the final report, an instalment waiting for a status report the schedule never had', async () => {
      const programme = await givenProgramme(api, admin, {
        paymentPlan: [
          { sharePct: 50, trigger: 'award' },
          { sharePct: 25, trigger: 'status_report_approved', sequence: 1 },
          { sharePct: 25, trigger: 'status_report_approved', sequence: 2 },
        ],
      });
      // 18 months: one status report (after 12 months) and the final report.
      const award = await givenAward(api, people, programme.id);
      const reports = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).body as Array<{ id: string; kind: string }>;
      expect(reports.map((report) => report.kind)).toEqual(['status', 'final']);
      for (const report of reports) {
        await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
        await api.http.post(`/api/v1/reports/${report.id}/review`).set(reviewer.bearer).send({ outcome: 'approve', comment: 'Godkendt.' }).expect(200);
      }
      expect((await instalmentsOf(award.id)).map((instalment) => instalment.status)).toEqual(['ready', 'ready', 'ready']);
    });
  });

  describe('the payment approval queue', () => {
    it('lists ready instalments with case, kommune, amount, trigger and since when, and whether the caller may approve each', async () => {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id);
      const queue = async (who: SignedInUser) =>
        (await api.http.get('/api/v1/instalments').query({ status: 'ready', programmeId: programme.id }).set(who.bearer).expect(200)).body;
      const mine = await queue(decider);
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0]).toMatchObject({
        awardId: award.id,
        caseNumber: award.caseNumber,
        municipalityName: 'Assens Kommune',
        amountOre: 550_713_000,
        trigger: 'award',
        readyAt: expect.any(String),
        mayApprove: false,
        mayNotApproveReason: expect.stringMatching(/firøjneprincippet/),
      });
      expect((await queue(reviewer)).items[0]).toMatchObject({ mayApprove: true, mayNotApproveReason: null });
      expect((await queue(admin)).items[0]).toMatchObject({ mayApprove: false, mayNotApproveReason: 'Kun en sagsbehandler kan godkende udbetalinger.' });
      await api.http.get('/api/v1/instalments').query({ status: 'ready' }).set(lead.bearer).expect(403);
      await api.http.get('/api/v1/instalments').query({ status: 'klar' }).set(reviewer.bearer).expect(400);

      await approve(mine.items[0].id, reviewer).expect(200);
      expect((await queue(reviewer)).items).toEqual([]);
    });

    it('pages by the time they became ready', async () => {
      const programme = await givenProgramme(api, admin);
      for (let i = 0; i < 3; i += 1) await givenAward(api, people, programme.id);
      const first = await api.http.get('/api/v1/instalments').query({ status: 'ready', programmeId: programme.id, limit: 2 }).set(reviewer.bearer).expect(200);
      expect(first.body.items).toHaveLength(2);
      const rest = await api.http
        .get('/api/v1/instalments')
        .query({ status: 'ready', programmeId: programme.id, limit: 2, cursor: first.body.nextCursor })
        .set(reviewer.bearer)
        .expect(200);
      expect(rest.body).toMatchObject({ nextCursor: null });
      const all = [...first.body.items, ...rest.body.items] as Instalment[];
      expect(new Set(all.map((instalment) => instalment.id)).size).toBe(3);
      expect(all.map((instalment) => instalment.readyAt)).toEqual([...all.map((instalment) => instalment.readyAt)].sort());
    });
  });

  describe('recording a payment', () => {
    async function approvedInstalment(overrides: Record<string, unknown> = {}) {
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, people, programme.id, undefined, overrides);
      const [first] = await instalmentsOf(award.id);
      await approve(first.id, reviewer).expect(200);
      return { programme, award, instalment: first };
    }

    it('records an approved instalment as paid once; recording it again is 409, and changes nothing', async () => {
      const { instalment } = await approvedInstalment();
      const paid = await recordPaid(instalment.id, admin, { paidOn: '2021-02-01', reference: 'NAV-2021-000123' }).expect(200);
      expect(paid.body).toMatchObject({ status: 'paid', paidOn: '2021-02-01', reference: 'NAV-2021-000123', paidAt: expect.any(String) });
      const again = await recordPaid(instalment.id, admin, { paidOn: '2021-02-02', reference: 'NAV-2021-000999' }).expect(409);
      expect(again.body).toMatchObject({ type: 'urn:tilskud:problem:payment-already-recorded', title: 'Udbetalingen er allerede registreret' });
      expect(again.body.detail).toBe(
        'Raten er allerede registreret som udbetalt 1. februar 2021 med referencen NAV-2021-000123; en udbetaling registreres kun én gang.',
      );
      const [stored] = await instalmentsOf(instalment.awardId);
      expect(stored).toMatchObject({ paidOn: '2021-02-01', reference: 'NAV-2021-000123' });
    });

    it('records one payment of two sent at the same time, and refuses the other with 409', async () => {
      const { instalment } = await approvedInstalment();
      const answers = await Promise.all(
        ['NAV-A', 'NAV-B', 'NAV-C'].map((reference) =>
          api.http.post(`/api/v1/instalments/${instalment.id}/paid`).set(admin.bearer).send({ paidOn: '2021-02-01', reference }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
      const winner = answers.find((answer) => answer.status === 200)!.body.reference;
      const [stored] = await instalmentsOf(instalment.awardId);
      expect(stored).toMatchObject({ status: 'paid', reference: winner });
      const trail = await api.http
        .get('/api/v1/audit-events')
        .query({ entityType: 'instalment', entityId: instalment.id, action: 'instalment.paid' })
        .set(admin.bearer)
        .expect(200);
      expect(trail.body.items).toHaveLength(1);
    });

    it('pays only what is approved, is the administrator’s (not the approving caseworkers’), and refuses bad input in Danish', async () => {
      const award = await givenAward(api, people, (await givenProgramme(api, admin)).id);
      const [ready] = await instalmentsOf(award.id);
      const early = await recordPaid(ready.id, admin).expect(409);
      expect(early.body.detail).toMatch(/^En rate, der er klar til godkendelse, kan ikke registreres som udbetalt\./);
      await recordPaid(ready.id, lead).expect(403);
      await approve(ready.id, reviewer).expect(200);
      // Segregation of duties (API.md): the caseworkers approve, the administrator records the payment.
      await recordPaid(ready.id, reviewer).expect(403);
      const invalid = await recordPaid(ready.id, admin, { paidOn: '2021-02-30', reference: '' }).expect(400);
      expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['paidOn', 'reference']);
      expect(invalid.body.errors.find((error: { field: string }) => error.field === 'paidOn').message).toMatch(/^skal være en dato/);
      await recordPaid(ready.id, admin, { paidOn: '2021-02-01', reference: 'X', extra: 1 }).expect(400);
      const future = await recordPaid(ready.id, admin, { paidOn: '2199-01-01', reference: 'NAV-1' }).expect(422);
      expect(future.body.detail).toMatch(/^Udbetalingsdatoen kan ikke ligge efter i dag/);
      expect((await instalmentsOf(award.id))[0].status).toBe('approved');
    });

    it('exports the approved, unpaid instalments for the finance system, and only those', async () => {
      const { programme, award, instalment } = await approvedInstalment({ cvr: CVR });
      const paid = await approvedInstalment();
      await recordPaid(paid.instalment.id, admin).expect(200);
      const unapproved = await givenAward(api, people, programme.id);

      const rows = async () => {
        const response = await download(api.http.get('/api/v1/exports/payments.csv').query({ programmeId: programme.id }).set(admin.bearer));
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
        return readCsv(response.text);
      };
      const [header, ...lines] = await rows();
      expect(header).toEqual(['CVR-nummer', 'Journalnummer', 'Kommunekode', 'Modtager', 'Rate', 'Beløb (kr.)', 'Beløb (øre)', 'Reference', 'Godkendt']);
      expect(lines).toEqual([
        [CVR, award.caseNumber, '420', 'Assens Kommune', '1', '5.507.130,00', '550713000', instalment.id, expect.stringMatching(/^\d{2}-\d{2}-\d{4}$/)],
      ]);
      expect(lines.flat()).not.toContain(unapproved.caseNumber);
      const everything = await download(api.http.get('/api/v1/exports/payments.csv').set(admin.bearer));
      expect(everything.status).toBe(200);
      expect(everything.text).toContain(instalment.id);
      expect(everything.text).not.toContain(paid.instalment.id);
      await api.http.get('/api/v1/exports/payments.csv').set(lead.bearer).expect(403);
      await api.http.get('/api/v1/exports/payments.csv').set(reviewer.bearer).expect(403);

      await recordPaid(instalment.id, admin).expect(200);
      expect(await rows()).toHaveLength(1);
    });
  });

  it('shows on the ledger what is paid and what is approved but unpaid, per award and in total, still reconciled', async () => {
    const programme = await givenProgramme(api, admin);
    const first = await givenAward(api, people, programme.id);
    const second = await givenAward(api, people, programme.id);
    const [a] = await instalmentsOf(first.id);
    const [b] = await instalmentsOf(second.id);
    await approve(a.id, reviewer).expect(200);
    await approve(b.id, reviewer).expect(200);
    await recordPaid(a.id, admin).expect(200);

    const { body } = await api.http.get(`/api/v1/programmes/${programme.id}/ledger`).set(admin.bearer).expect(200);
    expect(body).toMatchObject({ paidOre: a.amountOre, approvedUnpaidOre: b.amountOre });
    expect(body.budgetOre + body.adjustmentsOre - body.committedOre).toBe(body.remainingOre);
    const line = (awardId: string) => body.awards.find((award: { awardId: string }) => award.awardId === awardId);
    expect(line(first.id)).toMatchObject({ paidOre: a.amountOre, approvedUnpaidOre: 0 });
    expect(line(second.id)).toMatchObject({ paidOre: 0, approvedUnpaidOre: b.amountOre });
  });
});
