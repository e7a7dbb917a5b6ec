import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { REMINDER_KINDS } from './da';

/** The kinds of reminder the API answers with, read from the generated schema's `ReminderResponse.kind` enum. */
function schemaReminderKinds(): string[] {
  const schema = readFileSync(new URL('../api/schema.d.ts', import.meta.url), 'utf8');
  const response = schema.slice(schema.indexOf('    ReminderResponse: {'));
  const kind = /\n {6}kind:\n((?: {8}\| '[a-z0-9_]+'\n?)+)/.exec(response.slice(0, response.indexOf('\n    };')));
  if (!kind) throw new Error('ReminderResponse.kind is not in the schema');
  return [...kind[1].matchAll(/'([a-z0-9_]+)'/g)].map((match) => match[1]);
}

describe('the Danish words for the reminders', () => {
  it('give every kind of reminder the API knows a label of its own, so the admin’s Påmindelser page never shows a code', () => {
    const kinds = schemaReminderKinds();
    expect(kinds.length).toBeGreaterThan(20);
    expect(kinds.filter((kind) => !REMINDER_KINDS[kind])).toEqual([]);
    const labels = kinds.map((kind) => REMINDER_KINDS[kind]);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
