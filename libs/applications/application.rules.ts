import type { FieldError } from '../core/errors/problem.js';
import { formatKroner, type Ore } from '../core/money/money.js';
import { formatCopenhagenDateTime } from '../core/time/copenhagen.js';

export interface ApplicationContent {
  requestedOre: Ore;
  themes: string[];
  plannedStart: string;
  plannedEnd: string;
}

export interface ProgrammeRules {
  minApplicationOre: Ore;
  themeKeys: string[];
  applicationOpensAt: Date;
  applicationClosesAt: Date;
}

/** Theme keys the programme does not have, and a planned end not after the planned start: wrong at any time. */
export function contentProblems(content: Pick<ApplicationContent, 'themes' | 'plannedStart' | 'plannedEnd'>, themeKeys: string[]): FieldError[] {
  const problems: FieldError[] = [];
  content.themes.forEach((theme, index) => {
    if (!themeKeys.includes(theme)) problems.push({ field: `themes[${index}]`, message: `is not a theme of the programme (${themeKeys.join(', ')})` });
  });
  if (content.plannedEnd <= content.plannedStart) problems.push({ field: 'plannedEnd', message: 'must be after plannedStart' });
  return problems;
}

/** What keeps a draft from being submitted (the window aside): the programme's minimum, themes, dates. */
export function submissionProblems(content: ApplicationContent, programme: ProgrammeRules): FieldError[] {
  const problems = contentProblems(content, programme.themeKeys);
  if (content.requestedOre < programme.minApplicationOre) {
    problems.push({ field: 'requestedOre', message: `must be at least the programme's minimum of ${formatKroner(programme.minApplicationOre)}` });
  }
  if (content.themes.length === 0) problems.push({ field: 'themes', message: 'must name at least one of the programme’s themes' });
  return problems;
}

/** Null when `now` is inside the window (opening time included, closing time excluded), else why not. */
export function windowProblem(now: Date, programme: Pick<ProgrammeRules, 'applicationOpensAt' | 'applicationClosesAt'>): string | null {
  if (now < programme.applicationOpensAt) return `The programme opens for applications ${formatCopenhagenDateTime(programme.applicationOpensAt)}.`;
  if (now >= programme.applicationClosesAt) return `The programme closed for applications ${formatCopenhagenDateTime(programme.applicationClosesAt)}.`;
  return null;
}

/** `ÆLD-2020` and 7 give `ÆLD-2020-0007`. */
export function caseNumber(programmeCode: string, sequence: number): string {
  return `${programmeCode}-${String(sequence).padStart(4, '0')}`;
}
