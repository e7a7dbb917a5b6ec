/**
 * A search that looks like a case number, or the start of one (`ÆLD-2020-0007`, `æld-2020-00`,
 * `ÆLD-`): a programme code, a dash and then only the year and the sequence. Case numbers are
 * `<programme code>-<sequence>` (see `caseNumber`), the code capital letters, a dash and a year.
 */
const CASE_NUMBER_START = /^[A-ZÆØÅ]{2,10}-(\d{1,4}(-\d{0,10})?)?$/;

/**
 * The case-number prefix a search asks for, in the capitals case numbers are written in, or null when
 * the search is not one (it is then only words).
 */
export function caseNumberSearch(query: string): string | null {
  const candidate = query.trim().normalize('NFC').toUpperCase();
  return CASE_NUMBER_START.test(candidate) ? candidate : null;
}
