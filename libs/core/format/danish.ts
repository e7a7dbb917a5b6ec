import type { CalendarDate } from '../time/calendar-date.js';
import { COPENHAGEN } from '../time/copenhagen.js';

/**
 * How everything a person reads writes amounts, dates and times: the one Danish formatting module, on
 * Intl's `da-DK` (ICU's Danish), used by the problem texts, letters, PDFs, CSV files and reminders.
 * Amounts are formatted from their exact decimal text (Intl takes a decimal string as it is), never
 * through a float.
 */
const WHOLE = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const WITH_ORE = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const LONG_DATE = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const LONG_DATE_TIME = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: COPENHAGEN,
});
const PLURALS = new Intl.PluralRules('da-DK');

/** An amount of øre as exact decimal text of kroner: 123456789 → `1234567.89`. */
function kronerText(ore: bigint): { text: string; whole: boolean } {
  const negative = ore < 0n;
  const absolute = negative ? -ore : ore;
  const fraction = absolute % 100n;
  return { text: `${negative ? '-' : ''}${absolute / 100n}.${fraction.toString().padStart(2, '0')}`, whole: fraction === 0n };
}

/** `11.014.260 kr.`, and with øre when there are any: `1.234,50 kr.` */
export function formatKroner(ore: bigint): string {
  const { text, whole } = kronerText(ore);
  // Intl's types know only numbers and bigints; at run time a decimal string is formatted exactly.
  return `${(whole ? WHOLE : WITH_ORE).format(text as unknown as number)} kr.`;
}

/** A number of kroner with two decimals and no unit, as a Danish spreadsheet reads it: `11.014.260,00`. */
export function formatKronerNumber(ore: bigint): string {
  return WITH_ORE.format(kronerText(ore).text as unknown as number);
}

/** A calendar date as a letter writes it: `18. december 2020`. */
export function formatDate(date: CalendarDate): string {
  return LONG_DATE.format(new Date(`${date}T00:00:00Z`));
}

/** A moment in Copenhagen time as a receipt writes it: `19. oktober 2020 kl. 11.58`. */
export function formatDateTime(instant: Date): string {
  return LONG_DATE_TIME.format(instant);
}

/** A calendar date as a Danish spreadsheet reads one: `18-12-2020`. */
export function formatSpreadsheetDate(date: CalendarDate | null): string {
  if (!date) return '';
  const [year, month, day] = date.slice(0, 10).split('-');
  return `${day}-${month}-${year}`;
}

/** `1 projekt`, `2 projekter`: the count with the word in the form Danish gives it. */
export function countOf(count: number, one: string, other: string): string {
  return `${WHOLE.format(count)} ${PLURALS.select(count) === 'one' ? one : other}`;
}

/** A whole number as Danish writes it: `1.200`, `-5`. */
export function formatNumber(count: number): string {
  return WHOLE.format(count);
}

/**
 * Ends a sentence with a full stop unless it has one: an amount's `kr.` (or a `?`/`!`) already ends it,
 * so `… 5.000.000 kr.` never becomes `kr..`.
 */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** `a`, `a og b`, `a, b og c`: a list as a Danish sentence writes it. */
export function listOf(items: readonly string[], conjunction = 'og'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** The words of a text (letters and digits, any script) of at least `minLength` characters. */
export function wordsOf(text: string, minLength: number): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= minLength);
}
