import { normalizeEmail, passwordProblems } from './password-policy.js';

const TOO_GUESSABLE = /for let at gætte/;

describe('passwordProblems', () => {
  it('accepts a long passphrase and a long random-looking password', () => {
    expect(passwordProblems('korrekt-hest-batteri-hæfteklamme', 'mette@kolding.dk')).toEqual([]);
    expect(passwordProblems('en lang og sikker adgangsfrase', 'mette@kolding.dk')).toEqual([]);
    expect(passwordProblems('q7#Vt2!mZp9$Lx', 'mette@kolding.dk')).toEqual([]);
  });

  it('refuses a password shorter than 12 characters', () => {
    expect(passwordProblems('q7#Vt2!mZp9', 'mette@kolding.dk')).toEqual(['skal være mindst 12 tegn']);
  });

  it('refuses long passwords that are easy to guess: repeats, common passwords, sequences, keyboard runs', () => {
    for (const password of ['aaaaaaaaaaaaaaaa', 'Password123456', '123456789012', 'qwertyuiopasdf', 'abcdefghijklmn', 'password1234']) {
      expect(passwordProblems(password, 'mette@kolding.dk')).toEqual([expect.stringMatching(TOO_GUESSABLE)]);
    }
  });

  it('refuses a password built on the user’s own name and address', () => {
    expect(passwordProblems('mettehansen2026', 'mette.hansen@kolding.dk', 'Mette Hansen')).toEqual([expect.stringMatching(TOO_GUESSABLE)]);
    expect(passwordProblems('tilskudtilskud', 'a@b.dk')).toEqual([expect.stringMatching(TOO_GUESSABLE)]);
  });

  it('refuses the e-mail address itself, in any case, and its local part', () => {
    expect(passwordProblems('Mette.Hansen@Kolding.dk', 'mette.hansen@kolding.dk')).toEqual(['må ikke være e-mailadressen']);
    expect(passwordProblems('mette.hansen', 'mette.hansen@kolding.dk')).toContain('må ikke være e-mailadressen');
  });

  it('refuses an absurdly long password without scoring it', () => {
    expect(passwordProblems('x'.repeat(257), 'a@b.dk')).toEqual(['må højst være 256 tegn']);
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and trims', () => expect(normalizeEmail('  Mette@Kolding.DK ')).toBe('mette@kolding.dk'));
});
