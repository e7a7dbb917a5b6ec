/**
 * "Pulje til at styrke omsorg og nærvær i ældreplejen", as the source documents describe it
 * (the pool platform page, the news item of December 2020, and the award overview of 18 December 2020).
 *
 * Published: the name; 245 mio. kr. for 2020–21 (2 × 122,5 mio. kr., finanslovsaftalen for 2020);
 * applications of at least 5 mio. kr.; awarded 18 December 2020 to 31 projects; up to six months'
 * extension because of COVID-19; the seven themes of the kommuners' dignity policies.
 *
 * Not published, so assumed here (and said so in the import report):
 * - the application window's opening (1 September 2020); its deadline, 19 October 2020 kl. 12.00, is
 *   the one the system's design names;
 * - the report policy: the system's defaults (a status report every 12 months, the final report three
 *   months after the end);
 * - the appeal guidance (klagevejledning) wording below.
 */
export const POOL_2020 = {
  code: 'ÆLD-2020',
  name: 'Pulje til at styrke omsorg og nærvær i ældreplejen',
  budgetKroner: 245_000_000,
  minApplicationKroner: 5_000_000,
  applicationOpensAt: '2020-09-01T00:00',
  applicationClosesAt: '2020-10-19T12:00',
  awardedOn: '2020-12-18',
  maxCovidExtensionMonths: 6,
  statusReportIntervalMonths: 12,
  finalReportDueMonths: 3,
  themes: [
    { key: 'livskvalitet', name: 'Livskvalitet' },
    { key: 'selvbestemmelse', name: 'Selvbestemmelse' },
    { key: 'kvalitet-sammenhaeng', name: 'Kvalitet, tværfaglighed og sammenhæng i plejen' },
    { key: 'mad-ernaering', name: 'Mad og ernæring' },
    { key: 'paaroerende', name: 'Pårørende' },
    { key: 'vaerdig-doed', name: 'En værdig død' },
    { key: 'ensomhed', name: 'Bekæmpelse af ensomhed' },
  ],
  legalBasis:
    'Finanslovsinitiativet om omsorg og nærvær i ældreplejen, finanslovsaftalen for 2020 mellem regeringen, Radikale Venstre, SF, Enhedslisten og Alternativet (125 mio. kr. årligt; 122,5 mio. kr. i 2020 og 2021 udmøntet som ansøgningspulje).',
  appealGuidance:
    'Afgørelsen om tilskud fra puljen kan ikke påklages til anden administrativ myndighed. Spørgsmål til afgørelsen kan rettes til ministeriet med angivelse af journalnummeret. (Antaget ordlyd: klagevejledningen er ikke offentliggjort.)',
} as const;

/**
 * Also not published, and assumed for every project: the project period (1 January 2021 – 31 December
 * 2022: the pool covers 2020–21 and awards were made at the end of 2020), the amount applied for (the
 * amount awarded: the overview shows only awarded amounts), the time of submission (recorded as the
 * deadline, the latest it can have been), and the themes each application named (none recorded).
 */
export const POOL_2020_ASSUMED_PERIOD = { startDate: '2021-01-01', endDate: '2022-12-31' } as const;

export const POOL_2020_ASSUMPTIONS = [
  'Application window opening not published: set to 1 September 2020.',
  'Submission times not published: each application is recorded as received at the deadline, 19 October 2020 kl. 12.00.',
  'Amounts applied for not published: each is recorded as the amount awarded.',
  'Project periods not published: 1 January 2021 – 31 December 2022 for every project.',
  'Themes named by each application not published: none recorded.',
  'Assessment ratings (1–5) not published: the published rationale bullets are recorded per criterion, without a rating.',
  'Decision time of day not published: recorded as 18 December 2020 kl. 00.00, by the import user on behalf of the ministry.',
  'Appeal guidance not published: a stated assumption is recorded on the programme.',
];

/**
 * Why the 31 awards are closed: the projects ended years ago, and their reports and follow-up are not
 * registered in this system. Kept on each award (`closedReason`) and in its audit event.
 */
export const POOL_2020_CLOSED_REASON = 'Opfølgningen er ikke registreret i Tilskud (historisk import).';

const ASSUMED_PERIOD =
  'Projektperioden er ikke offentliggjort: 1. januar 2021 – 31. december 2022 er antaget for alle puljens projekter (puljen dækker 2020–21, og tilsagnene blev givet i slutningen af 2020).';

/**
 * The same assumptions, field by field and in Danish, as the API answers them (`assumed` on the
 * programme, each application, assessment and award), so a reader of a record sees which of its values
 * are known and which were assumed, and why.
 */
export const POOL_2020_ASSUMED = {
  programme: {
    applicationOpensAt: 'Ansøgningsrundens åbning er ikke offentliggjort: sat til 1. september 2020.',
    criteria:
      'Vurderingskriterierne er ikke offentliggjort som sådan: de er udledt af de tilbagevendende udsagn i de offentliggjorte begrundelser.',
    statusReportIntervalMonths: 'Afrapporteringskravene er ikke offentliggjort: systemets standard (en statusrapport hver 12. måned) er brugt.',
    finalReportDueMonths: 'Afrapporteringskravene er ikke offentliggjort: systemets standard (slutrapport 3 måneder efter slutdatoen) er brugt.',
    appealGuidance: 'Klagevejledningen er ikke offentliggjort: ordlyden er antaget.',
  },
  application: {
    submittedAt:
      'Indsendelsestidspunktet er ikke offentliggjort: registreret som ansøgningsfristen 19. oktober 2020 kl. 12.00, det seneste det kan have været.',
    requestedOre: 'Det ansøgte beløb er ikke offentliggjort (kun det bevilgede): registreret som det bevilgede beløb.',
    plannedStart: ASSUMED_PERIOD,
    plannedEnd: ASSUMED_PERIOD,
    themes: 'Ansøgningens temaer er ikke offentliggjort: ingen er registreret.',
  },
  assessment: {
    ratings:
      'Kriterierne er udledt af de offentliggjorte begrundelser, og hvert udsagn i begrundelsen er henført til ét af dem; karakterer (1–5) er ikke offentliggjort og er ikke registreret.',
    completedAt: 'Vurderingens tidspunkt er ikke offentliggjort: registreret som tilsagnsdagen 18. december 2020.',
  },
  award: {
    startDate: ASSUMED_PERIOD,
    endDate: ASSUMED_PERIOD,
    originalEndDate: ASSUMED_PERIOD,
    decidedAt: 'Afgørelsens klokkeslæt er ikke offentliggjort: registreret som 18. december 2020 kl. 00.00.',
  },
} as const satisfies Record<'programme' | 'application' | 'assessment' | 'award', Record<string, string>>;
