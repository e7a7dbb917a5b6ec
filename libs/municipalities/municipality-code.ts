/**
 * Kommune codes are three digits (`101`); the zero-padded four-digit form (`0101`) used by some
 * registers is accepted on input and normalised. Returns null for anything else.
 */
export function normalizeMunicipalityCode(input: string): string | null {
  const trimmed = input.trim();
  if (/^\d{3}$/.test(trimmed)) return trimmed;
  if (/^0\d{3}$/.test(trimmed)) return trimmed.slice(1);
  return null;
}
