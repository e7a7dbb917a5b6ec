import { normalizeEmail, passwordProblems } from './password-policy.js';

describe('passwordProblems', () => {
  it('accepts a password of 12 characters or more', () => {
    expect(passwordProblems('korrekt-hest-batteri', 'mette@kolding.dk')).toEqual([]);
    expect(passwordProblems('123456789012', 'mette@kolding.dk')).toEqual([]);
  });

  it('refuses a password shorter than 12 characters', () => {
    expect(passwordProblems('12345678901', 'mette@kolding.dk')).toEqual(['must be at least 12 characters']);
  });

  it('refuses the e-mail address itself, in any case, and its local part', () => {
    expect(passwordProblems('Mette.Hansen@Kolding.dk', 'mette.hansen@kolding.dk')).toEqual(['must not be the e-mail address']);
    expect(passwordProblems('mette.hansen', 'mette.hansen@kolding.dk')).toContain('must not be the e-mail address');
  });

  it('refuses an absurdly long password', () => {
    expect(passwordProblems('x'.repeat(257), 'a@b.dk')).toEqual(['must be at most 256 characters']);
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and trims', () => expect(normalizeEmail('  Mette@Kolding.DK ')).toBe('mette@kolding.dk'));
});
