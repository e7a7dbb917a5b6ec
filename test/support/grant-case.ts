import { randomInt } from 'node:crypto';
import type { TestApp } from './test-app.js';
import type { SignedInUser } from './users.js';

export const CRITERIA = [
  { key: 'formaal', title: 'Understøtter puljens formål', description: 'Omsorg og nærvær, færre unødvendige dokumentationskrav' },
  { key: 'nyskabelse', title: 'Potentiale for ny praksis', description: 'Kan overføres til andre kommuner' },
  { key: 'forankring', title: 'Forankring og ressourcer', description: 'Ledelsesforankring og afsatte ressourcer' },
];
export const THEMES = [
  { key: 'livskvalitet', name: 'Livskvalitet' },
  { key: 'paarorende', name: 'Pårørende' },
  { key: 'ensomhed', name: 'Bekæmpelse af ensomhed' },
];
export const MIN_APPLICATION_ORE = 500_000_000;
export const LEGAL_BASIS = 'Aktstykke om udmøntning af puljen (test)';
export const APPEAL_GUIDANCE = 'Afgørelsen kan ikke påklages til anden administrativ myndighed (test).';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const uniqueProgrammeCode = () => `${Array.from({ length: 8 }, () => LETTERS[randomInt(26)]).join('')}-2026`;

export function programmeBody(overrides: Record<string, unknown> = {}) {
  return {
    code: uniqueProgrammeCode(),
    name: 'Testpulje til omsorg og nærvær',
    budgetOre: 24_500_000_000,
    minApplicationOre: MIN_APPLICATION_ORE,
    applicationOpensAt: '2020-01-01T00:00',
    applicationClosesAt: '2100-01-01T12:00',
    maxCovidExtensionMonths: 6,
    statusReportIntervalMonths: 12,
    finalReportDueMonths: 3,
    themes: THEMES,
    criteria: CRITERIA,
    legalBasis: LEGAL_BASIS,
    appealGuidance: APPEAL_GUIDANCE,
    // The tests decide cases while the window is open; the default (after the deadline) has its own tests.
    decisionMode: 'rolling',
    ...overrides,
  };
}

export async function givenProgramme(api: TestApp, admin: SignedInUser, overrides: Record<string, unknown> = {}) {
  const response = await api.http.post('/api/v1/programmes').set(admin.bearer).send(programmeBody(overrides)).expect(201);
  return response.body as { id: string; code: string; remainingOre: number };
}

export function applicationBody(programmeId: string, overrides: Record<string, unknown> = {}) {
  return {
    programmeId,
    title: 'Mere værdig hjemmepleje',
    purpose: 'Projektets formål er at udvikle en hjemmepleje, hvor den enkelte borger føler sig set og mødt med nærvær i hjemmeplejen.',
    activities: ['Implementere selvstyrende teams i hjemmeplejen', 'Reducere dokumentationstiden'],
    themes: ['livskvalitet'],
    requestedOre: 1_101_426_000,
    plannedStart: '2021-01-01',
    plannedEnd: '2022-06-30',
    ...overrides,
  };
}

export async function givenDraft(api: TestApp, lead: SignedInUser, programmeId: string, overrides: Record<string, unknown> = {}) {
  const response = await api.http.post('/api/v1/applications').set(lead.bearer).send(applicationBody(programmeId, overrides)).expect(201);
  return response.body as { id: string; version: number; status: string };
}

export async function givenSubmitted(api: TestApp, lead: SignedInUser, programmeId: string, overrides: Record<string, unknown> = {}) {
  const draft = await givenDraft(api, lead, programmeId, overrides);
  const response = await api.http.post(`/api/v1/applications/${draft.id}/submit`).set(lead.bearer).expect(200);
  return response.body as { id: string; caseNumber: string; status: string; requestedOre: number };
}

export const fullRatings = (rating = 4) =>
  CRITERIA.map((criterion) => ({ criterionKey: criterion.key, rating, rationale: `Projektet udmærker sig ved ${criterion.title.toLowerCase()}.` }));

export function assessmentBody(overrides: Record<string, unknown> = {}) {
  return { ratings: fullRatings(), summary: 'Et stærkt projekt med klar forankring.', recommendation: 'award', recommendedOre: 1_101_426_000, ...overrides };
}

/** A submitted application, assessed and completed by `assessor`: ready for someone else to decide. */
export async function givenAssessed(
  api: TestApp,
  people: { lead: SignedInUser; assessor: SignedInUser },
  programmeId: string,
  overrides: Record<string, unknown> = {},
) {
  const application = await givenSubmitted(api, people.lead, programmeId, overrides);
  await api.http
    .put(`/api/v1/applications/${application.id}/assessment`)
    .set(people.assessor.bearer)
    .send(assessmentBody({ recommendedOre: application.requestedOre }))
    .expect(200);
  await api.http.post(`/api/v1/applications/${application.id}/assessment/complete`).set(people.assessor.bearer).expect(200);
  return application;
}

export const SUBSTANTIVE_REJECTION =
  'Ansøgningen afvises, fordi projektet ikke beskriver, hvordan dokumentationskravene reduceres, og fordi budgettet til ekstern evaluering ikke er begrundet.';
export const SUBSTANTIVE_PARTIAL =
  'Der bevilges et lavere beløb, da udgifterne til konsulentbistand i fase 2 ikke er nødvendige for at nå projektets mål om mere nærvær.';

/** An active award of `lead`'s kommune: a full grant decided by `decider` after `assessor` assessed it. */
export async function givenAward(
  api: TestApp,
  people: { lead: SignedInUser; assessor: SignedInUser; decider: SignedInUser },
  programmeId: string,
  period: { startDate: string; endDate: string } = { startDate: '2021-01-01', endDate: '2022-06-30' },
  overrides: Record<string, unknown> = {},
) {
  const application = await givenAssessed(api, people, programmeId, overrides);
  const response = await api.http
    .post(`/api/v1/applications/${application.id}/decision`)
    .set(people.decider.bearer)
    .send({ outcome: 'award', amountOre: application.requestedOre, rationale: 'Projektet bevilges fuldt ud.', ...period })
    .expect(201);
  return response.body.award as { id: string; applicationId: string; caseNumber: string; endDate: string; originalEndDate: string; amountOre: number };
}

/**
 * Approves (`approver`) and records as paid (`admin`, 1 February 2021, reference NAV-<sequence>) the
 * award's instalments with these sequence numbers, as `lead` lists them; each must be ready.
 */
export async function payInstalments(
  api: TestApp,
  people: { lead: SignedInUser; approver: SignedInUser; admin: SignedInUser },
  awardId: string,
  sequences: number[],
): Promise<void> {
  const listed = await api.http.get(`/api/v1/awards/${awardId}/instalments`).set(people.lead.bearer).expect(200);
  for (const instalment of listed.body as Array<{ id: string; sequence: number }>) {
    if (!sequences.includes(instalment.sequence)) continue;
    await api.http.post(`/api/v1/instalments/${instalment.id}/approve`).set(people.approver.bearer).expect(200);
    await api.http
      .post(`/api/v1/payments/${instalment.id}/paid`)
      .set(people.admin.bearer)
      .send({ paidOn: '2021-02-01', reference: `NAV-${instalment.sequence}` })
      .expect(200);
  }
}

/** A minimal PDF whose bytes no other has (a random comment), for an upload that must be a new document. */
const uniquePdf = () => Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${Math.random()}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');

/** A unique PDF uploaded to the award by `who`, as a document of this kind and name: the request, for the caller to expect its answer. */
export const uploadToAward = (api: TestApp, who: SignedInUser, awardId: string, kind: string, filename: string) =>
  api.http
    .post('/api/v1/documents')
    .set(who.bearer)
    .field('subjectType', 'award')
    .field('subjectId', awardId)
    .field('kind', kind)
    .attach('file', uniquePdf(), { filename, contentType: 'application/pdf' });

export const reportBody = (overrides: Record<string, unknown> = {}) => ({
  narrative: 'Selvstyrende teams er etableret i to distrikter, og dokumentationstiden er faldet.',
  spentToDateOre: 250_000_000,
  milestones: ['To teams i drift', 'Nyt planlægningsværktøj taget i brug'],
  deviations: 'Opstarten blev forsinket af nedlukningen.',
  nextSteps: 'Udrulning til de sidste tre distrikter.',
  ...overrides,
});

export const SUBSTANTIVE_EXTENSION_REJECTION =
  'Forlængelsen afslås, fordi projektets forsinkelse skyldes rekrutteringsproblemer og ikke nedlukningen som følge af COVID-19.';
