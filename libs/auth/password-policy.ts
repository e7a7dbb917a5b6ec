import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but an unbounded one is a cheap way to burn our CPU (and the strength check's). */
export const MAX_PASSWORD_LENGTH = 256;
/**
 * zxcvbn's score runs from 0 (too guessable) to 4 (very unguessable); 3 is "safely unguessable" (about
 * 10^8 guesses and more), its recommendation for accounts that matter.
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * zxcvbn (the well-kept TypeScript port) with its lists of common passwords, English words, names and
 * keyboard patterns. A length rule alone accepted `aaaaaaaaaaaaaaaa` and `Password123456`.
 */
const strength = new ZxcvbnFactory({
  translations: english.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...english.dictionary },
});

/** Words a password must not lean on: the system's name and the user's own address and name. */
function userWords(email: string, name?: string): string[] {
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0];
  const names = (name ?? '').toLowerCase().split(/\s+/);
  // The parts and the parts run together: `mette.hansen` is also `mettehansen`.
  return ['tilskud', address, local, local.replace(/[^\p{L}\p{N}]/gu, ''), ...address.split(/[@.\-_+]/), ...names, names.join('')].filter(
    (word) => word.length >= 3,
  );
}

/** What is wrong with a password for this e-mail address (and name); empty when it may be used. In Danish. */
export function passwordProblems(password: string, email: string, name?: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`skal være mindst ${MIN_PASSWORD_LENGTH} tegn`);
  if (password.length > MAX_PASSWORD_LENGTH) return [...problems, `må højst være ${MAX_PASSWORD_LENGTH} tegn`];
  const candidate = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  if (candidate === address || candidate === address.split('@')[0]) problems.push('må ikke være e-mailadressen');
  if (problems.length === 0 && strength.check(password, userWords(email, name)).score < MIN_PASSWORD_SCORE) {
    problems.push('er for let at gætte: undgå almindelige adgangskoder, gentagelser, tastaturmønstre og dit navn; en sætning af flere ord er god');
  }
  return problems;
}

/** E-mail addresses are compared case-insensitively; they are stored lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
