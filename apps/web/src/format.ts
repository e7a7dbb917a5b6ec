/**
 * How the web app writes amounts, dates and times, and reads the amounts people type: Intl's `da-DK`,
 * by the same rules as the backend's libs/core/format (which the browser bundle does not import).
 * Amounts travel in øre, whole numbers, and are never put through a float: kroner and øre are split
 * with integer arithmetic and the kroner formatted as a bigint.
 */
const WHOLE = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const LONG_DATE = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const LONG_DATE_TIME = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Copenhagen',
});
const PLURALS = new Intl.PluralRules('da-DK');

/** The largest amount of øre the app handles exactly (a JSON number of the API). */
export const MAX_ORE = Number.MAX_SAFE_INTEGER;

function kronerParts(ore: number): { sign: string; kroner: bigint; fraction: string } {
  const value = BigInt(ore);
  const absolute = value < 0n ? -value : value;
  return { sign: value < 0n ? '-' : '', kroner: absolute / 100n, fraction: (absolute % 100n).toString().padStart(2, '0') };
}

/** `1.234.567 kr.`, and with øre when there are any: `1.234,50 kr.` */
export function formatKroner(ore: number): string {
  return `${kronerNumber(ore)} kr.`;
}

/** The amount as a person types it in a field: `1.234.567` or `1.234.567,50` (read back by {@link parseKroner}). */
export function kronerNumber(ore: number): string {
  const { sign, kroner, fraction } = kronerParts(ore);
  return `${sign}${WHOLE.format(kroner)}${fraction === '00' ? '' : `,${fraction}`}`;
}

/**
 * Reads an amount in kroner as Danish writes it, into øre: `1.234.567,50`, `1234567,5`, `1 234 567`,
 * `250.000 kr.`. Dots (or spaces) group thousands, in threes; a comma begins at most two decimals.
 * Anything else (a negative amount, letters, `1.23.4`, three decimals) is `null`: not an amount.
 */
export function parseKroner(text: string): number | null {
  const compact = text
    .trim()
    .replace(/\s*kr\.?$/i, '')
    .replace(/[\s\u00a0\u202f]/g, (_space, offset: number, whole: string) => (/\d/.test(whole[offset - 1] ?? '') ? '.' : ''));
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const kroner = BigInt(match[1].replaceAll('.', ''));
  const ore = kroner * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return ore <= BigInt(MAX_ORE) ? Number(ore) : null;
}

/** A calendar date (`2020-12-18`, or the date of a timestamp) as a letter writes it: `18. december 2020`. */
export function formatDate(date: string): string {
  return LONG_DATE.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** A moment in Copenhagen time: `19. oktober 2020 kl. 11.58`. */
export function formatDateTime(instant: string | Date): string {
  return LONG_DATE_TIME.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** `1 måned`, `2 måneder`: the count with the word in the form Danish gives it. */
export function countOf(count: number, one: string, other: string): string {
  return `${WHOLE.format(count)} ${PLURALS.select(count) === 'one' ? one : other}`;
}

/** `a`, `a og b`, `a, b og c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`;
}

const INPUT_PARTS = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Copenhagen',
});

/**
 * A moment as a `datetime-local` field holds it, in Copenhagen time: `2020-10-19T12:00`. The API reads
 * a time without an offset as Copenhagen time, so the field's value is sent back as it is.
 */
export function copenhagenInput(instant: string): string {
  const part = Object.fromEntries(INPUT_PARTS.formatToParts(new Date(instant)).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A calendar date `months` months later, as the API moves an award's end (libs/core/time/calendar-date.ts,
 * which the browser bundle may not import): a month end stays a month end (30 June + 3 = 30 September,
 * 28 February 2021 + 1 = 31 March), any other day is kept, or the month's last when it has no such day.
 * Shown as where a decision would move the end; the page shows the API's date once it is made.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = daysInMonth(targetYear, targetMonth);
  const targetDay = day === daysInMonth(year, month) ? last : Math.min(day, last);
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/** Today in Copenhagen, as a date field holds it: `2026-12-04`. */
export function copenhagenToday(): string {
  return copenhagenInput(new Date().toISOString()).slice(0, 10);
}
