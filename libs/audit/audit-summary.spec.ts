import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTIONS, type FixedAuditAction } from './audit-actions.js';
import { type SummarizedEvent, summarizeAuditEvent, type SummaryNames } from './audit-summary.js';

const REPORT_ID = '3f1c9a52-0b7e-4c55-9d0e-5a1b2c3d4e5f';
const USER_ID = '7d2e4f60-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const NAMES: SummaryNames = {
  people: new Map([[USER_ID, 'Mette Hansen']]),
  reports: new Map([[REPORT_ID, { kind: 'status', sequence: 1 }]]),
  kommuner: new Map([['706', 'Syddjurs Kommune']]),
};

/** Each action as the code records it (the shapes of `before` and `after` its service writes). */
const RECORDED: Record<FixedAuditAction, Partial<SummarizedEvent>> = {
  'application.created': { after: { title: 'Mere værdig hjemmepleje' } },
  'application.updated': { before: { title: 'A' }, after: { title: 'B' } },
  'application.submitted': { after: { status: 'submitted', caseNumber: 'ÆLD-2020-0007' } },
  'application.withdrawn': { before: { status: 'submitted' }, after: { status: 'withdrawn' } },
  'application.contact_changed': { after: { municipalityCode: '706', contactUserId: USER_ID, contactName: 'Mette Hansen' } },
  'application.assigned': { before: { assigneeId: null }, after: { assigneeId: USER_ID, assigneeName: 'Mette Hansen' } },
  'application.awarded': { after: { decision: { outcome: 'award', amountOre: '125000000', fullGrant: true } } },
  'application.rejected': { after: { decision: { outcome: 'reject', amountOre: null, fullGrant: false } } },
  'application.imported': { after: { caseNumber: 'ÆLD-2020-0001', amountOre: '110142600' } },
  'assessment.started': { after: { status: 'in_assessment' } },
  'assessment.updated': { after: { status: 'in_assessment' } },
  'assessment.handed_over': { after: { assessorId: USER_ID, assessorName: 'Mette Hansen' } },
  'assessment.completed': { after: { status: 'assessed' } },
  'award.completed': { entityType: 'award', after: { status: 'completed' } },
  'award.closed': { entityType: 'award', after: { status: 'closed', historical: true } },
  'award.instalments_planned': { entityType: 'award', after: { amountOre: '488442900', instalments: [{ sequence: 1 }, { sequence: 2 }, { sequence: 3 }] } },
  'instalment.ready': { entityType: 'instalment', before: { status: 'planned' }, after: { sequence: 1, amountOre: '244221450', status: 'ready' } },
  'instalment.approved': { entityType: 'instalment', before: { status: 'ready' }, after: { sequence: 1, amountOre: '244221450', status: 'approved' } },
  'instalment.paid': {
    entityType: 'instalment',
    before: { status: 'approved' },
    after: { sequence: 1, status: 'paid', paidOn: '2021-01-15', reference: 'NAV-1' },
  },
  'instalment.reduced': { entityType: 'instalment', before: { amountOre: '440570400' }, after: { sequence: 2, amountOre: '149287001', status: 'planned' } },
  'instalment.cancelled': { entityType: 'instalment', before: { status: 'planned' }, after: { sequence: 3, status: 'cancelled' } },
  'award.released': { entityType: 'award', after: { amountOre: '401425999', reason: 'final_accounts' } },
  'award.amended': { entityType: 'award_amendment', before: { amountOre: '1101426000' }, after: { kind: 'amount', version: 1, amountOre: '1201426000' } },
  'award.cancelled': { entityType: 'award_amendment', after: { status: 'cancelled', version: 2 } },
  'award.reopened': { entityType: 'award_amendment', after: { status: 'completed', version: 3 } },
  'instalment.resized': { entityType: 'instalment', before: { amountOre: '440570400' }, after: { sequence: 2, amountOre: '480570400', status: 'planned' } },
  'final_accounts.filed': { entityType: 'final_account', after: { filingNo: 1, spentOre: '700000001' } },
  'final_accounts.approved': { entityType: 'final_account', after: { status: 'approved', spentOre: '700000001' } },
  'final_accounts.returned': { entityType: 'final_account', after: { status: 'returned' } },
  'repayment.opened': { entityType: 'repayment', after: { amountOre: '91283400', dueDate: '2021-03-01' } },
  'repayment.settled': { entityType: 'repayment', before: { status: 'open' }, after: { status: 'settled', reference: 'NAV-9' } },
  'repayment.waived': { entityType: 'repayment', before: { status: 'open' }, after: { status: 'waived', automatic: true } },
  'report.submitted': { entityType: 'report', entityId: REPORT_ID, after: { submissionNo: 1 } },
  'report.approved': { entityType: 'report', entityId: REPORT_ID, after: { status: 'approved' } },
  'report.returned': { entityType: 'report', entityId: REPORT_ID, after: { status: 'returned' } },
  'extension.requested': { entityType: 'extension_request', after: { months: 3 } },
  'extension.approved': { entityType: 'extension_request', after: { approvedMonths: 3 } },
  'extension.rejected': { entityType: 'extension_request', after: { approvedMonths: null } },
  'extension.withdrawn': { entityType: 'extension_request', after: { status: 'withdrawn' } },
  'document.uploaded': { entityType: 'document', after: { journalNo: 'ÆLD-2020-0007-012' } },
  'document.deleted': { entityType: 'document', before: { journalNo: 'ÆLD-2020-0007-012' } },
  'reminder.resent': { entityType: 'reminder', after: { status: 'scheduled' } },
  'access_request.created': { entityType: 'access_request', after: { requester: 'Jens Journalist', dueDate: '2026-04-14' } },
  'access_request.completed': { entityType: 'access_request', after: { status: 'completed' } },
  'programme.created': { entityType: 'programme', after: { code: 'ÆLD-2020', name: 'Pulje til omsorg' } },
  'programme.updated': { entityType: 'programme', after: { name: 'Ny' } },
  'programme.budget_adjusted': { entityType: 'programme', after: { deltaOre: '-50000000' } },
  'user.created': { entityType: 'user', entityId: USER_ID, after: { name: 'Mette Hansen', role: 'caseworker' } },
  'user.updated': { entityType: 'user', entityId: USER_ID, before: { active: true }, after: { name: 'Mette Hansen', active: false } },
  'user.approved': { entityType: 'user', entityId: USER_ID, after: { name: 'Mette Hansen', role: 'caseworker' } },
  'user.unlocked': { entityType: 'user', entityId: USER_ID, after: { failedLoginCount: 0 } },
  'auth.login_succeeded': { entityType: 'user', entityId: USER_ID },
  'auth.login_failed': { entityType: 'user', entityId: USER_ID, after: { reason: 'wrong-password' } },
  'auth.login_throttled': { entityType: 'user', after: { reason: 'address-waiting' } },
  'auth.locked_out': { entityType: 'user', entityId: USER_ID },
  'auth.refresh_token_reused': { entityType: 'user', entityId: USER_ID },
  'auth.logged_out': { entityType: 'user', entityId: USER_ID, after: { sessions: 1 } },
};

const event = (action: string, recorded: Partial<SummarizedEvent> = {}): SummarizedEvent => ({
  action,
  entityType: 'application',
  entityId: null,
  before: null,
  after: null,
  ...recorded,
});

/** What a person reads: a sentence, capitalised, with no code (`application.awarded`, `in_assessment`) and no hole in it. */
function expectWords(summary: string, action: string): void {
  expect({ action, summary }).toEqual({ action, summary: expect.stringMatching(/^[A-ZÆØÅ]/) });
  expect({ action, summary }).toEqual({ action, summary: expect.not.stringMatching(/[a-z]\.[a-z]|[a-z]_[a-z]|undefined|null|NaN|\[object/) });
}

describe('the audit trail in words', () => {
  it.each(AUDIT_ACTIONS)('has words for %s, as recorded and when its values are missing', (action) => {
    expectWords(summarizeAuditEvent(event(action, RECORDED[action]), NAMES), action);
    expectWords(summarizeAuditEvent(event(action, { entityType: RECORDED[action].entityType })), action);
    expectWords(summarizeAuditEvent(event(action, { ...RECORDED[action], before: 'x', after: [1, 2] })), action);
  });

  it('says what happened with the names and amounts it recorded', () => {
    const say = (action: FixedAuditAction, recorded: Partial<SummarizedEvent> = RECORDED[action]) => summarizeAuditEvent(event(action, recorded), NAMES);
    expect(say('application.submitted')).toBe('Ansøgning indsendt');
    expect(say('assessment.completed')).toBe('Vurdering afsluttet');
    expect(say('assessment.handed_over')).toBe('Vurderingen overdraget til Mette Hansen');
    expect(say('application.assigned')).toBe('Sagen tildelt Mette Hansen');
    expect(say('application.assigned', { after: { assigneeId: null, assigneeName: null } })).toBe('Sagen frigivet: ingen sagsbehandler har den');
    expect(say('application.awarded')).toBe('Tilsagn givet: 1.250.000 kr.');
    expect(say('application.awarded', { after: { decision: { amountOre: '100000050', fullGrant: false } } })).toBe('Delvist tilsagn givet: 1.000.000,50 kr.');
    expect(say('application.rejected')).toBe('Ansøgningen afvist');
    expect(say('application.contact_changed')).toBe('Kontaktperson for Syddjurs Kommune ændret til Mette Hansen');
    expect(say('report.returned')).toBe('Statusrapport nr. 1 sendt retur');
    expect(say('report.submitted', { ...RECORDED['report.submitted'], after: { submissionNo: 2 } })).toBe('Statusrapport nr. 1 indsendt igen');
    expect(say('report.approved', { entityType: 'report', entityId: REPORT_ID })).toBe('Statusrapport nr. 1 godkendt');
    const final: SummaryNames = { ...NAMES, reports: new Map([[REPORT_ID, { kind: 'final', sequence: 1 }]]) };
    expect(summarizeAuditEvent(event('report.approved', RECORDED['report.approved']), final)).toBe('Slutrapporten godkendt');
    expect(say('extension.approved')).toBe('Forlængelse på 3 måneder godkendt');
    expect(say('extension.requested', { after: { months: 1 } })).toBe('Forlængelse på 1 måned ansøgt');
    expect(say('programme.budget_adjusted')).toBe('Puljens budget nedsat med 500.000 kr.');
    expect(say('programme.budget_adjusted', { after: { deltaOre: '100000000' } })).toBe('Puljens budget forhøjet med 1.000.000 kr.');
    expect(say('user.updated')).toBe('Brugeren Mette Hansen deaktiveret');
    expect(
      say('user.updated', {
        entityType: 'user',
        before: { role: 'project_lead' },
        after: { name: 'Mette Hansen', role: 'caseworker', awaitingApproval: true },
      }),
    ).toBe('Brugeren Mette Hansen har fået rollen sagsbehandler, der venter på godkendelse');
    expect(say('user.unlocked')).toBe('Ventetiden efter mislykkede log-ind ophævet for Mette Hansen');
    expect(say('auth.login_failed')).toBe('Log-ind mislykkedes: forkert adgangskode');
  });

  it('gives a queue dashboard action its words, and an action no longer written a neutral sentence, never the code', () => {
    expect(summarizeAuditEvent(event('queue.pause', { entityType: 'queue', entityId: 'reminders' }))).toBe('Jobkøen «reminders» sat på pause');
    expect(summarizeAuditEvent(event('queue.pause', { entityType: 'queue' }))).toBe('Alle jobkøer sat på pause');
    expectWords(summarizeAuditEvent(event('queue.something-new', { entityType: 'queue', entityId: 'reminders' })), 'queue.something-new');
    expect(summarizeAuditEvent(event('application.reopened'))).toBe('Ændring registreret på sagen');
    expectWords(summarizeAuditEvent(event('thing.done', { entityType: 'thing' })), 'thing.done');
  });

  /**
   * The compiler holds `AuditRecord.action` to AUDIT_ACTIONS; this reads the source as well, so an
   * action written around the type (a cast, a string built at run time) is caught too: every
   * `<entity>.<verb>` literal on a line that records an action must be one with words.
   */
  it('knows every action the code writes', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const sources = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? sources(join(dir, entry.name))
          : entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')
            ? [join(dir, entry.name)]
            : [],
      );
    const written = new Set<string>();
    for (const file of [...sources('libs'), ...sources('apps/api/src'), ...sources('apps/worker/src'), ...sources('seeds')]) {
      for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
        if (!/\baction\b|\bevent\(/.test(line)) continue;
        for (const [, literal] of line.matchAll(/'([a-z]+\.[a-z_]+)'/g)) written.add(literal);
      }
    }
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });
});
