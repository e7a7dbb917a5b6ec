import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { DanishCalendar } from '../core/time/danish-calendar.js';
import { type PlannerState, planReminders, reminderKey, remindersDigest } from './reminder-planner.js';

const calendar = new DanishCalendar();
const LONG_AGO = new Date('2000-01-01T00:00:00Z');
const award = { id: 'award-1', status: 'active', endDate: '2022-06-30', contactIds: ['lead'], assigneeId: null, responsibleCaseworkerId: 'caseworker' };
const state = (overrides: Partial<PlannerState>): PlannerState => ({
  awards: [award],
  reports: [],
  pendingExtensions: [],
  caseworkerIds: ['cw1', 'cw2'],
  ...overrides,
});
const report = (dueDate: string, status: 'due' | 'submitted' | 'approved' | 'returned' = 'due', submittedAt: Date | null = null) => ({
  id: 'report-1',
  awardId: 'award-1',
  dueDate,
  status,
  submittedAt,
});
const summary = (s: PlannerState, since = LONG_AGO) =>
  planReminders(s, calendar, since)
    .filter((r) => r.subjectType !== 'award')
    .map((r) => `${r.kind} → ${r.recipientId} at ${r.sendAt.toISOString()}`);

describe('the reminder planner', () => {
  it('reminds the project lead 14 and 3 days before and on the day, at 08:00 Copenhagen time', () => {
    // Due Thursday 2 December 2021 (winter time: 08:00 is 07:00 UTC).
    expect(summary(state({ reports: [report('2021-12-02')] })).slice(0, 3)).toEqual([
      'report_due_in_14_days → lead at 2021-11-18T07:00:00.000Z',
      'report_due_in_3_days → lead at 2021-11-29T07:00:00.000Z',
      'report_due_today → lead at 2021-12-02T07:00:00.000Z',
    ]);
  });

  it('keeps 08:00 Copenhagen time across daylight saving (summer: 06:00 UTC)', () => {
    const reminders = planReminders(state({ reports: [report('2021-06-17')] }), calendar, LONG_AGO);
    expect(reminders.find((r) => r.kind === 'report_due_today')?.sendAt.toISOString()).toBe('2021-06-17T06:00:00.000Z');
    // Due Monday 1 November 2021: 14 days before is in summer time (18 Oct), the day itself in winter time.
    const around = planReminders(state({ reports: [report('2021-11-01')] }), calendar, LONG_AGO);
    expect(around.find((r) => r.kind === 'report_due_in_14_days')?.sendAt.toISOString()).toBe('2021-10-18T06:00:00.000Z');
    expect(around.find((r) => r.kind === 'report_due_today')?.sendAt.toISOString()).toBe('2021-11-01T07:00:00.000Z');
  });

  it('moves an advance reminder that falls on a weekend or holiday to the working day before', () => {
    // Due Tuesday 6 April 2021, Easter week: 3 days before is Saturday 3 April → Wednesday 31 March.
    const reminders = planReminders(state({ reports: [report('2021-04-06')] }), calendar, LONG_AGO);
    expect(reminders.find((r) => r.kind === 'report_due_in_3_days')?.sendAt.toISOString()).toBe('2021-03-31T06:00:00.000Z');
    // Due on Saturday 5 June 2021 → the "on the day" reminder goes Friday 4 June.
    const saturday = planReminders(state({ reports: [report('2021-06-05')] }), calendar, LONG_AGO);
    expect(saturday.find((r) => r.kind === 'report_due_today')?.sendAt.toISOString()).toBe('2021-06-04T06:00:00.000Z');
  });

  it('then reminds weekly while overdue, three times at most, the caseworker too, moving forward past holidays', () => {
    // Due Friday 17 December 2021: +7 is Friday 24 Dec (closed) → Monday 27 Dec; +14 is 31 Dec (closed) → Monday 3 Jan.
    const overdue = planReminders(state({ reports: [report('2021-12-17')] }), calendar, LONG_AGO).filter((r) => r.kind === 'report_overdue');
    expect(overdue.map((r) => `${r.recipientId} ${r.dueDate} ${r.sendAt.toISOString()}`)).toEqual([
      'lead 2021-12-24 2021-12-27T07:00:00.000Z',
      'caseworker 2021-12-24 2021-12-27T07:00:00.000Z',
      'lead 2021-12-31 2022-01-03T07:00:00.000Z',
      'caseworker 2021-12-31 2022-01-03T07:00:00.000Z',
      'lead 2022-01-07 2022-01-07T07:00:00.000Z',
      'caseworker 2022-01-07 2022-01-07T07:00:00.000Z',
    ]);
  });

  it('plans nothing for a report once it is submitted or approved, except the review reminder', () => {
    expect(summary(state({ reports: [report('2021-12-02', 'approved')] }))).toEqual([]);
    const waiting = summary(state({ reports: [report('2021-12-02', 'submitted', new Date('2021-11-29T13:00:00Z'))] }));
    // Submitted Monday 29 Nov; ten working days pass by 13 Dec; the caseworkers are reminded on the 14th.
    expect(waiting).toEqual(['report_review_waiting → cw1 at 2021-12-14T07:00:00.000Z', 'report_review_waiting → cw2 at 2021-12-14T07:00:00.000Z']);
  });

  it('reminds the caseworkers of an extension request waiting more than 10 working days', () => {
    const reminders = summary(state({ pendingExtensions: [{ id: 'ext-1', awardId: 'award-1', requestedAt: new Date('2021-03-29T10:00:00Z') }] }));
    expect(reminders).toEqual(['extension_decision_waiting → cw1 at 2021-04-16T06:00:00.000Z', 'extension_decision_waiting → cw2 at 2021-04-16T06:00:00.000Z']);
  });

  it('sends waiting reminders to the assigned caseworker alone, when the case has one', () => {
    const assigned = state({ awards: [{ ...award, assigneeId: 'cw2', responsibleCaseworkerId: 'cw2' }] });
    const waitingReport = summary({ ...assigned, reports: [report('2021-12-02', 'submitted', new Date('2021-11-29T13:00:00Z'))] });
    expect(waitingReport).toEqual(['report_review_waiting → cw2 at 2021-12-14T07:00:00.000Z']);
    const waitingExtension = summary({ ...assigned, pendingExtensions: [{ id: 'ext-1', awardId: 'award-1', requestedAt: new Date('2021-03-29T10:00:00Z') }] });
    expect(waitingExtension).toEqual(['extension_decision_waiting → cw2 at 2021-04-16T06:00:00.000Z']);
  });

  it('reminds every contact of a joint case (lead and co-applicant kommuner) of its duties', () => {
    const joint = state({ awards: [{ ...award, contactIds: ['lead', 'co-lead'] }], reports: [report('2021-12-02')] });
    expect(summary(joint).filter((line) => line.startsWith('report_due_in_14_days'))).toEqual([
      'report_due_in_14_days → lead at 2021-11-18T07:00:00.000Z',
      'report_due_in_14_days → co-lead at 2021-11-18T07:00:00.000Z',
    ]);
    const ending = planReminders(joint, calendar, LONG_AGO).filter((r) => r.kind === 'award_ending_in_30_days');
    expect(ending.map((r) => r.recipientId)).toEqual(['lead', 'co-lead']);
  });

  it('reminds the project lead 30 days before the award ends, on a working day', () => {
    const ending = planReminders(state({}), calendar, LONG_AGO).filter((r) => r.kind === 'award_ending_in_30_days');
    // 30 June 2022 − 30 days = Tuesday 31 May 2022.
    expect(ending.map((r) => `${r.recipientId} ${r.dueDate} ${r.sendAt.toISOString()}`)).toEqual(['lead 2022-06-30 2022-05-31T06:00:00.000Z']);
  });

  it('plans nothing for an award that is no longer active', () => {
    expect(planReminders(state({ awards: [{ ...award, status: 'completed' }], reports: [report('2021-12-02')] }), calendar, LONG_AGO)).toEqual([]);
  });

  it('plans nothing for a closed award (a historical import), whatever its reports, extension requests and dates', () => {
    const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
    const anyReport = fc.record({
      id: fc.uuid(),
      awardId: fc.constant('award-1'),
      dueDate: day.map((date) => date.toISOString().slice(0, 10)),
      status: fc.constantFrom('due' as const, 'submitted' as const, 'approved' as const, 'returned' as const),
      submittedAt: fc.option(day, { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom('closed', 'completed', 'cancelled'),
        fc.array(anyReport, { maxLength: 6 }),
        fc.array(day, { maxLength: 2 }),
        day,
        (status, reports, requested, endDate) => {
          const closed = { ...award, status, endDate: endDate.toISOString().slice(0, 10) };
          const extensions = requested.map((requestedAt, i) => ({ id: `ext-${i}`, awardId: 'award-1', requestedAt }));
          expect(planReminders(state({ awards: [closed], reports, pendingExtensions: extensions }), calendar, LONG_AGO)).toEqual([]);
        },
      ),
    );
  });

  it('leaves out what should have been sent before `since`', () => {
    const since = new Date('2021-11-30T00:00:00Z');
    expect(summary(state({ reports: [report('2021-12-02')] }), since)[0]).toBe('report_due_today → lead at 2021-12-02T07:00:00.000Z');
  });

  it('gives every reminder a distinct key', () => {
    const reminders = planReminders(state({ reports: [report('2021-12-17')] }), calendar, LONG_AGO);
    expect(new Set(reminders.map(reminderKey)).size).toBe(reminders.length);
  });
});

describe('remindersDigest', () => {
  const a = 'u1|report_due_today|report|r1|2022-06-01';
  const b = 'u1|report_overdue|report|r1|2022-06-08';

  it('is the md5 of the keys in byte order, comma-separated, as Postgres computes it', () => {
    expect(remindersDigest([b, a])).toBe(createHash('md5').update(`${a},${b}`).digest('hex'));
  });

  it('does not depend on the order the planner produced the keys in, and is none for no keys', () => {
    expect(remindersDigest([a, b])).toBe(remindersDigest([b, a]));
    expect(remindersDigest([a])).not.toBe(remindersDigest([a, b]));
    expect(remindersDigest([])).toBeUndefined();
  });
});
