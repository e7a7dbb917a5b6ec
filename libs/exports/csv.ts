import { stringify, type Stringifier } from 'csv-stringify';

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
      object: (value: object) => (value instanceof AmountCell ? { value: danishKroner(value.ore), escape_formulas: false } : JSON.stringify(value)),
    },
  });
}

/** Øre as a Danish number of kroner with two decimals: 1101426000 → `11.014.260,00`. */
export function danishKroner(ore: bigint): string {
  const negative = ore < 0n;
  const absolute = negative ? -ore : ore;
  const whole = (absolute / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${whole},${(absolute % 100n).toString().padStart(2, '0')}`;
}

/** `2020-12-18` → `18-12-2020`. */
export function danishDate(date: string | null): string {
  if (!date) return '';
  const [year, month, day] = date.slice(0, 10).split('-');
  return `${day}-${month}-${year}`;
}
