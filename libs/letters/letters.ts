import { countOf, formatDate, formatDateTime, formatKroner } from '../core/format/danish.js';
import type { Ore } from '../core/money/money.js';
import type { CalendarDate } from '../core/time/calendar-date.js';
import { copenhagenDate } from '../core/time/copenhagen.js';
import { appealGuidanceOf } from '../decisions/appeal-guidance.js';
import { type Deadlines, reportSchedule, type SchedulePolicy } from '../reports/report-schedule.js';
import type { Letter, LetterSection } from './letter-pdf.js';

export interface Organisation {
  name: string;
  addressLines: string[];
}

/** What a letter says of its case. */
export interface LetterCase {
  caseNumber: string;
  title: string;
  purpose: string;
  activities: string[];
  /** The lead kommune's official name, then the co-applicants'. */
  leadKommune: string;
  coApplicantKommuner: string[];
  requestedOre: Ore;
  plannedStart: CalendarDate;
  plannedEnd: CalendarDate;
  themeNames: string[];
  receivedAt: Date;
  submittedByName: string | null;
}

export interface LetterProgramme extends SchedulePolicy {
  name: string;
  applicationClosesAt: Date;
  maxCovidExtensionMonths: number;
  awardConditions: string | null;
}

export interface LetterDecision {
  outcome: 'award' | 'reject';
  fullGrant: boolean;
  rationale: string;
  amountOre: Ore | null;
  /** The period as decided (an extension later moves the award's end, not the letter's). */
  startDate: CalendarDate | null;
  endDate: CalendarDate | null;
  legalBasis: string | null;
  appealGuidance: string | null;
  decidedAt: Date;
  decidedByName: string | null;
}

/** The conditions every award carries, before the programme's own. */
const STANDARD_CONDITIONS = (organisation: string) => [
  'Tilskuddet må kun bruges til projektet, som det er beskrevet i ansøgningen, og til udgifter i projektperioden.',
  `Væsentlige ændringer af projektets formål, aktiviteter, budget eller periode skal godkendes af ${organisation}, før de gennemføres.`,
  'Rapporterne skal indsendes i Tilskud inden fristerne. Manglende eller mangelfuld rapportering kan føre til, at tilsagnet bortfalder, og at udbetalte midler kræves betalt tilbage.',
  'Tilskud, der ikke er brugt, eller som er brugt i strid med vilkårene, skal betales tilbage.',
  `${organisation} kan bede om de oplysninger og regnskaber, der er nødvendige for at kontrollere, at tilskuddet bruges efter vilkårene.`,
];

const kommuner = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`);
const genitive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}s`);
const months = (count: number) => countOf(count, 'måned', 'måneder');

function letterhead(organisation: Organisation, issuedAt: Date, caseNumber: string, recipient: LetterCase) {
  return {
    sender: { name: organisation.name, addressLines: organisation.addressLines },
    references: [
      ['Dato', formatDate(copenhagenDate(issuedAt))],
      ['Journalnr.', caseNumber],
    ] as Array<[string, string]>,
    recipientLines: [
      `Til: ${recipient.leadKommune}`,
      ...(recipient.coApplicantKommuner.length > 0 ? [`Medansøgere: ${kommuner(recipient.coApplicantKommuner)}`] : []),
    ],
  };
}

/**
 * The decision letter: a grant letter (tilsagnsbrev) for an award, with the amount, the period, the
 * reporting duties and their dates, the COVID-19 extension terms and the conditions; a decision letter
 * (afgørelsesbrev) for a rejection. A rejection or a partial award states its main considerations
 * (forvaltningsloven § 24) and the appeal guidance (§ 25).
 */
export function decisionLetter(
  organisation: Organisation,
  programme: LetterProgramme,
  application: LetterCase,
  decision: LetterDecision,
  deadlines: Deadlines,
): Letter {
  const award = decision.outcome === 'award';
  const partial = award && !decision.fullGrant;
  const parties = [application.leadKommune, ...application.coApplicantKommuner];
  const received = `Ansøgningen blev modtaget ${formatDateTime(application.receivedAt)} og har journalnummer ${application.caseNumber}.`;
  const sections: LetterSection[] = [];

  if (award) {
    const amount = formatKroner(decision.amountOre!);
    sections.push({
      blocks: [
        {
          kind: 'paragraph',
          text: `${organisation.name} giver hermed ${application.leadKommune} tilsagn om et tilskud på ${amount} fra ${programme.name} til projektet «${application.title}».`,
        },
        ...(application.coApplicantKommuner.length > 0
          ? [
              {
                kind: 'paragraph' as const,
                text: `Tilsagnet gives til ${application.leadKommune} som ansøgende kommune på vegne af projektets kommuner: ${kommuner(parties)}.`,
              },
            ]
          : []),
        {
          kind: 'paragraph',
          text: partial
            ? `I har søgt om ${formatKroner(application.requestedOre)}; tilsagnet er på et lavere beløb, og begrundelsen står nedenfor. ${received}`
            : received,
        },
      ],
    });
    // A full grant may go without a rationale (forvaltningsloven § 22): then the letter has no such section.
    if (partial || decision.rationale.trim()) {
      sections.push({
        heading: partial ? 'Begrundelse for det lavere beløb' : 'Begrundelse',
        blocks: [
          ...(partial ? [{ kind: 'paragraph' as const, text: 'Afgørelsen bygger på følgende hovedhensyn (forvaltningslovens § 24):' }] : []),
          { kind: 'paragraph', text: decision.rationale },
        ],
      });
    }
    sections.push({
      heading: 'Projektperiode',
      blocks: [
        {
          kind: 'paragraph',
          text: `Projektet skal gennemføres i perioden ${formatDate(decision.startDate!)} til ${formatDate(decision.endDate!)}. Udgifter uden for perioden dækkes ikke af tilskuddet.`,
        },
      ],
    });
    const reports = reportSchedule(decision.startDate!, decision.endDate!, programme, deadlines);
    sections.push({
      heading: 'Rapportering',
      blocks: [
        { kind: 'paragraph', text: 'I skal rapportere om projektet i Tilskud. Fristerne er:' },
        {
          kind: 'list',
          items: reports.map((report) =>
            report.kind === 'final'
              ? `Slutrapport: senest ${formatDate(report.dueDate)}`
              : `Statusrapport nr. ${report.sequence}: senest ${formatDate(report.dueDate)}`,
          ),
        },
        {
          kind: 'paragraph',
          text:
            'En rapport beskriver projektets fremdrift, de milepæle, der er nået, forbruget indtil nu, eventuelle afvigelser fra planen og de næste skridt. ' +
            `Sender ${organisation.name} en rapport retur, skal den rettes og indsendes igen. I får en påmindelse 14 dage og 3 dage før hver frist.`,
        },
      ],
    });
    if (programme.maxCovidExtensionMonths > 0) {
      sections.push({
        heading: 'Forlængelse på grund af COVID-19',
        blocks: [
          {
            kind: 'paragraph',
            text:
              `Bliver projektet forsinket som følge af COVID-19, kan I i Tilskud søge om at forlænge projektperioden med op til ${months(programme.maxCovidExtensionMonths)} i alt. ` +
              'Ansøgningen skal være indsendt, før projektperioden udløber. Godkendes en forlængelse, flyttes fristen for slutrapporten tilsvarende.',
          },
        ],
      });
    }
    sections.push({
      heading: 'Vilkår',
      blocks: [
        { kind: 'paragraph', text: 'Tilsagnet gives på disse vilkår:' },
        { kind: 'list', items: STANDARD_CONDITIONS(organisation.name) },
        ...(programme.awardConditions?.trim() ? [{ kind: 'paragraph' as const, text: programme.awardConditions.trim() }] : []),
      ],
    });
  } else {
    sections.push({
      blocks: [
        {
          kind: 'paragraph',
          text: `${organisation.name} har behandlet ${genitive(application.leadKommune)} ansøgning om et tilskud på ${formatKroner(application.requestedOre)} fra ${programme.name} til projektet «${application.title}». ${received}`,
        },
        { kind: 'paragraph', text: `${organisation.name} giver afslag på ansøgningen.` },
      ],
    });
    sections.push({
      heading: 'Begrundelse',
      blocks: [
        { kind: 'paragraph', text: 'Afgørelsen bygger på følgende hovedhensyn (forvaltningslovens § 24):' },
        { kind: 'paragraph', text: decision.rationale },
      ],
    });
  }
  if (decision.legalBasis?.trim()) sections.push({ heading: 'Retsgrundlag', blocks: [{ kind: 'paragraph', text: decision.legalBasis.trim() }] });
  if (!decision.fullGrant) {
    sections.push({
      heading: 'Klagevejledning',
      blocks: [{ kind: 'paragraph', text: appealGuidanceOf(decision.appealGuidance, organisation.name) }],
    });
  }

  const kind = award ? 'Tilsagnsbrev' : 'Afgørelsesbrev';
  return {
    documentTitle: `${kind} ${application.caseNumber} – ${application.title}`,
    issuedAt: decision.decidedAt,
    ...letterhead(organisation, decision.decidedAt, application.caseNumber, application),
    heading: award ? (partial ? 'Tilsagn om tilskud (delvist tilsagn)' : 'Tilsagn om tilskud') : 'Afslag på ansøgning om tilskud',
    subheading: `${programme.name} · ${application.caseNumber} «${application.title}»`,
    sections,
    closing: { greeting: 'Med venlig hilsen', lines: [...(decision.decidedByName ? [decision.decidedByName] : []), organisation.name] },
    footer: `${organisation.name} · ${kind} · Journalnr. ${application.caseNumber}`,
  };
}

/** What a draft says at the top of every page. */
export const DRAFT_MARK = 'UDKAST – ikke afsendt';

/**
 * A letter not sent: the caseworker's preview of a decision letter before deciding. Everything as it
 * will be sent, but marked as a draft at the top of every page, in its first paragraph and in its title.
 */
export function asDraft(letter: Letter): Letter {
  return {
    ...letter,
    documentTitle: `UDKAST – ${letter.documentTitle}`,
    draft: {
      mark: DRAFT_MARK,
      note: 'Dette er et udkast: brevet, som det bliver, hvis afgørelsen træffes nu. Afgørelsen er ikke truffet, og brevet er ikke sendt.',
    },
  };
}

/**
 * The receipt (kvittering): the kommune's proof that it applied, and when, in Copenhagen time; what
 * was applied for, as it was submitted.
 */
export function receiptLetter(organisation: Organisation, programme: LetterProgramme, application: LetterCase): Letter {
  const received = formatDateTime(application.receivedAt);
  return {
    documentTitle: `Kvittering ${application.caseNumber} – ${application.title}`,
    issuedAt: application.receivedAt,
    ...letterhead(organisation, application.receivedAt, application.caseNumber, application),
    heading: 'Kvittering for modtaget ansøgning',
    subheading: programme.name,
    sections: [
      {
        blocks: [
          {
            kind: 'paragraph',
            text: `${organisation.name} har modtaget ${genitive(application.leadKommune)} ansøgning ${received}. Ansøgningen har fået journalnummer ${application.caseNumber}.`,
          },
          {
            kind: 'facts',
            rows: [
              ['Journalnummer', application.caseNumber],
              ['Modtaget', received],
              ['Ansøgningsfrist', formatDateTime(programme.applicationClosesAt)],
              ['Pulje', programme.name],
              ['Ansøgende kommune', application.leadKommune],
              ...(application.coApplicantKommuner.length > 0 ? [['Medansøgere', kommuner(application.coApplicantKommuner)] as [string, string]] : []),
              ['Projekt', application.title],
              ['Ansøgt beløb', formatKroner(application.requestedOre)],
              ['Planlagt periode', `${formatDate(application.plannedStart)} til ${formatDate(application.plannedEnd)}`],
              ['Temaer', application.themeNames.join(', ')],
              ...(application.submittedByName ? [['Indsendt af', application.submittedByName] as [string, string]] : []),
            ],
          },
        ],
      },
      { heading: 'Formål', blocks: [{ kind: 'paragraph', text: application.purpose }] },
      ...(application.activities.length > 0 ? [{ heading: 'Aktiviteter', blocks: [{ kind: 'list' as const, items: application.activities }] }] : []),
      {
        heading: 'Det videre forløb',
        blocks: [
          {
            kind: 'paragraph',
            text:
              'Gem kvitteringen som dokumentation for, at ansøgningen er indsendt rettidigt. Ansøgningen kan ikke længere ændres. ' +
              `${organisation.name} behandler ansøgningen og sender afgørelsen gennem Tilskud.`,
          },
        ],
      },
    ],
    footer: `${organisation.name} · Kvittering · Journalnr. ${application.caseNumber}`,
  };
}
