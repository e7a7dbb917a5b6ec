import { csvLine, danishDate, danishKroner, parseCsv } from './csv.js';

describe('CSV', () => {
  it('writes kroner and dates the Danish way', () => {
    expect(danishKroner(1_101_426_000n)).toBe('11.014.260,00');
    expect(danishKroner(488_442_900n)).toBe('4.884.429,00');
    expect(danishKroner(5n)).toBe('0,05');
    expect(danishDate('2020-12-18')).toBe('18-12-2020');
  });

  it('quotes fields that hold the separator, quotes or line breaks, and reads them back', () => {
    const line = csvLine(['ÆLD-2020-0001', 'Titel; med semikolon', 'Sagt "nærvær"', 'To\nlinjer', 11]);
    expect(line).toBe('ÆLD-2020-0001;"Titel; med semikolon";"Sagt ""nærvær""";"To\nlinjer";11\r\n');
    expect(parseCsv(`\uFEFF${line}${csvLine(['a', 'b'])}`)).toEqual([
      ['ÆLD-2020-0001', 'Titel; med semikolon', 'Sagt "nærvær"', 'To\nlinjer', '11'],
      ['a', 'b'],
    ]);
  });
});
