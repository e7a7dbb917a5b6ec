/**
 * Every problem the API answers, by its stable code: the `type` is `urn:tilskud:problem:<code>`, with
 * its HTTP status and its Danish title. The contexts' exceptions and the edge's problems take their
 * status and title from here, and the OpenAPI document lists them all (`x-problem-types`), so a client
 * can rely on a type meaning one thing. A new problem is added here first.
 */
export const PROBLEM_TYPES = {
  // The request itself
  'validation-failed': { status: 400, title: 'Ugyldige oplysninger' },
  'malformed-body': { status: 400, title: 'Ugyldigt indhold' },
  'body-too-complex': { status: 400, title: 'Indholdet er for sammensat' },
  'invalid-characters': { status: 400, title: 'Ugyldige tegn' },
  'invalid-url': { status: 400, title: 'Ugyldig adresse' },
  'invalid-value': { status: 400, title: 'Ugyldig værdi' },
  'invalid-cursor': { status: 400, title: 'Ugyldig markør' },
  'malformed-request': { status: 400, title: 'Ugyldig anmodning' },
  'unexpected-body': { status: 400, title: 'Uventet indhold' },
  'request-timeout': { status: 408, title: 'Anmodningen tog for lang tid' },
  'body-too-large': { status: 413, title: 'Indholdet er for stort' },
  'uri-too-long': { status: 414, title: 'Adressen er for lang' },
  'unsupported-media-type': { status: 415, title: 'Ikke-understøttet indholdstype' },
  'unsupported-file-type': { status: 415, title: 'Filtypen modtages ikke' },
  'file-too-large': { status: 413, title: 'Filen er for stor' },
  'invalid-upload': { status: 400, title: 'Ugyldig filoverførsel' },
  'headers-too-large': { status: 431, title: 'For store headere' },
  'method-not-allowed': { status: 405, title: 'Metoden er ikke tilladt' },
  // Who may
  unauthenticated: { status: 401, title: 'Ikke logget ind' },
  'invalid-credentials': { status: 401, title: 'Forkert e-mail eller adgangskode' },
  'invalid-refresh-token': { status: 401, title: 'Ugyldig fornyelsesnøgle' },
  forbidden: { status: 403, title: 'Ikke tilladt' },
  'not-owner': { status: 403, title: 'Ikke ejer af sagen' },
  'four-eyes': { status: 403, title: 'Firøjneprincippet' },
  'not-the-assessor': { status: 403, title: 'Ikke vurderingens forfatter' },
  'self-change': { status: 403, title: 'Ikke tilladt på egen bruger' },
  'conflict-of-interest': { status: 403, title: 'Inhabil' },
  'not-found': { status: 404, title: 'Findes ikke' },
  'rate-limited': { status: 429, title: 'For mange forsøg' },
  'sign-in-throttled': { status: 429, title: 'Vent før næste forsøg' },
  // The state of things
  'illegal-transition': { status: 409, title: 'Ikke muligt i sagens tilstand' },
  'stale-version': { status: 409, title: 'Ændret af en anden' },
  'concurrent-update': { status: 409, title: 'Samtidig ændring' },
  duplicate: { status: 409, title: 'Findes allerede' },
  'reference-conflict': { status: 409, title: 'Henvisningen passer ikke' },
  'budget-exceeded': { status: 409, title: 'Budgettet rækker ikke' },
  'programme-code-taken': { status: 409, title: 'Puljekoden er brugt' },
  'email-taken': { status: 409, title: 'E-mailadressen er i brug' },
  'last-admin': { status: 409, title: 'Den sidste administrator' },
  'approval-not-possible': { status: 409, title: 'Kan ikke godkendes' },
  'extension-pending': { status: 409, title: 'En forlængelse venter allerede' },
  'award-not-active': { status: 409, title: 'Tilsagnet er ikke aktivt' },
  'reports-outstanding': { status: 409, title: 'Rapporter mangler godkendelse' },
  'document-locked': { status: 409, title: 'Dokumentet kan ikke længere slettes' },
  'payment-already-recorded': { status: 409, title: 'Udbetalingen er allerede registreret' },
  'final-accounts-pending': { status: 409, title: 'Et slutregnskab venter allerede' },
  'repayment-closed': { status: 409, title: 'Kravet er allerede afsluttet' },
  'award-closed': { status: 409, title: 'Tilsagnet er lukket' },
  'award-not-closable': { status: 409, title: 'Tilsagnet kan ikke lukkes endnu' },
  // The rules of the domain
  'rule-violated': { status: 422, title: 'Bryder en regel' },
  'submission-rules-not-met': { status: 422, title: 'Opfylder ikke puljens regler' },
  'outside-application-window': { status: 422, title: 'Uden for ansøgningsfristen' },
  'assessment-incomplete': { status: 422, title: 'Vurderingen er ikke færdig' },
  'recommended-above-requested': { status: 422, title: 'Mere end ansøgt' },
  'amount-above-requested': { status: 422, title: 'Mere end ansøgt' },
  'main-considerations-required': { status: 422, title: 'Hovedhensyn mangler' },
  'amount-above-ceiling': { status: 422, title: 'Beløbet er for stort' },
  'after-end-date': { status: 422, title: 'Efter projektets slutdato' },
  'extension-months-exceeded': { status: 422, title: 'For mange måneders forlængelse' },
  'not-a-participant': { status: 422, title: 'Ikke en af sagens kommuner' },
  'contact-not-eligible': { status: 422, title: 'Kan ikke være kontaktperson' },
  'assignee-not-eligible': { status: 422, title: 'Kan ikke tildeles sagen' },
  'assessor-not-eligible': { status: 422, title: 'Kan ikke overtage vurderingen' },
  'report-period-not-started': { status: 422, title: 'Rapportperioden er ikke begyndt' },
  'programme-field-locked': { status: 422, title: 'Kan ikke længere ændres' },
  'decision-before-deadline': { status: 422, title: 'Før ansøgningsfristen' },
  'spent-above-award': { status: 422, title: 'Forbrug over tilsagnet' },
  'spent-decreased': { status: 422, title: 'Forbruget er faldet uden forklaring' },
  'budget-lines-mismatch': { status: 422, title: 'Budgettet passer ikke med det ansøgte beløb' },
  'documents-missing': { status: 422, title: 'Dokumenter mangler' },
  'payment-plan-invalid': { status: 422, title: 'Betalingsplanen går ikke op' },
  'final-accounts-mismatch': { status: 422, title: 'Slutregnskabet går ikke op' },
  'auditor-statement-required': { status: 422, title: 'Revisorerklæring mangler' },
  // Invalid content found by a context (its field errors say which)
  'invalid-application': { status: 400, title: 'Ugyldig ansøgning' },
  'invalid-assessment': { status: 400, title: 'Ugyldig vurdering' },
  'invalid-decision': { status: 400, title: 'Ugyldig afgørelse' },
  'invalid-extension-decision': { status: 400, title: 'Ugyldig afgørelse om forlængelse' },
  'invalid-programme': { status: 400, title: 'Ugyldig pulje' },
  'invalid-user': { status: 400, title: 'Ugyldig bruger' },
  'weak-password': { status: 400, title: 'For svag adgangskode' },
  // The system
  'exports-busy': { status: 503, title: 'Eksporterne er optaget' },
  'service-unavailable': { status: 503, title: 'Tjenesten er ikke tilgængelig' },
  'queue-dashboard-failed': { status: 500, title: 'Jobdashboardet kunne ikke udføre handlingen' },
  'internal-error': { status: 500, title: 'Uventet fejl' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEM_TYPES;

/** Problem types are URNs in our own namespace. */
export function problemType(code: ProblemCode): string {
  return `urn:tilskud:problem:${code}`;
}

/** The registry as the OpenAPI document lists it. */
export function problemTypeList(): Array<{ type: string; status: number; title: string }> {
  return (Object.entries(PROBLEM_TYPES) as Array<[ProblemCode, { status: number; title: string }]>).map(([code, { status, title }]) => ({
    type: problemType(code),
    status,
    title,
  }));
}
