import { DanishCalendar, danishPublicHolidays, easterSunday } from './danish-calendar.js';

describe('Easter Sunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('in %i is %s', (year, date) => expect(easterSunday(year)).toBe(date));
});

describe('Danish public holidays', () => {
  it('2021: the Easter-based ones follow Easter Sunday 4 April, with General Prayer Day', () => {
    expect(danishPublicHolidays(2021).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2021-01-01 Nytårsdag',
      '2021-04-01 Skærtorsdag',
      '2021-04-02 Langfredag',
      '2021-04-04 Påskedag',
      '2021-04-05 2. påskedag',
      '2021-04-30 Store bededag',
      '2021-05-13 Kristi himmelfartsdag',
      '2021-05-23 Pinsedag',
      '2021-05-24 2. pinsedag',
      '2021-12-25 Juledag',
      '2021-12-26 2. juledag',
    ]);
  });

  it('General Prayer Day is a holiday up to and including 2023, not from 2024', () => {
    expect(danishPublicHolidays(2023).map((h) => h.date)).toContain('2023-05-05');
    expect(danishPublicHolidays(2024).map((h) => h.name)).not.toContain('Store bededag');
    expect(new DanishCalendar().isWorkingDay('2023-05-05')).toBe(false);
    expect(new DanishCalendar().isWorkingDay('2024-04-26')).toBe(true);
  });

  it('Ascension Day and Whit Monday of 2026', () => {
    const dates = danishPublicHolidays(2026).map((h) => h.date);
    expect(dates).toContain('2026-05-14');
    expect(dates).toContain('2026-05-25');
  });
});

describe('working days', () => {
  const calendar = new DanishCalendar();

  it('are not weekends, holidays or closure days', () => {
    expect(calendar.isWorkingDay('2021-06-04')).toBe(true);
    expect(calendar.isWorkingDay('2021-06-05')).toBe(false); // Saturday, Grundlovsdag
    expect(calendar.isWorkingDay('2024-06-05')).toBe(false); // Wednesday, Grundlovsdag (closure day)
    expect(calendar.isWorkingDay('2021-12-24')).toBe(false);
    expect(calendar.isWorkingDay('2021-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2021-04-05')).toBe(false);
  });

  it('closure days are configurable', () => {
    expect(new DanishCalendar([]).isWorkingDay('2024-06-05')).toBe(true);
    expect(new DanishCalendar([]).isWorkingDay('2024-12-24')).toBe(true);
  });

  it('move to the working day before or after', () => {
    expect(calendar.onOrBefore('2021-04-05')).toBe('2021-03-31'); // Easter Monday → before Maundy Thursday
    expect(calendar.onOrAfter('2021-04-01')).toBe('2021-04-06');
    expect(calendar.onOrAfter('2021-12-24')).toBe('2021-12-27');
    expect(calendar.onOrBefore('2022-01-01')).toBe('2021-12-30');
  });

  it('count ten working days across Easter', () => {
    // 30, 31 March; 6–9 and 12–15 April (1, 2 and 5 April are holidays).
    expect(calendar.addWorkingDays('2021-03-29', 10)).toBe('2021-04-15');
  });
});
