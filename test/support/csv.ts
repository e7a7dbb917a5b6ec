import { parse } from 'csv-parse/sync';

/** An export read back by an independent parser (csv-parse), not by the writer's own code. */
export function readCsv(text: string): string[][] {
  return parse(text, { delimiter: ';', bom: true, record_delimiter: '\r\n' }) as string[][];
}
