import { ApiProperty } from '@nestjs/swagger';
import type { ColumnOptions } from 'typeorm';

/**
 * The values of a record that were assumed rather than known: field name → why, in Danish. A historical
 * import fills it where its sources are silent (the 2020 pool's project periods, submission times,
 * amounts applied for, criteria inferred from the published rationales); a live case has none. Written
 * once, when the record is imported, and answered beside the fields it qualifies, so a reader of the API
 * can tell a known value from an assumed one.
 */
export type AssumedValues = Record<string, string>;

/** The `assumed` column: jsonb, `{}` unless an import says otherwise; never changed by an update. */
export const ASSUMED_COLUMN: ColumnOptions = { type: 'jsonb', default: () => "'{}'", update: false };

/** The `assumed` member of an answer, documented alike everywhere. */
export function ApiAssumed(example: AssumedValues): PropertyDecorator {
  return ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example,
    description:
      'The fields whose values were assumed, not known (a historical import where its sources are silent): field name → why, in Danish. Empty for a live case.',
  });
}
