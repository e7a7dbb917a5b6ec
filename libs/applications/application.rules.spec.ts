import { kroner } from '../core/money/money.js';
import fc from 'fast-check';
import { addMonths } from '../core/time/calendar-date.js';
import {
  caseNumber,
  contentProblems,
  periodProblems,
  START_MONTHS_AFTER_CLOSING,
  START_MONTHS_BEFORE_OPENING,
  submissionProblems,
  substanceProblems,
  draftWindowProblem,
  windowProblem,
} from './application.rules.js';

const programme = {
  minApplicationOre: kroner(5_000_000),
  themeKeys: ['livskvalitet', 'paarorende'],
  applicationOpensAt: new Date('2020-08-24T22:00:00Z'),
  applicationClosesAt: new Date('2020-10-19T10:00:00Z'),
  maxProjectMonths: 60,
};
const content = {
  purpose: 'Projektets formål er at udvikle en hjemmepleje, hvor borgeren mødes med nærvær.',
  activities: ['Selvstyrende teams'],
  requestedOre: kroner(11_014_260),
  themes: ['livskvalitet'],
  plannedStart: '2021-01-01',
  plannedEnd: '2021-12-31',
};

describe('submission rules', () => {
  it('accept an application that meets them', () => {
    expect(submissionProblems(content, programme)).toEqual([]);
  });

  it('accept exactly the minimum and refuse one øre less', () => {
    expect(submissionProblems({ ...content, requestedOre: kroner(5_000_000) }, programme)).toEqual([]);
    expect(submissionProblems({ ...content, requestedOre: kroner(5_000_000) - 1n }, programme)).toEqual([
      { field: 'requestedOre', message: 'skal være mindst 5.000.000 kr.' },
    ]);
  });

  it('need a purpose of at least a sentence and at least one activity', () => {
    expect(submissionProblems({ ...content, purpose: 'Nærvær.', activities: [] }, programme)).toEqual([
      { field: 'purpose', message: 'skal beskrive projektets formål i mindst én sætning (mindst 5 ord)' },
      { field: 'activities', message: 'skal nævne mindst én aktivitet' },
    ]);
    expect(substanceProblems({ purpose: 'a b c d e f g h i j k l m n o p', activities: ['  '] }).map((p) => p.field)).toEqual(['purpose', 'activities']);
    expect(substanceProblems({ purpose: 'Vi vil give borgerne mere nærvær i plejen.', activities: ['Teams'] })).toEqual([]);
  });

  it('any purpose shorter than five words is refused, whatever its length', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zæøå]{2,30}$/), { minLength: 0, maxLength: 4 }), (words) => {
        expect(substanceProblems({ purpose: words.join(' '), activities: ['Teams'] }).map((p) => p.field)).toEqual(['purpose']);
      }),
      { seed: 20261204 },
    );
  });

  it('let a draft be started before the window opens, never after it has closed', () => {
    expect(draftWindowProblem(new Date('2020-01-01T00:00:00Z'), programme)).toBeNull();
    expect(draftWindowProblem(new Date('2020-10-19T09:59:59Z'), programme)).toBeNull();
    expect(draftWindowProblem(new Date('2020-10-19T10:00:00Z'), programme)).toBe(
      'Puljen lukkede for ansøgninger 19. oktober 2020 kl. 12.00; der kan ikke oprettes nye ansøgninger til den.',
    );
  });

  it('need at least one theme, and only the programme’s', () => {
    expect(submissionProblems({ ...content, themes: [] }, programme).map((p) => p.field)).toEqual(['themes']);
    expect(contentProblems({ ...content, themes: ['livskvalitet', 'sport'] }, programme.themeKeys).map((p) => p.field)).toEqual(['themes[1]']);
  });

  it('need the planned end after the planned start', () => {
    expect(contentProblems({ ...content, plannedEnd: '2021-01-01' }, programme.themeKeys)).toEqual([
      { field: 'plannedEnd', message: 'skal ligge efter plannedStart' },
    ]);
    expect(contentProblems({ ...content, plannedEnd: '2020-12-31' }, programme.themeKeys)).toHaveLength(1);
  });
});

describe('the application window', () => {
  it('is open from the opening time up to, not including, the deadline', () => {
    expect(windowProblem(new Date('2020-08-24T22:00:00Z'), programme)).toBeNull();
    expect(windowProblem(new Date('2020-10-19T09:59:59.999Z'), programme)).toBeNull();
  });

  it('is closed at the deadline, 19 October 2020 kl. 12.00, and says so in Copenhagen time', () => {
    expect(windowProblem(new Date('2020-10-19T10:00:00Z'), programme)).toBe('Ansøgningsfristen udløb 19. oktober 2020 kl. 12.00.');
  });

  it('is not open before the opening time', () => {
    expect(windowProblem(new Date('2020-08-24T21:59:59Z'), programme)).toMatch(/^Puljen åbner for ansøgninger 25\. august 2020 kl\. 00\.00/);
  });
});

describe('case numbers', () => {
  it('are the programme code and a four-digit number', () => {
    expect(caseNumber('ÆLD-2020', 7)).toBe('ÆLD-2020-0007');
    expect(caseNumber('ÆLD-2020', 12345)).toBe('ÆLD-2020-12345');
  });
});

describe('the project period', () => {
  it('accepts a period from a year before the window opens to two years after it closes, up to the longest period', () => {
    expect(periodProblems('2019-08-25', '2024-08-25', programme)).toEqual([]);
    expect(periodProblems('2022-10-19', '2027-10-19', programme)).toEqual([]);
  });

  it('refuses a start outside that horizon and an end past the longest period', () => {
    expect(periodProblems('2019-08-24', '2020-08-24', programme).map((p) => p.field)).toEqual(['plannedStart']);
    expect(periodProblems('2022-10-20', '2023-10-20', programme).map((p) => p.field)).toEqual(['plannedStart']);
    expect(periodProblems('2021-01-01', '2026-01-02', programme).map((p) => p.field)).toEqual(['plannedEnd']);
    expect(periodProblems('0001-01-01', '9999-12-31', programme, { start: 'startDate', end: 'endDate' }).map((p) => p.field)).toEqual(['startDate', 'endDate']);
  });

  it('is checked at submission too', () => {
    expect(submissionProblems({ ...content, plannedStart: '2021-01-01', plannedEnd: '2030-01-01' }, programme).map((p) => p.field)).toEqual(['plannedEnd']);
  });

  it('never accepts a period longer than the longest, or starting outside the horizon (property)', () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((days) => new Date(Date.UTC(2005, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 120 }), (start, end, maxProjectMonths) => {
        const horizon = { ...programme, maxProjectMonths };
        if (end <= start || periodProblems(start, end, horizon).length > 0) return;
        expect(end <= addMonths(start, maxProjectMonths)).toBe(true);
        expect(start >= addMonths('2020-08-25', -START_MONTHS_BEFORE_OPENING) && start <= addMonths('2020-10-19', START_MONTHS_AFTER_CLOSING)).toBe(true);
      }),
    );
  });
});
