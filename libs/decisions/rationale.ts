import { wordsOf } from '../core/format/danish.js';

/**
 * A decision that is not a full grant must state its main considerations (hovedhensyn, forvaltnings-
 * loven § 24). A rationale counts as substantive when, once stock phrases are taken out, it still
 * says something: at least 40 characters and 6 different words of more than two letters.
 */
export const MIN_RATIONALE_CHARACTERS = 40;
export const MIN_RATIONALE_DISTINCT_WORDS = 6;

/** Phrases that say a decision was made without saying why. Longest first, so they are removed whole. */
const BOILERPLATE = [
  'ansøgningen imødekommes delvist',
  'ansøgningen kan ikke imødekommes',
  'ansøgningen imødekommes ikke',
  'der henvises til vurderingen',
  'der henvises til ansøgningen',
  'ingen yderligere bemærkninger',
  'ansøgningen afvises',
  'ansøgningen afslås',
  'jf. vurderingen',
  'jf vurderingen',
  'se vurderingen',
  'se vurdering',
  'ikke bevilget',
  'delvis bevilling',
  'ingen bemærkninger',
  'lorem ipsum',
  'no comment',
  'not approved',
  'afslag',
  'afvist',
  'afvises',
  'rejected',
  'declined',
].sort((a, b) => b.length - a.length);

export function isSubstantiveRationale(text: string): boolean {
  if (text.trim().length < MIN_RATIONALE_CHARACTERS) return false;
  let remainder = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
  for (const phrase of BOILERPLATE) remainder = remainder.split(phrase).join(' ');
  const words = wordsOf(remainder, 3);
  return new Set(words).size >= MIN_RATIONALE_DISTINCT_WORDS;
}

/**
 * A full grant may go without a rationale (forvaltningsloven § 22), but one that is given is published
 * and must be real text: at least 10 characters and two words of two letters or more. "x" or "ok"
 * never reaches a letter or the published overview.
 */
export const MIN_GIVEN_RATIONALE_CHARACTERS = 10;

export function isRealText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= MIN_GIVEN_RATIONALE_CHARACTERS && wordsOf(trimmed, 2).length >= 2;
}
