import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { MAX_AMOUNT_ORE } from '../money/money.js';
import { parseInstant } from '../time/copenhagen.js';

/** The years a date the system takes can fall in; `0001-01-01` and `9999-12-31` are typing mistakes or probes. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** A real calendar date written `YYYY-MM-DD` (no 30 February), between 1900 and 2199. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: { validate: isCalendarDate, defaultMessage: () => `skal være en dato skrevet ÅÅÅÅ-MM-DD mellem ${FIRST_YEAR} og ${LAST_YEAR}` },
    },
    options,
  );
}

/** An ISO 8601 time; without an offset it is read as Copenhagen time. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => typeof value === 'string' && parseInstant(value) !== null,
        defaultMessage: () => 'skal være et tidspunkt efter ISO 8601, fx 2020-10-19T12:00 (dansk tid) eller 2020-10-19T10:00:00Z',
      },
    },
    options,
  );
}

/**
 * A whole number of øre up to the system's ceiling ({@link MAX_AMOUNT_ORE}); `minimum` is usually 1 (a
 * negative one for adjustments). The validation pipe says the bounds in kroner (the field ends in `Ore`):
 * `må højst være 1.000.000.000 kr.`
 */
export function IsOre(minimum = 1): PropertyDecorator {
  return applyDecorators(IsInt(), Min(minimum), Max(Number(MAX_AMOUNT_ORE))) as PropertyDecorator;
}
