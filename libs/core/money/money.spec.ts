import { kroner, oreColumn, oreFromApi, oreToApi, sumOre } from './money.js';

describe('money', () => {
  it('adds exactly, past what a float can hold', () => {
    const big = 9_007_199_254_740_993n;
    expect(sumOre([big, 1n])).toBe(9_007_199_254_740_994n);
    expect(sumOre([kroner(11_014_260), kroner(14_385_500)])).toBe(2_539_976_000n);
  });

  it('refuses API amounts that are not whole numbers of øre', () => {
    expect(oreFromApi(1_000)).toBe(1_000n);
    expect(() => oreFromApi(10.5)).toThrow(RangeError);
    expect(() => oreFromApi(2 ** 60)).toThrow(RangeError);
    expect(() => oreToApi(2n ** 60n)).toThrow(RangeError);
  });

  it('reads and writes bigint columns as text', () => {
    expect(oreColumn.to(1_101_426_000n)).toBe('1101426000');
    expect(oreColumn.from('24500000000')).toBe(24_500_000_000n);
    expect(oreColumn.from(null)).toBeNull();
  });
});
