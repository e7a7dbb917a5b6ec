import fc from 'fast-check';
import { countOf, formatDate, formatDateTime, formatKroner, formatKronerNumber, formatSpreadsheetDate } from './danish.js';

describe('Danish formats', () => {
  it('writes amounts with . between thousands, , before øre and kr. after', () => {
    expect(formatKroner(1_101_426_000n)).toBe('11.014.260 kr.');
    expect(formatKroner(24_500_000_000n)).toBe('245.000.000 kr.');
    expect(formatKroner(123_450n)).toBe('1.234,50 kr.');
    expect(formatKroner(5n)).toBe('0,05 kr.');
    expect(formatKroner(-100_000n)).toBe('-1.000 kr.');
    expect(formatKronerNumber(488_442_900n)).toBe('4.884.429,00');
    expect(formatKronerNumber(-5n)).toBe('-0,05');
  });

  it('writes every amount exactly, to the øre, whatever its size (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (ore) => {
        const digits = formatKronerNumber(ore).replace(/\./g, '').replace(',', '');
        expect(BigInt(digits)).toBe(ore);
      }),
    );
  });

  it('writes dates and Copenhagen times as letters do', () => {
    expect(formatDate('2020-12-18')).toBe('18. december 2020');
    expect(formatDate('2021-01-01')).toBe('1. januar 2021');
    expect(formatDateTime(new Date('2020-10-19T09:58:00Z'))).toBe('19. oktober 2020 kl. 11.58');
    expect(formatDateTime(new Date('2020-12-18T08:05:00Z'))).toBe('18. december 2020 kl. 09.05');
    expect(formatSpreadsheetDate('2020-12-18')).toBe('18-12-2020');
    expect(formatSpreadsheetDate(null)).toBe('');
  });

  it('counts in the form Danish gives the word', () => {
    expect(countOf(1, 'projekt', 'projekter')).toBe('1 projekt');
    expect(countOf(31, 'projekt', 'projekter')).toBe('31 projekter');
    expect(countOf(0, 'projekt', 'projekter')).toBe('0 projekter');
    expect(countOf(1200, 'dag', 'dage')).toBe('1.200 dage');
  });
});
