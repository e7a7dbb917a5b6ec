import { ApplicationException } from '../../applications/application.exception.js';
import { APPLICATION_STATUSES } from '../../applications/application.lifecycle.js';
import { budgetMismatch } from '../../applications/application-structure.rules.js';
import { AssessmentException } from '../../assessments/assessment.exception.js';
import { AuthException } from '../../auth/auth.exception.js';
import { AWARD_STATUSES } from '../../awards/award.lifecycle.js';
import { DecisionException } from '../../decisions/decision.exception.js';
import { DocumentException } from '../../documents/document.exception.js';
import { ExtensionException } from '../../extensions/extension.exception.js';
import { EXTENSION_STATUSES } from '../../extensions/extension-request.lifecycle.js';
import { ProgrammeException } from '../../programmes/programme.exception.js';
import { REMINDER_STATUSES } from '../../reminders/reminder.entity.js';
import { ReminderException } from '../../reminders/reminder.exception.js';
import { ReportException } from '../../reports/report.exception.js';
import { REPORT_STATUSES } from '../../reports/report.lifecycle.js';
import { EdgeProblem, jsonBodyProblem } from '../http/edge-problems.js';
import { ExportBusyException } from '../http/export-streams.js';
import { kroner } from '../money/money.js';
import { InvalidCursorException } from '../pagination/page.js';
import { RateLimitException } from '../rate-limit/rate-limit.guard.js';
import { INSTALMENT_STATUSES } from '../../payments/instalment.lifecycle.js';
import { STATUS_LABELS, statusClause, statusLabel } from '../format/status-labels.js';
import { NotFoundDomainException } from './domain.exception.js';
import type { Problem } from './problem.js';
import { PROBLEM_TYPES } from './problem-types.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

/** Words of English sentences that no Danish text of ours holds. */
const ENGLISH =
  /\b(the|must|is|are|was|were|cannot|not|found|only|may|this|that|with|of|and|or|be|been|has|your|sign|already|should|than|would|exceeds?|applied|awarded|committed|invalid|required|unavailable)\b/i;

const FIELD_ERRORS = [{ field: 'plannedEnd', message: 'skal ligge efter plannedStart' }];

/** A sample of every exception factory the contexts have, with plausible arguments. */
const SAMPLES: Array<[string, { detail: string; extensions?: Record<string, unknown> }]> = [
  ['ApplicationException.illegalTransition', ApplicationException.illegalTransition('submitted', 'ændres')],
  ['ApplicationException.staleVersion', ApplicationException.staleVersion(2, 3)],
  ['ApplicationException.notOwner', ApplicationException.notOwner()],
  ['ApplicationException.invalid', ApplicationException.invalid(FIELD_ERRORS)],
  ['ApplicationException.submissionRules', ApplicationException.submissionRules([{ field: 'requestedOre', message: 'skal være mindst 5.000.000 kr.' }])],
  ['ApplicationException.notAParticipant', ApplicationException.notAParticipant('101')],
  ['ApplicationException.otherKommunesContact', ApplicationException.otherKommunesContact()],
  ['ApplicationException.contactNotEligible', ApplicationException.contactNotEligible('101')],
  ['ApplicationException.assigneeNotEligible', ApplicationException.assigneeNotEligible()],
  [
    'ApplicationException.budgetLinesMismatch',
    ApplicationException.budgetLinesMismatch(budgetMismatch([{ label: 'Løn', amountOre: kroner(2_400_000) }], kroner(2_500_000))!),
  ],
  ['ApplicationException.documentsMissing', ApplicationException.documentsMissing(['budget', 'signed_application'])],
  ['AssessmentException.notAssessor', AssessmentException.notAssessor()],
  ['AssessmentException.invalid', AssessmentException.invalid(FIELD_ERRORS)],
  ['AssessmentException.incomplete', AssessmentException.incomplete(['formaal', 'forankring'])],
  ['AssessmentException.recommendedAboveRequested', AssessmentException.recommendedAboveRequested()],
  ['AuthException.invalidCredentials', AuthException.invalidCredentials()],
  ['AuthException.invalidRefreshToken', AuthException.invalidRefreshToken()],
  ['AuthException.unauthenticated', AuthException.unauthenticated()],
  ['AuthException.forbidden', AuthException.forbidden()],
  ['AuthException.weakPassword', AuthException.weakPassword(['skal være mindst 12 tegn'])],
  ['AuthException.emailTaken', AuthException.emailTaken()],
  ['AuthException.invalidUser', AuthException.invalidUser('municipalityCode', 'er ikke en kommunekode')],
  ['AuthException.throttled', AuthException.throttled(10)],
  ['AuthException.selfChange', AuthException.selfChange()],
  ['AuthException.lastAdmin', AuthException.lastAdmin()],
  ['DecisionException.fourEyes', DecisionException.fourEyes()],
  ['DecisionException.invalid', DecisionException.invalid(FIELD_ERRORS)],
  ['DecisionException.amountAboveRequested', DecisionException.amountAboveRequested(kroner(5_000_000))],
  ['DecisionException.rationaleRequired', DecisionException.rationaleRequired()],
  ['ExtensionException.notOwner', ExtensionException.notOwner()],
  ['ExtensionException.exceedsMaximum', ExtensionException.exceedsMaximum(3, 1, 6)],
  ['ExtensionException.afterEndDate', ExtensionException.afterEndDate('2021-12-31')],
  ['ExtensionException.alreadyPending', ExtensionException.alreadyPending()],
  ['ExtensionException.invalid', ExtensionException.invalid('approvedMonths', 'skal udelades ved et afslag')],
  ['ExtensionException.rationaleRequired', ExtensionException.rationaleRequired()],
  ['ProgrammeException.codeTaken', ProgrammeException.codeTaken('ÆLD-2020')],
  ['ProgrammeException.invalid', ProgrammeException.invalid('deltaOre', 'må ikke være 0 kr.')],
  ['ProgrammeException.aboveCeiling', ProgrammeException.aboveCeiling(kroner(1_000_000_001))],
  ['ProgrammeException.budgetExceeded', ProgrammeException.budgetExceeded(kroner(6_000_000), kroner(5_000_000))],
  ['ReminderException.notFailed', ReminderException.notFailed('sent')],
  ['ReportException.notOwner', ReportException.notOwner()],
  ['DocumentException.unsupportedType', DocumentException.unsupportedType()],
  ['DocumentException.tooLarge', DocumentException.tooLarge()],
  ['DocumentException.notMultipart', DocumentException.notMultipart()],
  ['DocumentException.noFile', DocumentException.noFile()],
  ['DocumentException.empty', DocumentException.empty()],
  ['DocumentException.malformed', DocumentException.malformed()],
  ['DocumentException.locked', DocumentException.locked('report')],
  ['NotFoundDomainException', new NotFoundDomainException('Puljen', '7f3a9c21-4b6e-4d2a-9c1f-0e8b7a6d5c4b')],
  ['InvalidCursorException', new InvalidCursorException()],
  ['RateLimitException', new RateLimitException(30)],
  ['ExportBusyException', new ExportBusyException(5)],
];

const EDGE: Array<[string, Problem]> = [
  ...Object.entries(EdgeProblem).map(([name, make]) => [name, (make as (...args: unknown[]) => Problem)('x', ['GET', 'POST'])] as [string, Problem]),
  ['too-complex', jsonBodyProblem({ kind: 'too-complex', reason: 'mere end 64 felter' })],
  ['prototype-key', jsonBodyProblem({ kind: 'prototype-key', key: '__proto__' })],
];

/** Every text of a problem a person reads: its title, detail and field messages. */
function textsOf(problem: { title?: string; detail: string; errors?: Array<{ message: string }> }): string[] {
  return [problem.title ?? '', problem.detail, ...(problem.errors ?? []).map((error) => error.message)].filter((text) => text !== '');
}

describe('what a person reads in a problem is Danish', () => {
  it('gives every problem type of the registry a Danish title', () => {
    for (const [code, { title }] of Object.entries(PROBLEM_TYPES)) {
      expect([code, title]).toEqual([code, expect.stringMatching(/^[A-ZÆØÅ]/)]);
      expect(title).not.toMatch(ENGLISH);
    }
  });

  it.each(SAMPLES)('%s says it in Danish, with one full stop after kr.', (_name, exception) => {
    const filter = new ProblemDetailsFilter();
    const problem = filter.toProblem(exception);
    for (const text of textsOf(problem)) {
      expect(text).not.toMatch(ENGLISH);
      expect(text).not.toContain('kr..');
    }
    expect(problem.detail).toMatch(/[.!?]$/);
    for (const error of problem.errors ?? []) expect(error.message).toMatch(/^[a-zæøå0-9]/);
  });

  it.each(EDGE)('the edge’s %s says it in Danish', (_name, problem) => {
    for (const text of textsOf(problem)) expect(text).not.toMatch(ENGLISH);
  });

  it('writes counts and amounts the Danish way', () => {
    expect(ExtensionException.exceedsMaximum(1, 0, 6).detail).toBe(
      '1 måned ville overskride puljens grænse på 6 måneders COVID-19-forlængelse; der er 0 måneder tilbage.',
    );
    expect(ExtensionException.exceedsMaximum(2, 1, 1).detail).toContain('grænse på 1 måneds COVID-19-forlængelse; der er 1 måned tilbage.');
    expect(ProgrammeException.budgetExceeded(kroner(6_000_000), kroner(5_000_000)).detail).toBe(
      'Det kræver 6.000.000 kr., men puljen har 5.000.000 kr. tilbage: der mangler 1.000.000 kr. En administrator kan registrere en budgetregulering, der dækker det.',
    );
    expect(DecisionException.amountAboveRequested(kroner(5_000_000)).extensions.errors).toEqual([
      { field: 'amountOre', message: 'må højst være 5.000.000 kr. (det ansøgte beløb)' },
    ]);
  });

  it('ends a detail that lists field errors with one full stop, also after kr.', () => {
    expect(ApplicationException.submissionRules([{ field: 'requestedOre', message: 'skal være mindst 5.000.000 kr.' }]).detail).toBe(
      'Ansøgningen opfylder ikke puljens regler: requestedOre skal være mindst 5.000.000 kr.',
    );
    expect(ProgrammeException.invalid('deltaOre', 'må ikke være 0 kr.').detail).toBe('deltaOre må ikke være 0 kr.');
  });
});

describe('statuses in Danish', () => {
  it('has a Danish word for every status of every context', () => {
    for (const status of [
      ...APPLICATION_STATUSES,
      ...AWARD_STATUSES,
      ...EXTENSION_STATUSES,
      ...REPORT_STATUSES,
      ...REMINDER_STATUSES,
      ...INSTALMENT_STATUSES,
    ]) {
      expect(Object.hasOwn(STATUS_LABELS, status)).toBe(true);
      expect(statusLabel(status)).toMatch(/^[A-ZÆØÅ][a-zæøå ]+$/);
    }
  });

  it('says them as a list shows them and as a sentence takes them', () => {
    expect(statusLabel('in_assessment')).toBe('Under vurdering');
    expect(statusLabel('awarded')).toBe('Bevilget');
    expect(statusLabel('active')).toBe('Aktiv');
    expect(statusLabel('completed')).toBe('Afsluttet');
    expect(statusClause('submitted')).toBe('er indsendt');
    expect(statusClause('draft')).toBe('er en kladde');
    expect(statusClause('active', { neuter: true })).toBe('er aktivt');
    expect(statusLabel('something_new')).toBe('something_new');
  });
});
