import fc from 'fast-check';
import { caseNumber } from './application.rules.js';
import { caseNumberSearch } from './application-search.js';

const code = fc.tuple(fc.stringMatching(/^[A-ZÆØÅ]{2,10}$/), fc.integer({ min: 2000, max: 2099 })).map(([letters, year]) => `${letters}-${year}`);

describe('caseNumberSearch', () => {
  it('takes every case number, and every start of one from the dash on, as a case number', () => {
    fc.assert(
      fc.property(code, fc.integer({ min: 1, max: 99_999 }), fc.nat(), (programme, sequence, cut) => {
        const full = caseNumber(programme, sequence);
        const start = full.slice(0, programme.indexOf('-') + 1 + (cut % (full.length - programme.indexOf('-'))));
        expect(caseNumberSearch(full)).toBe(full);
        expect(caseNumberSearch(start)).toBe(start);
      }),
    );
  });

  it('ignores case and surrounding space, æøå included', () => {
    expect(caseNumberSearch('  æld-2020-0007 ')).toBe('ÆLD-2020-0007');
    expect(caseNumberSearch('søn-2021')).toBe('SØN-2021');
    expect(caseNumberSearch('Åbo-2022-1')).toBe('ÅBO-2022-1');
    // å written as a and a combining ring is the letter å.
    expect(caseNumberSearch('a\u030Abo-2022')).toBe('ÅBO-2022');
  });

  it('leaves words, and anything a LIKE pattern could read as a wildcard, to the text search', () => {
    expect(caseNumberSearch('demenscafé')).toBeNull();
    expect(caseNumberSearch('ÆLD')).toBeNull();
    expect(caseNumberSearch('selvstyrende teams')).toBeNull();
    expect(caseNumberSearch('ÆLD-2020 teams')).toBeNull();
    fc.assert(
      fc.property(fc.string(), (text) => {
        const prefix = caseNumberSearch(text);
        if (prefix !== null) expect(prefix).toMatch(/^[A-ZÆØÅ]+-[\d-]*$/);
      }),
    );
    expect(caseNumberSearch('ÆLD-2020-%')).toBeNull();
    expect(caseNumberSearch('ÆL_-2020')).toBeNull();
  });
});
