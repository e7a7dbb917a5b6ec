/** The kinds of document a case holds (API.md, POST /documents), and what a programme may require before submission. */
export const DOCUMENT_KINDS = ['budget', 'signed_application', 'auditor_statement', 'report_annex', 'letter', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Each kind as a Danish sentence names it. */
export const DOCUMENT_KIND_NAMES: Record<DocumentKind, string> = {
  budget: 'budget',
  signed_application: 'underskrevet ansøgning',
  auditor_statement: 'revisorerklæring',
  report_annex: 'bilag til rapport',
  letter: 'brev',
  other: 'andet dokument',
};
