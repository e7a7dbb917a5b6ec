import { issueRefreshToken, parseRefreshToken, secretHashesMatch } from './refresh-token.js';

describe('refresh tokens', () => {
  it('parse back to their id and the stored hash of their secret', () => {
    const issued = issueRefreshToken();
    const parsed = parseRefreshToken(issued.token);
    expect(parsed?.id).toBe(issued.id);
    expect(secretHashesMatch(parsed!.secretHash, issued.secretHash)).toBe(true);
  });

  it('never store the secret itself', () => {
    const issued = issueRefreshToken();
    expect(issued.secretHash).not.toContain(issued.token.split('.')[1]);
  });

  it('refuse anything not of their form', () => {
    expect(parseRefreshToken('')).toBeNull();
    expect(parseRefreshToken('not-a-token')).toBeNull();
    expect(parseRefreshToken(`${issueRefreshToken().id}.short`)).toBeNull();
  });

  it('a different secret does not match', () => {
    const a = issueRefreshToken();
    const b = issueRefreshToken();
    expect(secretHashesMatch(a.secretHash, b.secretHash)).toBe(false);
  });
});
