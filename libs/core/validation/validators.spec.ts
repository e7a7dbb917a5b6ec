import { isCalendarDate } from './validators.js';

describe('isCalendarDate', () => {
  it.each(['2020-12-18', '2024-02-29', '2021-01-31'])('accepts %s', (value) => expect(isCalendarDate(value)).toBe(true));
  it.each(['2021-02-29', '2020-13-01', '2020-1-1', '18-12-2020', '2020-12-18T00:00', 20201218, null])('refuses %p', (value) =>
    expect(isCalendarDate(value)).toBe(false),
  );
});
