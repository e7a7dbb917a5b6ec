export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but an unbounded one is a cheap way to burn our CPU. */
export const MAX_PASSWORD_LENGTH = 256;

/** What is wrong with a password for this e-mail address; empty when it may be used. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const candidate = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  if (candidate === address || candidate === address.split('@')[0]) problems.push('must not be the e-mail address');
  return problems;
}

/** E-mail addresses are compared case-insensitively; they are stored lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
