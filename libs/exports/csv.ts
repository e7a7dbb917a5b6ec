import { stringify, type Stringifier } from 'csv-stringify';
import { formatKronerNumber } from '../core/format/danish.js';

/**
 * An amount cell: written in Danish format and exempt from formula escaping (a negative amount starts
 * with `-` and must stay a number in the spreadsheet). Every other text cell is escaped.
 */
export class AmountCell {
  constructor(readonly ore: bigint) {}
}

export type CsvCell = string | number | null | undefined | AmountCell;

/**
 * A CSV writer the way Danish spreadsheets read it, on csv-stringify: `;` between fields, CRLF, a
 * byte-order mark so Excel sees UTF-8, and formula escaping (a text cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'`), so a project title such as
 * `=HYPERLINK(…)` is shown as text, never run, when a caseworker opens the file.
 */
export function csvWriter(header: string[]): Stringifier {
  return stringify({
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
    escape_formulas: true,
    header: true,
    columns: header,
    cast: {
      object: (value: object) => (value instanceof AmountCell ? { value: formatKronerNumber(value.ore), escape_formulas: false } : JSON.stringify(value)),
    },
  });
}
