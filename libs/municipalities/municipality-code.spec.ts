import { normalizeMunicipalityCode } from './municipality-code.js';

describe('normalizeMunicipalityCode', () => {
  it('keeps a three-digit code', () => expect(normalizeMunicipalityCode('101')).toBe('101'));
  it('accepts the zero-padded four-digit form', () => expect(normalizeMunicipalityCode('0101')).toBe('101'));
  it('trims white space', () => expect(normalizeMunicipalityCode(' 851 ')).toBe('851'));
  it.each(['1011', '10', 'abc', '', '1101', '10a'])('refuses %p', (input) => expect(normalizeMunicipalityCode(input)).toBeNull());
});
