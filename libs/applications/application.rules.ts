import type { FieldError } from '../core/errors/problem.js';
import { type Ore } from '../core/money/money.js';
import { countOf, formatKroner, listOf } from '../core/format/danish.js';
import { addMonths, type CalendarDate } from '../core/time/calendar-date.js';
import { formatDateTime, wordsOf } from '../core/format/danish.js';
import { copenhagenDate } from '../core/time/copenhagen.js';

export interface ApplicationContent {
  purpose: string;
  activities: string[];
  requestedOre: Ore;
  themes: string[];
  plannedStart: string;
  plannedEnd: string;
}

export interface ProgrammeRules extends ProjectHorizon {
  minApplicationOre: Ore;
  themeKeys: string[];
}

/** What bounds a project's period: the programme's window and its longest period. */
export interface ProjectHorizon {
  maxProjectMonths: number;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
}

/** A project may start at most this long before the window opens … */
export const START_MONTHS_BEFORE_OPENING = 12;
/** … and at most this long after it closes. */
export const START_MONTHS_AFTER_CLOSING = 24;

/**
 * A period the programme can carry: starting within a year before the window opens and two years after
 * it closes, and no longer than the programme's longest period. `0001-01-01` to `9999-12-31` once made a
 * decision plan ten thousand reports while it held the budget lock. Field names are the caller's
 * (`plannedStart` on an application, `startDate` on a decision).
 */
export function periodProblems(
  start: CalendarDate,
  end: CalendarDate,
  horizon: ProjectHorizon,
  fields = { start: 'plannedStart', end: 'plannedEnd' },
): FieldError[] {
  const problems: FieldError[] = [];
  const earliest = addMonths(copenhagenDate(horizon.applicationOpensAt), -START_MONTHS_BEFORE_OPENING);
  const latest = addMonths(copenhagenDate(horizon.applicationClosesAt), START_MONTHS_AFTER_CLOSING);
  if (start < earliest || start > latest) problems.push({ field: fields.start, message: `skal ligge mellem ${earliest} og ${latest} for denne pulje` });
  if (end > start && end > addMonths(start, horizon.maxProjectMonths)) {
    problems.push({
      field: fields.end,
      message: `må højst ligge ${countOf(horizon.maxProjectMonths, 'måned', 'måneder')} efter ${fields.start} (puljens længste projektperiode)`,
    });
  }
  return problems;
}

/** Theme keys the programme does not have, and a planned end not after the planned start: wrong at any time. */
export function contentProblems(content: Pick<ApplicationContent, 'themes' | 'plannedStart' | 'plannedEnd'>, themeKeys: string[]): FieldError[] {
  const problems: FieldError[] = [];
  content.themes.forEach((theme, index) => {
    if (!themeKeys.includes(theme)) problems.push({ field: `themes[${index}]`, message: `er ikke et af puljens temaer (${themeKeys.join(', ')})` });
  });
  if (content.plannedEnd <= content.plannedStart) problems.push({ field: 'plannedEnd', message: 'skal ligge efter plannedStart' });
  return problems;
}

/** What keeps a draft from being submitted (the window aside): the programme's minimum, themes, dates. */
export function submissionProblems(content: ApplicationContent, programme: ProgrammeRules): FieldError[] {
  const problems = [
    ...substanceProblems(content),
    ...contentProblems(content, programme.themeKeys),
    ...periodProblems(content.plannedStart, content.plannedEnd, programme),
  ];
  if (content.requestedOre < programme.minApplicationOre) {
    problems.push({ field: 'requestedOre', message: `skal være mindst ${formatKroner(programme.minApplicationOre)}` });
  }
  if (content.themes.length === 0)
    problems.push({ field: 'themes', message: `skal nævne mindst ét af puljens temaer (${listOf(programme.themeKeys, 'eller')})` });
  return problems;
}

/** Null when `now` is inside the window (opening time included, closing time excluded), else why not. */
export function windowProblem(now: Date, programme: Pick<ProgrammeRules, 'applicationOpensAt' | 'applicationClosesAt'>): string | null {
  if (now < programme.applicationOpensAt) return `Puljen åbner for ansøgninger ${formatDateTime(programme.applicationOpensAt)}.`;
  if (now >= programme.applicationClosesAt) return `Ansøgningsfristen udløb ${formatDateTime(programme.applicationClosesAt)}.`;
  return null;
}

/** `ÆLD-2020` and 7 give `ÆLD-2020-0007`. */
export function caseNumber(programmeCode: string, sequence: number): string {
  return `${programmeCode}-${String(sequence).padStart(4, '0')}`;
}

/** A draft may be started before the window opens (to prepare), never once it has closed. */
export function draftWindowProblem(now: Date, programme: Pick<ProgrammeRules, 'applicationClosesAt'>): string | null {
  return now >= programme.applicationClosesAt
    ? `Puljen lukkede for ansøgninger ${formatDateTime(programme.applicationClosesAt)}; der kan ikke oprettes nye ansøgninger til den.`
    : null;
}

/** A purpose of at least a sentence: this many characters and words of two letters or more. */
export const PURPOSE_MIN_CHARACTERS = 30;
export const PURPOSE_MIN_WORDS = 5;

/** What makes a draft a real application: a purpose of at least a sentence and at least one activity. */
export function substanceProblems(content: { purpose: string; activities: string[] }): FieldError[] {
  const problems: FieldError[] = [];
  const purpose = content.purpose.trim();
  const words = wordsOf(purpose, 2);
  if (purpose.length < PURPOSE_MIN_CHARACTERS || words.length < PURPOSE_MIN_WORDS) {
    problems.push({ field: 'purpose', message: `skal beskrive projektets formål i mindst én sætning (mindst ${PURPOSE_MIN_WORDS} ord)` });
  }
  if (!content.activities.some((activity) => activity.trim().length > 0)) {
    problems.push({ field: 'activities', message: 'skal nævne mindst én aktivitet' });
  }
  return problems;
}
