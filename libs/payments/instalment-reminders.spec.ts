import fc from 'fast-check';
import { addDays } from '../core/time/calendar-date.js';
import { copenhagenDate } from '../core/time/copenhagen.js';
import { DanishCalendar } from '../core/time/danish-calendar.js';
import { reminderMessage } from '../reminders/reminder-messages.js';
import { APPROVAL_WORKING_DAYS, approvalDeadline } from './instalment-reminders.js';

describe('when a ready instalment is overdue for approval', () => {
  const calendar = new DanishCalendar();

  it('is due five working days after it became ready, across the weekend, and reminded at 08:00 the working day after', () => {
    // Ready Thursday 18 November 2021, 14:00 in Copenhagen: Fri, Mon, Tue, Wed, Thu.
    expect(approvalDeadline(new Date('2021-11-18T13:00:00Z'), calendar)).toEqual({
      dueDate: '2021-11-25',
      sendAt: new Date('2021-11-26T07:00:00Z'),
    });
  });

  it('counts no public holiday or closure day: ready before Christmas, due after it', () => {
    // Ready Monday 20 December 2021: Tue 21, Wed 22, Thu 23, (24 closed, weekend, 25–26 holidays) Mon 27, Tue 28.
    expect(approvalDeadline(new Date('2021-12-20T08:00:00Z'), calendar)).toEqual({
      dueDate: '2021-12-28',
      sendAt: new Date('2021-12-29T07:00:00Z'),
    });
    // Ready Maundy Thursday 2022 (14 April): Good Friday and Easter Monday are holidays; Tue 19 … Fri 22, Mon 25.
    expect(approvalDeadline(new Date('2022-04-14T08:00:00Z'), calendar).dueDate).toBe('2022-04-25');
  });

  it('takes the Copenhagen date of the moment it became ready, in summer time too', () => {
    // 23:30 UTC on Friday 1 July 2022 is 01:30 on Saturday 2 July in Copenhagen: counted from Saturday.
    expect(approvalDeadline(new Date('2022-07-01T23:30:00Z'), calendar).dueDate).toBe('2022-07-08');
    expect(approvalDeadline(new Date('2022-07-01T21:30:00Z'), calendar).dueDate).toBe('2022-07-08');
    // 21:30 UTC on Thursday 30 June is 23:30 on the Thursday: counted from Thursday.
    expect(approvalDeadline(new Date('2022-06-30T21:30:00Z'), calendar).dueDate).toBe('2022-07-07');
  });

  it('always falls on working days, with exactly five working days after the ready day up to the due date, and sends at 08:00 the next', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), (readyAt) => {
        const { dueDate, sendAt } = approvalDeadline(readyAt, calendar);
        const readyDay = copenhagenDate(readyAt);
        let working = 0;
        for (let day = addDays(readyDay, 1); day <= dueDate; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) working += 1;
        expect(working).toBe(APPROVAL_WORKING_DAYS);
        expect(calendar.isWorkingDay(dueDate)).toBe(true);
        const sendDay = copenhagenDate(sendAt);
        expect(sendDay > dueDate && calendar.isWorkingDay(sendDay)).toBe(true);
        for (let day = addDays(dueDate, 1); day < sendDay; day = addDays(day, 1)) expect(calendar.isWorkingDay(day)).toBe(false);
        expect(new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' }).format(sendAt)).toBe('08.00');
      }),
    );
  });
});

describe('the reminder of an instalment waiting for approval', () => {
  it('names the instalment, its amount, the case and the days, in Danish', () => {
    const message = reminderMessage('instalment_approval_waiting', '2021-11-25', {
      caseNumber: 'OMS-2026-0000042',
      projectTitle: 'Mere værdig hjemmepleje',
      municipalityName: 'Vejle Kommune',
      amountOre: 550_713_000n,
      instalmentSequence: 1,
      readyOn: '2021-11-18',
    });
    expect(message.title).toBe('Rate 1 for OMS-2026-0000042 venter på godkendelse');
    expect(message.body).toBe(
      'Rate 1 på 5.507.130 kr. for projektet «Mere værdig hjemmepleje» (OMS-2026-0000042, Vejle Kommune) blev klar til udbetaling 18. november 2021 ' +
        'og er ikke godkendt inden for 5 arbejdsdage (senest 25. november 2021). ' +
        'Raten godkendes af en anden sagsbehandler end den, der udløste den (firøjneprincippet).',
    );
  });
});
