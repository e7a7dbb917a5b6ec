import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from '../../libs/core/context/request-context.js';
import { registeredRoutes } from '../support/routes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { givenUser, type SignedInUser, signedInAs, signIn, TEST_PASSWORD } from '../support/users.js';
import {
  applicationBody,
  assessmentBody,
  givenAssessed,
  givenAward,
  givenDraft,
  givenProgramme,
  MIN_APPLICATION_ORE,
  givenSubmitted,
  programmeBody,
  reportBody,
} from '../support/grant-case.js';

/** The fixtures' awards are the smallest an application may ask for: the matrix makes one per route and role, within one budget. */
const SMALL_GRANT = { requestedOre: MIN_APPLICATION_ORE };
/** Final accounts spending all of such a grant (the matrix's programme asks no auditor's statement). */
const FINAL_ACCOUNTS = { spentOre: MIN_APPLICATION_ORE, budgetLines: [{ label: 'Løn', budgetOre: MIN_APPLICATION_ORE, spentOre: MIN_APPLICATION_ORE }] };

/**
 * Who may call what: one row per route the API registers, one column per kind of caller. A route
 * missing from the table fails the last test, so every new endpoint must declare its access here.
 *
 *   number     the exact status expected
 *   'allowed'  the call gets through (not 401, 403 or 404; never 5xx)
 */
type Expectation = number | 'allowed';
type Caller = 'anonymous' | Role | 'other_kommune';
const CALLERS: Caller[] = ['anonymous', 'project_lead', 'other_kommune', 'caseworker', 'admin'];

interface Fixture {
  targetUserId: string;
  /** The project lead whose kommune's cases these are, and a caseworker: people a case can name. */
  ownerId: string;
  caseworkerId: string;
  /** Another caseworker, who has no part in the fixture's cases. */
  otherCaseworkerId: string;
  programmeId: string;
  /** A fresh sign-in of the caller (so logging out in one check cannot spoil another). */
  tokens: { accessToken: string; refreshToken: string } | null;
  loginBody: { email: string; password: string };
  /** Cases of the project_lead column's kommune (851), made fresh for each check in the state it needs. */
  draft(): Promise<{ id: string }>;
  submitted(): Promise<{ id: string }>;
  /** In assessment, by the caller when the caller is a caseworker (only the author may complete it). */
  inAssessment(): Promise<{ id: string }>;
  assessed(): Promise<{ id: string }>;
  award(): Promise<{ id: string; applicationId: string }>;
  /** The first instalment of a fresh award: ready, made so by the decider (not the caller). */
  instalment(): Promise<{ id: string }>;
  /** Final accounts filed (submitted) on a fresh award by its kommune. */
  finalAccount(): Promise<{ id: string }>;
  /** An open repayment claim: a fresh award's first instalment paid, final accounts approved below it. */
  repayment(): Promise<{ id: string }>;
  /** A reminder in the outbox (a receipt's e-mail). */
  reminder(): Promise<{ id: string }>;
  /** A pending extension request on a fresh award. */
  extensionRequest(): Promise<{ id: string }>;
  /** A report of a fresh award: due, or submitted (ready for review). */
  report(state: 'due' | 'submitted'): Promise<{ id: string }>;
  /** A PDF uploaded by the owner to a fresh draft or submitted application. */
  document(state: 'draft' | 'submitted'): Promise<{ id: string; applicationId: string }>;
  /** A notification in the caller's own inbox (someone else's for the anonymous caller). */
  ownNotification(): Promise<{ id: string }>;
  /** An open access request (aktindsigt) on a fresh submitted case. */
  accessRequest(): Promise<{ id: string }>;
}

interface Row {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  request: (fixture: Fixture) => { url: string; body?: object } | Promise<{ url: string; body?: object }>;
  expect: Record<Caller, Expectation>;
}

/** An award period around the real today, so extension requests are still possible. */
const CURRENT_PERIOD = { startDate: '2026-01-01', endDate: '2030-12-31' };

const PUBLIC = { anonymous: 'allowed', project_lead: 'allowed', other_kommune: 'allowed', caseworker: 'allowed', admin: 'allowed' } as const;
const SIGNED_IN = { anonymous: 401, project_lead: 'allowed', other_kommune: 'allowed', caseworker: 'allowed', admin: 'allowed' } as const;
const ADMIN_ONLY = { anonymous: 401, project_lead: 403, other_kommune: 403, caseworker: 403, admin: 'allowed' } as const;
const STAFF = { anonymous: 401, project_lead: 403, other_kommune: 403, caseworker: 'allowed', admin: 'allowed' } as const;
const CASEWORKER_ONLY = { anonymous: 401, project_lead: 403, other_kommune: 403, caseworker: 'allowed', admin: 403 } as const;
/** Any signed-in user, but a project lead only for their own kommune's case (another kommune's: 404). */
const SCOPED = { anonymous: 401, project_lead: 'allowed', other_kommune: 404, caseworker: 'allowed', admin: 'allowed' } as const;
/** The owning kommune's project lead only. */
const OWNER = { anonymous: 401, project_lead: 'allowed', other_kommune: 404, caseworker: 403, admin: 403 } as const;

/**
 * The upload (multipart, which this table does not send): the JSON body is refused (415) once the caller
 * is known; another kommune's 404 is in documents.e2e-spec.ts.
 */
const UPLOADERS = { anonymous: 401, project_lead: 'allowed', other_kommune: 'allowed', caseworker: 'allowed', admin: 403 } as const;

const MATRIX: Row[] = [
  { method: 'get', path: '/api/v1/health', request: () => ({ url: '/api/v1/health' }), expect: PUBLIC },
  { method: 'post', path: '/api/v1/auth/login', request: (f) => ({ url: '/api/v1/auth/login', body: f.loginBody }), expect: PUBLIC },
  {
    method: 'post',
    path: '/api/v1/auth/refresh',
    request: (f) => ({ url: '/api/v1/auth/refresh', body: { refreshToken: f.tokens?.refreshToken ?? 'none' } }),
    expect: { ...PUBLIC, anonymous: 401 },
  },
  {
    method: 'post',
    path: '/api/v1/auth/logout',
    request: (f) => ({ url: '/api/v1/auth/logout', body: { refreshToken: f.tokens?.refreshToken ?? 'none' } }),
    expect: SIGNED_IN,
  },
  { method: 'get', path: '/api/v1/auth/me', request: () => ({ url: '/api/v1/auth/me' }), expect: SIGNED_IN },
  { method: 'get', path: '/api/v1/municipalities', request: () => ({ url: '/api/v1/municipalities' }), expect: SIGNED_IN },
  {
    method: 'post',
    path: '/api/v1/users',
    request: () => ({
      url: '/api/v1/users',
      body: { email: `matrix-${crypto.randomUUID()}@test.tilskud.dk`, name: 'M', role: 'caseworker', password: TEST_PASSWORD },
    }),
    expect: ADMIN_ONLY,
  },
  { method: 'get', path: '/api/v1/users', request: () => ({ url: '/api/v1/users' }), expect: ADMIN_ONLY },
  { method: 'get', path: '/api/v1/users/caseworkers', request: () => ({ url: '/api/v1/users/caseworkers' }), expect: STAFF },
  { method: 'get', path: '/api/v1/users/project-leads', request: () => ({ url: '/api/v1/users/project-leads?municipalityCode=706' }), expect: STAFF },
  { method: 'patch', path: '/api/v1/users/:id', request: (f) => ({ url: `/api/v1/users/${f.targetUserId}`, body: { name: 'Omdøbt' } }), expect: ADMIN_ONLY },
  // The target awaits no approval: an admin gets 409 (allowed through), everyone else is stopped before.
  { method: 'post', path: '/api/v1/users/:id/approve', request: (f) => ({ url: `/api/v1/users/${f.targetUserId}/approve` }), expect: ADMIN_ONLY },
  { method: 'post', path: '/api/v1/users/:id/unlock', request: (f) => ({ url: `/api/v1/users/${f.targetUserId}/unlock` }), expect: ADMIN_ONLY },
  { method: 'get', path: '/api/v1/audit-events', request: () => ({ url: '/api/v1/audit-events' }), expect: ADMIN_ONLY },
  { method: 'get', path: '/api/v1/audit-events/verify', request: () => ({ url: '/api/v1/audit-events/verify' }), expect: ADMIN_ONLY },
  { method: 'get', path: '/api/v1/audit-events/head', request: () => ({ url: '/api/v1/audit-events/head' }), expect: ADMIN_ONLY },

  { method: 'post', path: '/api/v1/programmes', request: () => ({ url: '/api/v1/programmes', body: programmeBody() }), expect: ADMIN_ONLY },
  { method: 'get', path: '/api/v1/programmes', request: () => ({ url: '/api/v1/programmes' }), expect: SIGNED_IN },
  { method: 'get', path: '/api/v1/programmes/:id', request: (f) => ({ url: `/api/v1/programmes/${f.programmeId}` }), expect: SIGNED_IN },
  {
    method: 'post',
    path: '/api/v1/programmes/:id/budget-adjustments',
    request: (f) => ({ url: `/api/v1/programmes/${f.programmeId}/budget-adjustments`, body: { deltaOre: 100, reason: 'Adgangstest af budgetjustering' } }),
    expect: ADMIN_ONLY,
  },
  {
    method: 'patch',
    path: '/api/v1/programmes/:id',
    request: (f) => ({ url: `/api/v1/programmes/${f.programmeId}`, body: { description: 'Adgangstest af ændring af puljen' } }),
    expect: ADMIN_ONLY,
  },
  { method: 'get', path: '/api/v1/programmes/:id/ledger', request: (f) => ({ url: `/api/v1/programmes/${f.programmeId}/ledger` }), expect: STAFF },

  {
    method: 'post',
    path: '/api/v1/applications',
    request: (f) => ({ url: '/api/v1/applications', body: applicationBody(f.programmeId) }),
    expect: { anonymous: 401, project_lead: 'allowed', other_kommune: 'allowed', caseworker: 403, admin: 403 },
  },
  { method: 'get', path: '/api/v1/applications', request: () => ({ url: '/api/v1/applications' }), expect: SIGNED_IN },
  { method: 'get', path: '/api/v1/applications/:id', request: async (f) => ({ url: `/api/v1/applications/${(await f.submitted()).id}` }), expect: SCOPED },
  {
    method: 'patch',
    path: '/api/v1/applications/:id',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.draft()).id}`, body: { version: 1, title: 'Ny titel' } }),
    expect: OWNER,
  },
  {
    method: 'post',
    path: '/api/v1/applications/:id/submit',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.draft()).id}/submit` }),
    expect: OWNER,
  },
  {
    method: 'post',
    path: '/api/v1/applications/:id/withdraw',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.draft()).id}/withdraw` }),
    expect: OWNER,
  },
  {
    method: 'get',
    path: '/api/v1/applications/:id/assessment',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.assessed()).id}/assessment` }),
    expect: STAFF,
  },
  {
    method: 'put',
    path: '/api/v1/applications/:id/assessment',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.submitted()).id}/assessment`, body: assessmentBody() }),
    expect: CASEWORKER_ONLY,
  },
  {
    method: 'post',
    path: '/api/v1/applications/:id/assessment/complete',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.inAssessment()).id}/assessment/complete` }),
    expect: CASEWORKER_ONLY,
  },
  {
    method: 'post',
    path: '/api/v1/applications/:id/assessment/handover',
    request: async (f) => ({
      url: `/api/v1/applications/${(await f.inAssessment()).id}/assessment/handover`,
      body: { assessorId: f.otherCaseworkerId, reason: 'Adgangstest af overdragelse' },
    }),
    expect: STAFF,
  },
  {
    method: 'patch',
    path: '/api/v1/applications/:id/contact',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.submitted()).id}/contact`, body: { contactUserId: f.ownerId } }),
    expect: SCOPED,
  },
  {
    method: 'post',
    path: '/api/v1/applications/:id/assign',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.submitted()).id}/assign`, body: { assigneeId: f.caseworkerId } }),
    expect: STAFF,
  },
  {
    method: 'get',
    path: '/api/v1/applications/:id/versions',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.submitted()).id}/versions` }),
    expect: SCOPED,
  },
  {
    method: 'get',
    path: '/api/v1/applications/:id/events',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.submitted()).id}/events` }),
    expect: STAFF,
  },
  {
    method: 'get',
    path: '/api/v1/applications/:id/receipt.pdf',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.submitted()).id}/receipt.pdf` }),
    expect: SCOPED,
  },
  {
    method: 'get',
    path: '/api/v1/applications/:id/decision',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.award()).applicationId}/decision` }),
    expect: SCOPED,
  },
  {
    method: 'post',
    path: '/api/v1/documents',
    request: async (f) => ({ url: '/api/v1/documents', body: { subjectType: 'application', subjectId: (await f.submitted()).id, kind: 'budget' } }),
    expect: UPLOADERS,
  },
  { method: 'get', path: '/api/v1/documents/:id', request: async (f) => ({ url: `/api/v1/documents/${(await f.document('submitted')).id}` }), expect: SCOPED },
  {
    method: 'get',
    path: '/api/v1/documents/:id/content',
    request: async (f) => ({ url: `/api/v1/documents/${(await f.document('submitted')).id}/content` }),
    expect: SCOPED,
  },
  {
    method: 'get',
    path: '/api/v1/applications/:id/documents',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.submitted()).id}/documents` }),
    expect: SCOPED,
  },
  {
    method: 'get',
    path: '/api/v1/applications/:id/case-file.zip',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.document('submitted')).applicationId}/case-file.zip` }),
    expect: SCOPED,
  },
  // A draft's document: the ministry does not see a draft (404), an admin does not delete (403).
  {
    method: 'delete',
    path: '/api/v1/documents/:id',
    request: async (f) => ({ url: `/api/v1/documents/${(await f.document('draft')).id}` }),
    expect: { anonymous: 401, project_lead: 'allowed', other_kommune: 404, caseworker: 404, admin: 403 },
  },
  {
    method: 'get',
    path: '/api/v1/applications/:id/decision/letter.pdf',
    request: async (f) => ({ url: `/api/v1/applications/${(await f.award()).applicationId}/decision/letter.pdf` }),
    expect: SCOPED,
  },
  {
    method: 'post',
    path: '/api/v1/applications/:id/decision',
    request: async (f) => ({
      url: `/api/v1/applications/${(await f.assessed()).id}/decision`,
      body: { outcome: 'award', amountOre: 1_101_426_000, rationale: 'Fuld bevilling.' },
    }),
    expect: CASEWORKER_ONLY,
  },

  {
    method: 'post',
    path: '/api/v1/applications/:id/decision/preview',
    request: async (f) => ({
      url: `/api/v1/applications/${(await f.assessed()).id}/decision/preview`,
      body: { outcome: 'award', amountOre: 1_101_426_000, rationale: 'Fuld bevilling.' },
    }),
    expect: CASEWORKER_ONLY,
  },

  { method: 'get', path: '/api/v1/awards', request: () => ({ url: '/api/v1/awards' }), expect: SIGNED_IN },
  { method: 'get', path: '/api/v1/awards/:id', request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}` }), expect: SCOPED },
  {
    method: 'post',
    path: '/api/v1/awards/:id/extension-requests',
    request: async (f) => ({
      url: `/api/v1/awards/${(await f.award()).id}/extension-requests`,
      body: { months: 2, reason: 'covid19', justification: 'Nedlukning.' },
    }),
    expect: OWNER,
  },
  {
    method: 'get',
    path: '/api/v1/awards/:id/extension-requests',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/extension-requests` }),
    expect: SCOPED,
  },
  { method: 'get', path: '/api/v1/extension-requests', request: () => ({ url: '/api/v1/extension-requests' }), expect: SIGNED_IN },
  {
    method: 'post',
    path: '/api/v1/extension-requests/:id/decision',
    request: async (f) => ({
      url: `/api/v1/extension-requests/${(await f.extensionRequest()).id}/decision`,
      body: { outcome: 'approve', rationale: 'Godkendt som ansøgt.' },
    }),
    expect: CASEWORKER_ONLY,
  },
  {
    method: 'post',
    path: '/api/v1/extension-requests/:id/withdraw',
    request: async (f) => ({ url: `/api/v1/extension-requests/${(await f.extensionRequest()).id}/withdraw` }),
    expect: { ...OWNER, project_lead: 200 },
  },
  { method: 'get', path: '/api/v1/awards/:id/reports', request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/reports` }), expect: SCOPED },
  { method: 'get', path: '/api/v1/reports', request: () => ({ url: '/api/v1/reports' }), expect: SIGNED_IN },
  { method: 'get', path: '/api/v1/reports/:id', request: async (f) => ({ url: `/api/v1/reports/${(await f.report('due')).id}` }), expect: SCOPED },
  {
    method: 'post',
    path: '/api/v1/reports/:id/submit',
    request: async (f) => ({ url: `/api/v1/reports/${(await f.report('due')).id}/submit`, body: reportBody() }),
    expect: OWNER,
  },
  {
    method: 'post',
    path: '/api/v1/reports/:id/review',
    request: async (f) => ({ url: `/api/v1/reports/${(await f.report('submitted')).id}/review`, body: { outcome: 'approve', comment: 'Godkendt.' } }),
    expect: CASEWORKER_ONLY,
  },

  {
    method: 'get',
    path: '/api/v1/awards/:id/instalments',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/instalments` }),
    expect: SCOPED,
  },
  {
    method: 'get',
    path: '/api/v1/awards/:id/payments',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/payments` }),
    expect: SCOPED,
  },
  { method: 'get', path: '/api/v1/instalments', request: () => ({ url: '/api/v1/instalments?status=ready' }), expect: STAFF },
  { method: 'get', path: '/api/v1/payments', request: () => ({ url: '/api/v1/payments?status=ready' }), expect: STAFF },
  // The award's first instalment, ready since the award (decided by someone other than the caller).
  {
    method: 'post',
    path: '/api/v1/instalments/:id/approve',
    request: async (f) => ({ url: `/api/v1/instalments/${(await f.instalment()).id}/approve` }),
    expect: CASEWORKER_ONLY,
  },
  {
    method: 'post',
    path: '/api/v1/payments/:id/approve',
    request: async (f) => ({ url: `/api/v1/payments/${(await f.instalment()).id}/approve` }),
    expect: CASEWORKER_ONLY,
  },
  {
    method: 'post',
    path: '/api/v1/payments/:id/paid',
    request: async (f) => ({ url: `/api/v1/payments/${(await f.instalment()).id}/paid`, body: { paidOn: '2026-01-15', reference: 'NAV-1' } }),
    expect: ADMIN_ONLY,
  },
  {
    method: 'post',
    path: '/api/v1/instalments/:id/paid',
    request: async (f) => ({ url: `/api/v1/instalments/${(await f.instalment()).id}/paid`, body: { paidOn: '2026-01-15', reference: 'NAV-1' } }),
    expect: ADMIN_ONLY,
  },
  { method: 'get', path: '/api/v1/worklist/counts', request: () => ({ url: '/api/v1/worklist/counts' }), expect: STAFF },
  {
    method: 'post',
    path: '/api/v1/awards/:id/final-accounts',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/final-accounts`, body: FINAL_ACCOUNTS }),
    expect: OWNER,
  },
  {
    method: 'get',
    path: '/api/v1/awards/:id/final-accounts',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/final-accounts` }),
    expect: SCOPED,
  },
  {
    method: 'post',
    path: '/api/v1/final-accounts/:id/review',
    request: async (f) => ({ url: `/api/v1/final-accounts/${(await f.finalAccount()).id}/review`, body: { outcome: 'return', comment: 'Specificér lønnen.' } }),
    expect: CASEWORKER_ONLY,
  },
  { method: 'get', path: '/api/v1/repayments', request: () => ({ url: '/api/v1/repayments?status=open' }), expect: STAFF },
  // The claims of one award: its kommune sees them (another kommune gets 404), as do the ministry's staff.
  {
    method: 'get',
    path: '/api/v1/awards/:id/repayments',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/repayments` }),
    expect: SCOPED,
  },
  { method: 'get', path: '/api/v1/final-accounts', request: () => ({ url: '/api/v1/final-accounts?status=submitted' }), expect: STAFF },
  {
    method: 'post',
    path: '/api/v1/repayments/:id/settle',
    request: async (f) => ({ url: `/api/v1/repayments/${(await f.repayment()).id}/settle`, body: { settledOn: '2026-01-15', reference: 'NAV-TB-1' } }),
    expect: STAFF,
  },
  {
    method: 'post',
    path: '/api/v1/repayments/:id/waive',
    request: async (f) => ({ url: `/api/v1/repayments/${(await f.repayment()).id}/waive`, body: { reason: 'Dokumenteret brugt i projektet.' } }),
    expect: STAFF,
  },
  {
    method: 'get',
    path: '/api/v1/awards/:id/closeout',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/closeout` }),
    expect: SCOPED,
  },
  {
    method: 'get',
    path: '/api/v1/awards/:id/amendments',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/amendments` }),
    expect: SCOPED,
  },
  // Without a rationale (422 for the caseworker, who gets through): the shared award is not changed.
  {
    method: 'post',
    path: '/api/v1/awards/:id/amendments',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/amendments`, body: { kind: 'amount', amountOre: 100 } }),
    expect: CASEWORKER_ONLY,
  },
  {
    method: 'post',
    path: '/api/v1/awards/:id/cancel',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/cancel`, body: {} }),
    expect: CASEWORKER_ONLY,
  },
  {
    method: 'post',
    path: '/api/v1/awards/:id/reopen',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/reopen`, body: {} }),
    expect: CASEWORKER_ONLY,
  },
  // Not closable (its reports are due): 409 for the caseworker, who gets through.
  {
    method: 'post',
    path: '/api/v1/awards/:id/close',
    request: async (f) => ({ url: `/api/v1/awards/${(await f.award()).id}/close` }),
    expect: CASEWORKER_ONLY,
  },

  {
    method: 'post',
    path: '/api/v1/access-requests',
    request: async (f) => ({
      url: '/api/v1/access-requests',
      body: { applicationId: (await f.submitted()).id, requester: 'Jens Journalist', kind: 'aktindsigt', receivedOn: '2026-01-05' },
    }),
    expect: STAFF,
  },
  { method: 'get', path: '/api/v1/access-requests', request: () => ({ url: '/api/v1/access-requests' }), expect: STAFF },
  {
    method: 'post',
    path: '/api/v1/access-requests/:id/complete',
    request: async (f) => ({ url: `/api/v1/access-requests/${(await f.accessRequest()).id}/complete`, body: { note: 'Aktindsigt givet.' } }),
    expect: CASEWORKER_ONLY,
  },

  { method: 'get', path: '/api/v1/notifications', request: () => ({ url: '/api/v1/notifications' }), expect: SIGNED_IN },
  { method: 'get', path: '/api/v1/notifications/unread-count', request: () => ({ url: '/api/v1/notifications/unread-count' }), expect: SIGNED_IN },
  {
    method: 'post',
    path: '/api/v1/notifications/:id/read',
    request: async (f) => ({ url: `/api/v1/notifications/${(await f.ownNotification()).id}/read` }),
    expect: SIGNED_IN,
  },
  { method: 'get', path: '/api/v1/reminders', request: () => ({ url: '/api/v1/reminders' }), expect: ADMIN_ONLY },
  // Not a failed one: an admin gets 409 (allowed through), everyone else is stopped before.
  {
    method: 'post',
    path: '/api/v1/reminders/:id/resend',
    request: async (f) => ({ url: `/api/v1/reminders/${(await f.reminder()).id}/resend` }),
    expect: ADMIN_ONLY,
  },
  { method: 'get', path: '/api/v1/exports/payments.csv', request: () => ({ url: '/api/v1/exports/payments.csv' }), expect: ADMIN_ONLY },
  { method: 'get', path: '/api/v1/exports/awards.csv', request: () => ({ url: '/api/v1/exports/awards.csv' }), expect: STAFF },
  {
    method: 'get',
    path: '/api/v1/exports/audit-events.csv',
    request: () => ({ url: '/api/v1/exports/audit-events.csv?from=2099-01-01T00:00' }),
    expect: ADMIN_ONLY,
  },
  {
    method: 'get',
    path: '/api/v1/exports/award-overview.pdf',
    request: (f) => ({ url: `/api/v1/exports/award-overview.pdf?programmeId=${f.programmeId}` }),
    expect: STAFF,
  },
];

describe('the access matrix', () => {
  let api: TestApp;
  const emails = new Map<Caller, string>();
  let targetUserId: string;
  let programmeId: string;
  let owner: SignedInUser;
  let assessor: SignedInUser;
  let decider: SignedInUser;
  let reviewer: SignedInUser;
  let admin: SignedInUser;

  beforeAll(async () => {
    api = await createTestApp();
    owner = await signedInAs(api, 'project_lead', '851');
    assessor = await signedInAs(api, 'caseworker');
    decider = await signedInAs(api, 'caseworker');
    // Every check that needs an award makes a fresh one: a budget that never runs out.
    programmeId = (await givenProgramme(api, await signedInAs(api, 'admin'), { budgetOre: 90_000_000_000, auditorStatementThresholdOre: 90_000_000_000 })).id;
    reviewer = await signedInAs(api, 'caseworker');
    admin = await signedInAs(api, 'admin');
    emails.set('project_lead', (await givenUser(api, 'project_lead', '851')).email);
    emails.set('other_kommune', (await givenUser(api, 'project_lead', '101')).email);
    emails.set('caseworker', (await givenUser(api, 'caseworker')).email);
    emails.set('admin', (await givenUser(api, 'admin')).email);
    targetUserId = (await givenUser(api, 'caseworker')).id;
  });
  afterAll(() => api.close());

  const cases = MATRIX.flatMap((row) => CALLERS.map((caller) => [`${row.method.toUpperCase()} ${row.path}`, caller, row.expect[caller], row] as const));

  it.each(cases)('%s as %s → %s', async (_route, caller, expected, row) => {
    const email = emails.get(caller);
    const tokens = email ? await signIn(api, email) : null;
    const loginBody = { email: email ?? emails.get('caseworker')!, password: TEST_PASSWORD };
    const { url, body } = await row.request({
      targetUserId,
      ownerId: owner.user.id,
      caseworkerId: assessor.user.id,
      otherCaseworkerId: decider.user.id,
      accessRequest: async () => {
        const application = await givenSubmitted(api, owner, programmeId);
        const response = await api.http
          .post('/api/v1/access-requests')
          .set(assessor.bearer)
          .send({ applicationId: application.id, requester: 'Jens Journalist', kind: 'aktindsigt', receivedOn: '2026-01-05' })
          .expect(201);
        return response.body;
      },
      finalAccount: async () => {
        const award = await givenAward(api, { lead: owner, assessor, decider }, programmeId, CURRENT_PERIOD, SMALL_GRANT);
        return (await api.http.post(`/api/v1/awards/${award.id}/final-accounts`).set(owner.bearer).send(FINAL_ACCOUNTS).expect(201)).body;
      },
      repayment: async () => {
        const award = await givenAward(api, { lead: owner, assessor, decider }, programmeId, CURRENT_PERIOD, SMALL_GRANT);
        const [first] = (await api.http.get(`/api/v1/awards/${award.id}/instalments`).set(assessor.bearer).expect(200)).body;
        await api.http.post(`/api/v1/instalments/${first.id}/approve`).set(reviewer.bearer).expect(200);
        await api.http.post(`/api/v1/payments/${first.id}/paid`).set(admin.bearer).send({ paidOn: '2026-01-15', reference: 'NAV-1' }).expect(200);
        const spent = { spentOre: 100_000_000, budgetLines: [{ label: 'Løn', budgetOre: MIN_APPLICATION_ORE, spentOre: 100_000_000 }] };
        const filed = (await api.http.post(`/api/v1/awards/${award.id}/final-accounts`).set(owner.bearer).send(spent).expect(201)).body;
        const reviewed = await api.http
          .post(`/api/v1/final-accounts/${filed.id}/review`)
          .set(reviewer.bearer)
          .send({ outcome: 'approve', comment: 'Godkendt.' })
          .expect(200);
        return reviewed.body.settlement.repayment;
      },
      reminder: async () => {
        const application = await givenSubmitted(api, owner, programmeId);
        const [reminder] = await api.app.get<DataSource>(getDataSourceToken()).query(`SELECT id FROM reminder WHERE subject_id = $1 LIMIT 1`, [application.id]);
        return reminder;
      },
      programmeId,
      tokens,
      loginBody,
      draft: () => givenDraft(api, owner, programmeId),
      submitted: () => givenSubmitted(api, owner, programmeId),
      inAssessment: async () => {
        const application = await givenSubmitted(api, owner, programmeId);
        const author = caller === 'caseworker' && tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : assessor.bearer;
        await api.http.put(`/api/v1/applications/${application.id}/assessment`).set(author).send(assessmentBody()).expect(200);
        return application;
      },
      assessed: () => givenAssessed(api, { lead: owner, assessor }, programmeId),
      award: () => givenAward(api, { lead: owner, assessor, decider }, programmeId, CURRENT_PERIOD, SMALL_GRANT),
      instalment: async () => {
        const award = await givenAward(api, { lead: owner, assessor, decider }, programmeId, CURRENT_PERIOD, SMALL_GRANT);
        const [instalment] = (await api.http.get(`/api/v1/awards/${award.id}/instalments`).set(assessor.bearer).expect(200)).body;
        return instalment;
      },
      extensionRequest: async () => {
        const award = await givenAward(api, { lead: owner, assessor, decider }, programmeId, CURRENT_PERIOD, SMALL_GRANT);
        const response = await api.http
          .post(`/api/v1/awards/${award.id}/extension-requests`)
          .set(owner.bearer)
          .send({ months: 2, reason: 'covid19', justification: 'Nedlukning.' })
          .expect(201);
        return response.body;
      },
      ownNotification: async () => {
        const userId = tokens ? (tokens as unknown as { user: { id: string } }).user.id : owner.user.id;
        const dataSource = api.app.get<DataSource>(getDataSourceToken());
        const [row] = await dataSource.query(`INSERT INTO notification (user_id, kind, title, body) VALUES ($1, 'test', 'Til dig', 'Besked') RETURNING id`, [
          userId,
        ]);
        return row;
      },
      document: async (state) => {
        const application = state === 'draft' ? await givenDraft(api, owner, programmeId) : await givenSubmitted(api, owner, programmeId);
        const response = await api.http
          .post('/api/v1/documents')
          .set(owner.bearer)
          .field('subjectType', 'application')
          .field('subjectId', application.id)
          .field('kind', 'budget')
          .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'budget.pdf', contentType: 'application/pdf' })
          .expect(201);
        return response.body;
      },
      report: async (state) => {
        const award = await givenAward(api, { lead: owner, assessor, decider }, programmeId, CURRENT_PERIOD, SMALL_GRANT);
        const [report] = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(owner.bearer).expect(200)).body;
        if (state === 'submitted') await api.http.post(`/api/v1/reports/${report.id}/submit`).set(owner.bearer).send(reportBody()).expect(200);
        return report;
      },
    });

    let request = api.http[row.method](url);
    if (tokens) request = request.set('Authorization', `Bearer ${tokens.accessToken}`);
    const response = await (body ? request.send(body) : request);

    if (expected === 'allowed') {
      expect([401, 403, 404]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(expected);
    }
  });

  it('covers every route the API registers', () => {
    const declared = new Set(MATRIX.map((row) => `${row.method.toUpperCase()} ${row.path}`));
    const missing = registeredRoutes(api).filter((route) => !declared.has(route));
    expect(missing).toEqual([]);
    expect(registeredRoutes(api).length).toBe(MATRIX.length);
  });
});
