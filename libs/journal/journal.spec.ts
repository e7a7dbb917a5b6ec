import { journalNumber } from './journal.js';

describe('journalNumber', () => {
  it('is the case number and a three-digit serial', () => {
    expect(journalNumber('ÆLD-2020-0007', 12)).toBe('ÆLD-2020-0007-012');
    expect(journalNumber('ÆLD-2020-0007', 1)).toBe('ÆLD-2020-0007-001');
  });

  it('keeps every digit of a serial past 999', () => {
    expect(journalNumber('ÆLD-2020-0007', 1234)).toBe('ÆLD-2020-0007-1234');
  });
});
