import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { parseInstant } from '../time/copenhagen.js';

/** A real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => 'must be a date written YYYY-MM-DD' } }, options);
}

/** An ISO 8601 time; without an offset it is read as Copenhagen time. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => typeof value === 'string' && parseInstant(value) !== null,
        defaultMessage: () => 'must be an ISO 8601 time, e.g. 2020-10-19T12:00 (Copenhagen) or 2020-10-19T10:00:00Z',
      },
    },
    options,
  );
}

/** A whole number of øre that JSON carries exactly; `minimum` is usually 1. */
export function IsOre(minimum = 1): PropertyDecorator {
  return applyDecorators(
    IsInt({ message: 'must be a whole number of øre' }),
    Min(minimum, { message: `must be at least ${minimum} øre` }),
    Max(Number.MAX_SAFE_INTEGER, { message: 'is too large' }),
  ) as PropertyDecorator;
}
