import { stringify } from 'csv-stringify/sync';
import { formatDate, formatDateTime, formatKroner } from '../core/format/danish.js';
import { copenhagenDate } from '../core/time/copenhagen.js';
import type { Letter } from '../letters/letter-pdf.js';

/**
 * The case file (*sagsakter*) for aktindsigt, as data: the akt-liste and the report submissions, with
 * the people in them named or, when personal data is left out, replaced by their organisation.
 */

/** A person as the case file may name them. */
export interface CasePerson {
  name: string;
  municipalityCode: string | null;
}

/**
 * Who the case file names. With `redact`, personal details of people outside the requester's own
 * kommune are left out: such a person is shown as their kommune, or as the ministry for its staff. A
 * requester from the ministry has no kommune, so everyone is shown by their organisation.
 */
export class CaseFileNames {
  constructor(
    private readonly redact: boolean,
    private readonly requesterKommune: string | null,
    private readonly kommuneNames: ReadonlyMap<string, string>,
    private readonly organisation: string,
  ) {}

  /** The person's organisation: their kommune, or the ministry. */
  organisationOf(person: CasePerson): string {
    return person.municipalityCode ? (this.kommuneNames.get(person.municipalityCode) ?? `Kommune ${person.municipalityCode}`) : this.organisation;
  }

  hides(person: CasePerson): boolean {
    return this.redact && (this.requesterKommune === null || person.municipalityCode !== this.requesterKommune);
  }

  /** `Mette Hansen (Aarhus Kommune)`, or only `Aarhus Kommune` when the person is left out. */
  sender(person: CasePerson | undefined): string {
    if (!person) return this.organisation;
    return this.hides(person) ? this.organisationOf(person) : `${person.name} (${this.organisationOf(person)})`;
  }

  get ministry(): string {
    return this.organisation;
  }
}

/** One line of the akt-liste. */
export interface CaseAct {
  journalNo: string;
  registeredAt: Date;
  title: string;
  kind: string;
  sender: string;
}

export const DOCUMENT_KIND_NAMES: Record<string, string> = {
  budget: 'Budget',
  signed_application: 'Underskrevet ansøgning',
  auditor_statement: 'Revisorerklæring',
  report_annex: 'Bilag til rapport',
  letter: 'Brev',
  other: 'Andet dokument',
  receipt: 'Kvittering',
  decision: 'Afgørelse',
};

const AKT_HEADER = ['Journalnr.', 'Dato', 'Titel', 'Art', 'Afsender'];

/** The akt-liste as CSV, the way Danish spreadsheets read it: `;`, CRLF, a byte-order mark, formulas escaped. */
export function aktListeCsv(acts: readonly CaseAct[]): string {
  return stringify(
    acts.map((act) => [act.journalNo, formatDate(copenhagenDate(act.registeredAt)), act.title, act.kind, act.sender]),
    { delimiter: ';', record_delimiter: 'windows', bom: true, escape_formulas: true, header: true, columns: AKT_HEADER },
  );
}

/** The akt-liste as a letter (rendered as a tagged PDF like the case's other letters). */
export function aktListeLetter(
  caseFile: { caseNumber: string; title: string; organisation: { name: string; addressLines: string[] }; now: Date; redacted: boolean },
  acts: readonly CaseAct[],
): Letter {
  return {
    documentTitle: `Aktliste for sag ${caseFile.caseNumber}`,
    issuedAt: caseFile.now,
    sender: caseFile.organisation,
    references: [
      ['Dato', formatDate(copenhagenDate(caseFile.now))],
      ['Sag', caseFile.caseNumber],
    ],
    recipientLines: [],
    heading: `Aktliste for sag ${caseFile.caseNumber}`,
    subheading: caseFile.title,
    sections: [
      {
        blocks: [
          {
            kind: 'paragraph',
            text:
              acts.length === 0
                ? 'Sagen har endnu ingen journaliserede akter.'
                : `Sagens ${acts.length === 1 ? 'akt' : `${acts.length} akter`} i journalnummerets orden.` +
                  (caseFile.redacted ? ' Personoplysninger om personer uden for din egen kommune er udeladt.' : ''),
          },
        ],
      },
      ...acts.map((act) => ({
        heading: `${act.journalNo}: ${act.title}`,
        blocks: [
          {
            kind: 'facts' as const,
            rows: [
              ['Dato', formatDate(copenhagenDate(act.registeredAt))],
              ['Art', act.kind],
              ['Afsender', act.sender],
            ] as Array<[string, string]>,
          },
        ],
      })),
    ],
    footer: `Aktliste for sag ${caseFile.caseNumber}`,
  };
}

/** A report submission as it was sent, and how it was reviewed. */
export interface ReportSubmissionRecord {
  reportKind: 'status' | 'final';
  reportSequence: number;
  submissionNo: number;
  narrative: string;
  spentToDateOre: bigint;
  milestones: string[];
  deviations: string | null;
  nextSteps: string | null;
  submittedAt: Date;
  submittedBy: CasePerson | undefined;
  reviewOutcome: 'approve' | 'return' | null;
  reviewComment: string | null;
  reviewedAt: Date | null;
  reviewedBy: CasePerson | undefined;
}

export const reportName = (kind: 'status' | 'final', sequence: number) => (kind === 'final' ? 'Slutrapport' : `Statusrapport nr. ${sequence}`);

/** `rapporter/statusrapport-1-indsendelse-2.pdf` */
export const reportFileName = (record: ReportSubmissionRecord) =>
  `rapporter/${record.reportKind === 'final' ? 'slutrapport' : `statusrapport-${record.reportSequence}`}-indsendelse-${record.submissionNo}.pdf`;

/** A report submission as a letter, to be rendered as a PDF of the case file. */
export function reportSubmissionLetter(
  caseFile: { caseNumber: string; organisation: { name: string; addressLines: string[] } },
  record: ReportSubmissionRecord,
  names: CaseFileNames,
): Letter {
  const name = reportName(record.reportKind, record.reportSequence);
  const review: Array<[string, string]> =
    record.reviewOutcome === null
      ? [['Behandling', 'Ikke behandlet endnu']]
      : [
          ['Behandling', record.reviewOutcome === 'approve' ? 'Godkendt' : 'Sendt retur'],
          ['Behandlet', record.reviewedAt ? formatDateTime(record.reviewedAt) : ''],
          ['Behandlet af', names.sender(record.reviewedBy)],
        ];
  return {
    documentTitle: `${name}, indsendelse ${record.submissionNo}, sag ${caseFile.caseNumber}`,
    issuedAt: record.submittedAt,
    sender: caseFile.organisation,
    references: [['Sag', caseFile.caseNumber]],
    recipientLines: [],
    heading: `${name}, indsendelse nr. ${record.submissionNo}`,
    subheading: `Sag ${caseFile.caseNumber}`,
    sections: [
      {
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['Indsendt', formatDateTime(record.submittedAt)],
              ['Indsendt af', names.sender(record.submittedBy)],
              ['Forbrug til dato', formatKroner(record.spentToDateOre)],
              ...review,
            ],
          },
        ],
      },
      { heading: 'Status og fremdrift', blocks: [{ kind: 'paragraph', text: record.narrative }] },
      {
        heading: 'Nåede milepæle',
        blocks: [record.milestones.length > 0 ? { kind: 'list', items: record.milestones } : { kind: 'paragraph', text: 'Ingen.' }],
      },
      ...(record.deviations ? [{ heading: 'Afvigelser', blocks: [{ kind: 'paragraph' as const, text: record.deviations }] }] : []),
      ...(record.nextSteps ? [{ heading: 'Næste skridt', blocks: [{ kind: 'paragraph' as const, text: record.nextSteps }] }] : []),
      ...(record.reviewComment ? [{ heading: 'Sagsbehandlerens bemærkning', blocks: [{ kind: 'paragraph' as const, text: record.reviewComment }] }] : []),
    ],
    footer: `${name}, sag ${caseFile.caseNumber}`,
  };
}

/** A name safe inside the zip: no path separators or characters archivers refuse. */
export function zipEntryName(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_');
}
