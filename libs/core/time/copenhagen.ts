/**
 * Europe/Copenhagen, where every deadline and "today" of the system is read. Times are stored UTC;
 * this converts at the edges using the platform's time-zone database (Intl), correct across the
 * daylight-saving changes.
 */
export const COPENHAGEN = 'Europe/Copenhagen';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: COPENHAGEN,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date): WallClock {
  const values = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return { year: values.year, month: values.month, day: values.day, hour: values.hour, minute: values.minute, second: values.second };
}

/** Minutes Copenhagen is ahead of UTC at this instant (60 in winter, 120 in summer). */
export function copenhagenOffsetMinutes(instant: Date): number {
  const local = wallClock(instant);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The Copenhagen calendar date of an instant, `YYYY-MM-DD`. */
export function copenhagenDate(instant: Date): string {
  const { year, month, day } = wallClock(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The instant a Copenhagen wall-clock time names (`2020-10-19T12:00`). In the autumn hour that occurs
 * twice the earlier one is taken; a time skipped in spring is read as if the clocks had not moved yet.
 */
export function fromCopenhagenWallClock(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Copenhagen is UTC+1 (winter) or UTC+2 (summer): keep the candidates that read back as the wall clock asked for.
  const matches = [120, 60]
    .map((offset) => new Date(asUtc - offset * 60_000))
    .filter((instant) => {
      const local = wallClock(instant);
      return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) === asUtc;
    });
  return matches[0] ?? new Date(asUtc - 60 * 60_000);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether the parts name a time that exists: no 30 February, no hour 24, no minute 60 (and no leap second). */
function isRealTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  return day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

/**
 * An ISO 8601 time as the API accepts it: with an offset or `Z` it is taken as given; without one it
 * is Copenhagen time (so `2020-10-19T12:00` is the deadline kl. 12.00). Returns null when unreadable or
 * when it names a time that does not exist (`2027-02-30T12:00`, `2099-13-45T99:99`), which JavaScript's
 * Date would otherwise roll over into another day.
 */
export function parseInstant(text: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part)));
  if (!isRealTime(year, month, day, hour, minute, second)) return null;
  const offset = match[8];
  if (offset === undefined) return fromCopenhagenWallClock(year, month, day, hour, minute, second);
  // An offset needs a time of day, and at most ±14:00 (the widest any zone uses).
  if (match[4] === undefined || (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59))) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
