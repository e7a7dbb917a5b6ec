import fc from 'fast-check';
import { copenhagenDate, copenhagenOffsetMinutes, fromCopenhagenWallClock, parseInstant } from './copenhagen.js';

describe('Copenhagen time', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    expect(copenhagenOffsetMinutes(new Date('2020-01-15T12:00:00Z'))).toBe(60);
    expect(copenhagenOffsetMinutes(new Date('2020-07-15T12:00:00Z'))).toBe(120);
  });

  it('reads the 2020 pool’s deadline, 19 October 2020 kl. 12.00, as 10.00 UTC (summer time)', () => {
    expect(fromCopenhagenWallClock(2020, 10, 19, 12, 0).toISOString()).toBe('2020-10-19T10:00:00.000Z');
    expect(parseInstant('2020-10-19T12:00')?.toISOString()).toBe('2020-10-19T10:00:00.000Z');
  });

  it('moves correctly across the change to winter time (25 October 2020)', () => {
    expect(fromCopenhagenWallClock(2020, 10, 25, 1, 30).toISOString()).toBe('2020-10-24T23:30:00.000Z');
    expect(fromCopenhagenWallClock(2020, 10, 25, 4, 0).toISOString()).toBe('2020-10-25T03:00:00.000Z');
    // 02.30 happens twice that night; the earlier (summer-time) one is taken.
    expect(fromCopenhagenWallClock(2020, 10, 25, 2, 30).toISOString()).toBe('2020-10-25T00:30:00.000Z');
  });

  it('moves correctly across the change to summer time (29 March 2020)', () => {
    expect(fromCopenhagenWallClock(2020, 3, 29, 1, 0).toISOString()).toBe('2020-03-29T00:00:00.000Z');
    expect(fromCopenhagenWallClock(2020, 3, 29, 3, 0).toISOString()).toBe('2020-03-29T01:00:00.000Z');
  });

  it('gives the Copenhagen calendar date, which is not the UTC date late in the evening', () => {
    expect(copenhagenDate(new Date('2020-12-17T23:30:00Z'))).toBe('2020-12-18');
    expect(copenhagenDate(new Date('2020-12-18T22:59:59Z'))).toBe('2020-12-18');
    expect(copenhagenDate(new Date('2020-12-18T23:00:00Z'))).toBe('2020-12-19');
  });

  it('takes times with an offset as given and refuses what it cannot read', () => {
    expect(parseInstant('2020-10-19T10:00:00Z')?.toISOString()).toBe('2020-10-19T10:00:00.000Z');
    expect(parseInstant('2020-10-19T12:00:00+02:00')?.toISOString()).toBe('2020-10-19T10:00:00.000Z');
    expect(parseInstant('2020-02-30')).toBeNull();
    expect(parseInstant('19-10-2020')).toBeNull();
    expect(parseInstant('2020-10-19T25:00:00Z')).toBeNull();
  });

  it('refuses times that do not exist instead of rolling them over into another day', () => {
    for (const text of [
      '2027-02-30T12:00',
      '2027-02-29',
      '2099-13-45T99:99',
      '2027-02-30T10:00:00Z',
      '2026-04-31T08:00:00+02:00',
      '2026-01-01T24:00',
      '2026-01-01T12:60',
      '2026-06-30T23:59:60Z',
      '2026-01-01T12:00+15:00',
      '2026-00-10',
    ]) {
      expect(parseInstant(text)).toBeNull();
    }
    expect(parseInstant('2028-02-29T12:00')?.toISOString()).toBe('2028-02-29T11:00:00.000Z');
    expect(parseInstant('2026-12-31T23:59:59.999Z')?.toISOString()).toBe('2026-12-31T23:59:59.999Z');
  });

  it('reads every real wall-clock time back as itself in Copenhagen (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const whole = new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
        expect(parseInstant(whole.toISOString())?.getTime()).toBe(whole.getTime());
        const day = copenhagenDate(whole);
        expect(parseInstant(day)).not.toBeNull();
        expect(copenhagenDate(parseInstant(day)!)).toBe(day);
      }),
    );
  });
});
