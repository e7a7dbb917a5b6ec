import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '../../libs/core/time/clock.js';
import { ReminderReconciler } from '../../libs/reminders/reminder-reconciler.js';
import { givenAssessed, givenProgramme, reportBody } from '../support/grant-case.js';
import { type IsolatedServices, isolatedServices } from '../support/isolated-services.js';
import { listReminders } from '../support/reminders.js';
import type { TestSmtpServer } from '../support/smtp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestWorker, eventually } from '../support/test-worker.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

interface Instalment {
  id: string;
  sequence: number;
  amountOre: number;
  status: string;
}

/**
 * The reminders of the money after the award, end to end (the API, a worker and a real SMTP server on a
 * database and Redis database of their own): an instalment waiting for approval (to the case's
 * assignee), final accounts due (to the kommune's contacts) and a repayment claim overdue (to the
 * assignee), each planned in the transaction that sets its deadline and cancelled in the one that meets
 * it. The award is 11.014.260 kr. in 50/40/10 instalments: 5.507.130 kr., 4.405.704 kr. and 1.101.426 kr.
 */
describe('reminders of the money', () => {
  const clock = new ManualClock(new Date('2021-11-18T07:30:00Z'));
  const AWARD = 1_101_426_000;
  let services: IsolatedServices;
  let smtp: TestSmtpServer;
  let api: TestApp;
  let worker: INestApplicationContext;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let assessor: SignedInUser;
  let decider: SignedInUser;
  let reviewer: SignedInUser;
  let assignee: SignedInUser;
  let programmeId: string;

  beforeAll(async () => {
    // Sessions outlast the test clock's moves (it goes to Christmas and back).
    services = await isolatedServices('money_reminders', 9, { REMINDER_ATTEMPTS: '3', REMINDER_BACKOFF_MS: '50', SESSION_TTL_DAYS: '90' });
    smtp = services.smtp;
    api = await createTestApp({ env: services.env, clock });
    worker = await createTestWorker({ env: services.env, clock });
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '657');
    assessor = await signedInAs(api, 'caseworker');
    decider = await signedInAs(api, 'caseworker');
    reviewer = await signedInAs(api, 'caseworker');
    assignee = await signedInAs(api, 'caseworker');
    // Final accounts without an auditor's statement, and every claim kept (no waiver).
    programmeId = (
      await givenProgramme(api, admin, {
        applicationOpensAt: '2020-01-01T00:00',
        applicationClosesAt: '2030-01-01T00:00',
        auditorStatementThresholdOre: AWARD + 1,
        repaymentWaiverOre: 0,
      })
    ).id;
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await services.stop();
  });

  const reminders = (query: Record<string, string>) => listReminders(api, admin, query);
  const instalmentsOf = async (awardId: string): Promise<Instalment[]> =>
    (await api.http.get(`/api/v1/awards/${awardId}/instalments`).set(lead.bearer).expect(200)).body;
  const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(clock.now());

  /**
   * An award decided by `decider` now, its case assigned to `assignee` first unless `assigned` is false.
   * Its period is over by 2021, so every report can be submitted.
   */
  async function givenAwardOf(assigned = true) {
    const application = await givenAssessed(api, { lead, assessor }, programmeId);
    if (assigned) await api.http.post(`/api/v1/applications/${application.id}/assign`).set(admin.bearer).send({ assigneeId: assignee.user.id }).expect(200);
    const response = await api.http
      .post(`/api/v1/applications/${application.id}/decision`)
      .set(decider.bearer)
      .send({
        outcome: 'award',
        amountOre: application.requestedOre,
        rationale: 'Projektet bevilges fuldt ud.',
        startDate: '2020-06-01',
        endDate: '2021-06-30',
      })
      .expect(201);
    return response.body.award as { id: string; applicationId: string; caseNumber: string };
  }
  const reportsOf = async (awardId: string) =>
    (await api.http.get(`/api/v1/awards/${awardId}/reports`).set(lead.bearer).expect(200)).body as Array<{ id: string; kind: 'status' | 'final' }>;
  /** Submits and approves (reviewer) the award's reports of a kind. */
  async function approveReports(awardId: string, kind: 'status' | 'final') {
    for (const report of (await reportsOf(awardId)).filter((report) => report.kind === kind)) {
      await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
      await api.http.post(`/api/v1/reports/${report.id}/review`).set(reviewer.bearer).send({ outcome: 'approve', comment: 'Godkendt.' }).expect(200);
    }
  }
  const approve = (instalmentId: string, who: SignedInUser = assignee) =>
    api.http.post(`/api/v1/instalments/${instalmentId}/approve`).set(who.bearer).expect(200);
  const accountsBody = (spentOre: number) => ({
    spentOre,
    budgetLines: [
      { label: 'Løn', budgetOre: 800_000_000, spentOre: spentOre - 100_000_000 },
      { label: 'Kurser', budgetOre: 301_426_000, spentOre: 100_000_000 },
    ],
  });
  const file = (awardId: string, spentOre = 900_000_000) =>
    api.http.post(`/api/v1/awards/${awardId}/final-accounts`).set(lead.bearer).send(accountsBody(spentOre)).expect(201);
  const review = (id: string, outcome: 'approve' | 'return') =>
    api.http
      .post(`/api/v1/final-accounts/${id}/review`)
      .set(reviewer.bearer)
      .send({ outcome, comment: outcome === 'approve' ? 'Regnskabet er i orden.' : 'Lønudgifterne skal specificeres.' })
      .expect(200);

  describe('an instalment waiting for approval', () => {
    it('ready at the award: reminds the assignee five working days later across Christmas, at 08:00 the working day after; approving cancels it', async () => {
      // Monday 20 December 2021, 09:00 in Copenhagen: Tue 21, Wed 22, Thu 23, (24 closed, the weekend, 25–26 holidays) Mon 27, Tue 28.
      clock.set(new Date('2021-12-20T08:00:00Z'));
      const award = await givenAwardOf();
      const [first] = await instalmentsOf(award.id);
      expect(first.status).toBe('ready');
      const [waiting, ...more] = await reminders({ awardId: award.id, kind: 'instalment_approval_waiting' });
      expect(more).toEqual([]);
      expect(waiting).toMatchObject({
        recipientId: assignee.user.id,
        subjectType: 'instalment',
        subjectId: first.id,
        awardId: award.id,
        dueDate: '2021-12-28',
        sendAt: '2021-12-29T07:00:00.000Z',
        status: 'scheduled',
      });

      // The decider may not approve it (four eyes), and that changes nothing; the assignee may.
      await api.http.post(`/api/v1/instalments/${first.id}/approve`).set(decider.bearer).expect(403);
      expect((await reminders({ awardId: award.id, kind: 'instalment_approval_waiting' }))[0].status).toBe('scheduled');
      await approve(first.id);
      expect((await reminders({ awardId: award.id, kind: 'instalment_approval_waiting' })).map((r) => r.status)).toEqual(['cancelled']);
    });

    it('with nobody assigned, reminds every active caseworker but the one who made it ready', async () => {
      clock.set(new Date('2021-11-18T07:30:00Z'));
      const award = await givenAwardOf(false);
      const [first] = await instalmentsOf(award.id);
      const rows = await reminders({ awardId: award.id, kind: 'instalment_approval_waiting' });
      const caseworkers: Array<{ id: string }> = await services.scratch.dataSource.query(`SELECT id FROM app_user WHERE role = 'caseworker' AND active`);
      expect(rows.map((r) => r.recipientId).sort()).toEqual(
        caseworkers
          .map((row) => row.id)
          .filter((id) => id !== decider.user.id)
          .sort(),
      );
      expect(rows.every((r) => r.subjectId === first.id && r.dueDate === '2021-11-25' && r.status === 'scheduled')).toBe(true);
      // Approved by one of them: every one of the reminders goes.
      await approve(first.id, reviewer);
      expect((await reminders({ awardId: award.id, kind: 'instalment_approval_waiting', status: 'scheduled' })).length).toBe(0);
    });

    it('ready at the status report’s approval: reminded after the weekend, and sent then to the assignee by e-mail and inbox, naming the amount and the case', async () => {
      // Thursday 18 November 2021: Fri 19, Mon 22, Tue 23, Wed 24, Thu 25; sent Friday 26 November at 08:00.
      clock.set(new Date('2021-11-18T07:30:00Z'));
      const award = await givenAwardOf();
      await approveReports(award.id, 'status');
      const second = (await instalmentsOf(award.id)).find((instalment) => instalment.sequence === 2)!;
      expect(second.status).toBe('ready');
      const waiting = (await reminders({ awardId: award.id, kind: 'instalment_approval_waiting' })).find((r) => r.subjectId === second.id)!;
      expect(waiting).toMatchObject({ recipientId: assignee.user.id, dueDate: '2021-11-25', sendAt: '2021-11-26T07:00:00.000Z', status: 'scheduled' });

      // Friday 26 November, 08:00:01: the reconciler queues what is due, and the worker delivers it.
      clock.set(new Date('2021-11-26T07:00:01Z'));
      await worker.get(ReminderReconciler).reconcile(award.id);
      const sent = await eventually(async () =>
        (await reminders({ awardId: award.id, kind: 'instalment_approval_waiting' })).find((r) => r.id === waiting.id && r.status === 'sent'),
      );
      expect(sent.recipientId).toBe(assignee.user.id);
      const subject = `Rate 2 for ${award.caseNumber} venter på godkendelse`;
      const mails = smtp.to(assignee.email).filter((mail) => mail.messageId === `<reminder-${waiting.id}@tilskud>`);
      expect(mails.map((mail) => mail.subject)).toEqual([subject]);
      const inbox = (await api.http.get('/api/v1/notifications').query({ limit: 200 }).set(assignee.bearer).expect(200)).body.items as Array<{
        kind: string;
        subjectId: string;
        title: string;
        body: string;
        link: string;
      }>;
      const item = inbox.find((n) => n.kind === 'instalment_approval_waiting' && n.subjectId === second.id)!;
      expect(item).toMatchObject({ title: subject, link: `/sager/${award.applicationId}` });
      expect(item.body).toBe(
        `Rate 2 på 4.405.704 kr. for projektet «Mere værdig hjemmepleje» (${award.caseNumber}, Herning Kommune) blev klar til udbetaling 18. november 2021 ` +
          'og er ikke godkendt inden for 5 arbejdsdage (senest 25. november 2021). ' +
          'Raten godkendes af en anden sagsbehandler end den, der udløste den (firøjneprincippet).',
      );
      // The reviewer who approved the report is not reminded of what they may not approve.
      expect((await reminders({ awardId: award.id, kind: 'instalment_approval_waiting' })).map((r) => r.recipientId)).not.toContain(reviewer.user.id);
    });
  });

  describe('final accounts due', () => {
    it('are reminded 30 days after the final report’s approval, cancelled by filing, due again 30 days after a return, and cancelled again by the next filing', async () => {
      // Thursday 18 November 2021: due Saturday 18 December, reminded Monday 20 December at 08:00.
      clock.set(new Date('2021-11-18T07:30:00Z'));
      const award = await givenAwardOf();
      await approveReports(award.id, 'status');
      await approveReports(award.id, 'final');
      const due = () => reminders({ awardId: award.id, kind: 'final_accounts_due' });
      const [first, ...more] = await due();
      expect(more).toEqual([]);
      expect(first).toMatchObject({
        recipientId: lead.user.id,
        subjectType: 'award',
        subjectId: award.id,
        dueDate: '2021-12-18',
        sendAt: '2021-12-20T07:00:00.000Z',
        status: 'scheduled',
      });

      const filed = await file(award.id);
      expect((await due()).map((r) => r.status)).toEqual(['cancelled']);

      // Returned a week later, Thursday 25 November: due again Saturday 25 December, reminded Monday 27 December.
      clock.set(new Date('2021-11-25T09:00:00Z'));
      await review(filed.body.id, 'return');
      const afterReturn = await due();
      expect(afterReturn.map((r) => `${r.dueDate} ${r.sendAt} ${r.status} ${r.recipientId === lead.user.id}`)).toEqual([
        '2021-12-18 2021-12-20T07:00:00.000Z cancelled true',
        '2021-12-25 2021-12-27T07:00:00.000Z scheduled true',
      ]);

      // Filed and returned again the same day: the same deadline is set again, and its reminder comes back.
      const again = await file(award.id);
      expect((await due()).every((r) => r.status === 'cancelled')).toBe(true);
      await review(again.body.id, 'return');
      expect((await due()).map((r) => `${r.dueDate} ${r.status}`)).toEqual(['2021-12-18 cancelled', '2021-12-25 scheduled']);
      await file(award.id);
      expect((await due()).every((r) => r.status === 'cancelled')).toBe(true);
    });

    it('are not reminded of when filed before the final report’s approval, nor after a return before it', async () => {
      clock.set(new Date('2021-11-18T07:30:00Z'));
      const award = await givenAwardOf();
      await approveReports(award.id, 'status');
      const filed = await file(award.id);
      await review(filed.body.id, 'return');
      expect(await reminders({ awardId: award.id, kind: 'final_accounts_due' })).toEqual([]);
      await file(award.id);
      await approveReports(award.id, 'final');
      expect(await reminders({ awardId: award.id, kind: 'final_accounts_due' })).toEqual([]);
    });
  });

  describe('a repayment claim overdue', () => {
    /** An award whose first instalment (5.507.130 kr.) is paid, with final accounts of 4.000.000 kr. approved: a claim of 1.507.130 kr. */
    async function givenClaim() {
      const award = await givenAwardOf();
      const [first] = await instalmentsOf(award.id);
      await approve(first.id);
      await api.http.post(`/api/v1/payments/${first.id}/paid`).set(admin.bearer).send({ paidOn: today(), reference: 'NAV-1' }).expect(200);
      await approveReports(award.id, 'status');
      await approveReports(award.id, 'final');
      const filed = await file(award.id, 400_000_000);
      const approved = await review(filed.body.id, 'approve');
      const repayment = approved.body.settlement.repayment as { id: string; amountOre: number; dueDate: string; status: string };
      expect(repayment).toMatchObject({ amountOre: 150_713_000, status: 'open' });
      return { award, repayment };
    }

    it('is planned with the claim for the assignee, the working day after its due date; the instalments the settlement cancels stop waiting; settling cancels it', async () => {
      // Thursday 18 November 2021: due Saturday 18 December, reminded Monday 20 December at 08:00.
      clock.set(new Date('2021-11-18T07:30:00Z'));
      const { award, repayment } = await givenClaim();
      expect(repayment.dueDate).toBe('2021-12-18');
      const [overdue, ...more] = await reminders({ awardId: award.id, kind: 'repayment_overdue' });
      expect(more).toEqual([]);
      expect(overdue).toMatchObject({
        recipientId: assignee.user.id,
        subjectType: 'repayment',
        subjectId: repayment.id,
        dueDate: '2021-12-18',
        sendAt: '2021-12-20T07:00:00.000Z',
        status: 'scheduled',
      });
      // The second instalment was ready (and waiting) until the settlement cancelled it: spending below what was paid.
      const instalments = await instalmentsOf(award.id);
      expect(instalments.map((instalment) => instalment.status)).toEqual(['paid', 'cancelled', 'cancelled']);
      const waiting = await reminders({ awardId: award.id, kind: 'instalment_approval_waiting' });
      expect(waiting.map((r) => `${r.subjectId === instalments[1].id} ${r.status}`)).toEqual(['false cancelled', 'true cancelled']);

      await api.http.post(`/api/v1/repayments/${repayment.id}/settle`).set(reviewer.bearer).send({ settledOn: today(), reference: 'INDB-1' }).expect(200);
      expect((await reminders({ awardId: award.id, kind: 'repayment_overdue' })).map((r) => r.status)).toEqual(['cancelled']);
    });

    it('is cancelled when the claim is waived, and sent to the assignee when it is not, naming the amount', async () => {
      clock.set(new Date('2021-11-18T07:30:00Z'));
      const waived = await givenClaim();
      await api.http
        .post(`/api/v1/repayments/${waived.repayment.id}/waive`)
        .set(reviewer.bearer)
        .send({ reason: 'Kommunen har dokumenteret yderligere udgifter.' })
        .expect(200);
      expect((await reminders({ awardId: waived.award.id, kind: 'repayment_overdue' })).map((r) => r.status)).toEqual(['cancelled']);

      const open = await givenClaim();
      const [overdue] = await reminders({ awardId: open.award.id, kind: 'repayment_overdue' });
      clock.set(new Date('2021-12-20T07:00:01Z'));
      await worker.get(ReminderReconciler).reconcile(open.award.id);
      await eventually(async () => (await reminders({ awardId: open.award.id, kind: 'repayment_overdue' }))[0].status === 'sent');
      const [mail, ...others] = smtp.to(assignee.email).filter((m) => m.messageId === `<reminder-${overdue.id}@tilskud>`);
      expect(others).toEqual([]);
      expect(mail.subject).toBe(`Tilbagebetalingskravet for ${open.award.caseNumber} er ikke indbetalt`);
      const inbox = (await api.http.get('/api/v1/notifications').query({ limit: 200 }).set(assignee.bearer).expect(200)).body.items as Array<{
        kind: string;
        subjectId: string;
        body: string;
      }>;
      expect(inbox.find((n) => n.kind === 'repayment_overdue' && n.subjectId === open.repayment.id)?.body).toMatch(
        /^Tilbagebetalingskravet på 1\.507\.130 kr\. for projektet «Mere værdig hjemmepleje» \(.*Herning Kommune\) skulle have været indbetalt senest 18\. december 2021\./,
      );
    });
  });
});
