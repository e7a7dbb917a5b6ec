import { parse } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { AmountCell, type CsvCell, csvWriter } from './csv.js';

/** What the writer makes of these rows, read back by an independent parser (csv-parse). */
async function roundTrip(header: string[], rows: CsvCell[][]): Promise<{ raw: string; parsed: string[][] }> {
  // The bytes as written (a text decoder would swallow the byte-order mark).
  const raw = (await buffer(Readable.from(rows).pipe(csvWriter(header)))).toString('utf8');
  return { raw, parsed: parse(raw, { delimiter: ';', bom: true, relax_column_count: false }) };
}

describe('CSV', () => {
  it('starts with a byte-order mark, separates by ; and ends lines with CRLF', async () => {
    const { raw } = await roundTrip(['a', 'b'], [['x', 'y']]);
    expect(raw).toBe('\uFEFFa;b\r\nx;y\r\n');
  });

  it('quotes fields that hold the separator, quotes or line breaks, and an independent parser reads them back', async () => {
    const { parsed } = await roundTrip(
      ['sag', 'titel', 'citat', 'linjer', 'tal'],
      [['ÆLD-2020-0001', 'Titel; med semikolon', 'Sagt "nærvær"', 'To\nlinjer', 11]],
    );
    expect(parsed).toEqual([
      ['sag', 'titel', 'citat', 'linjer', 'tal'],
      ['ÆLD-2020-0001', 'Titel; med semikolon', 'Sagt "nærvær"', 'To\nlinjer', '11'],
    ]);
  });

  it('escapes text that a spreadsheet would run as a formula, but not an amount', async () => {
    const dangerous = ['=HYPERLINK("http://x","klik")', '+SUM(A1)', '-2+3', '@SUM(A1)', '\tfane', '\rretur', '＝fuldbredde'];
    const { parsed } = await roundTrip(
      ['titel', 'beløb'],
      dangerous.map((title) => [title, new AmountCell(-100_000n)]),
    );
    for (const [index, title] of dangerous.entries()) expect(parsed[index + 1]).toEqual([`'${title}`, '-1.000,00']);
    const { parsed: harmless } = await roundTrip(['titel', 'beløb'], [['Demenscafé = mødested', new AmountCell(1_101_426_000n)]]);
    expect(harmless[1]).toEqual(['Demenscafé = mødested', '11.014.260,00']);
  });
});
