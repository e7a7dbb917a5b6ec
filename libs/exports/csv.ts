/** CSV the way Danish spreadsheets read it: `;` between fields, a byte-order mark so Excel sees UTF-8. */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: Array<string | number | null | undefined>): string {
  return `${fields.map(csvField).join(CSV_SEPARATOR)}\r\n`;
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

/** Reads CSV written by {@link csvLine} back into rows (for tests and for anyone checking an export). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === CSV_SEPARATOR) {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
