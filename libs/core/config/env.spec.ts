import { ConfigValidationError, parseEnv } from './env.js';

function problemsOf(raw: Record<string, string>): string[] {
  try {
    parseEnv(raw);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseEnv', () => {
  it('gives defaults that work on a developer machine', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('postgres://tilskud_app@127.0.0.1:5432/tilskud');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.SMTP_SECURE).toBe(false);
    expect(env.NODE_ENV).toBe('development');
  });

  it('converts numbers and booleans from their text form', () => {
    const env = parseEnv({ PORT: '8080', SMTP_PORT: '465', SMTP_SECURE: 'true', DATABASE_POOL_SIZE: '25' });
    expect(env).toMatchObject({ PORT: 8080, SMTP_PORT: 465, SMTP_SECURE: true, DATABASE_POOL_SIZE: 25 });
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ PORT: '' }).PORT).toBe(3000);
  });

  it('refuses a PORT that is not a port number, naming the variable and the value', () => {
    const problems = problemsOf({ PORT: 'abc' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT must be a whole number between 1 and 65535 \(got "abc"\)$/);
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT /);
    expect(problemsOf({ PORT: '0' })[0]).toMatch(/^PORT /);
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'x', DATABASE_URL: 'mysql://nope', REDIS_URL: 'http://x', LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'REDIS_URL']);
  });

  it('never prints a secret it refuses', () => {
    const [problem] = problemsOf({ JWT_SECRET: 'short' });
    expect(problem).toContain('JWT_SECRET');
    expect(problem).not.toContain('short');
  });

  it('has no signing secret of its own: without JWT_SECRET the installation’s generated one is used', () => {
    expect(parseEnv({}).JWT_SECRET).toBeUndefined();
  });

  it('refuses a short secret anywhere, and accepts a long one', () => {
    expect(problemsOf({ JWT_SECRET: 'a'.repeat(31) })[0]).toMatch(/^JWT_SECRET must be at least 32 characters/);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(20), AUDIT_HMAC_KEY: 'h'.repeat(40) })[0]).toMatch(/at least 32 characters/);
    expect(parseEnv({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(48), AUDIT_HMAC_KEY: 'h'.repeat(40) }).JWT_SECRET).toBe('k'.repeat(48));
  });

  it('refuses to start in production without the audit chain’s key, which lives outside the database', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE must be set in production/)]);
    expect(parseEnv({ NODE_ENV: 'production', AUDIT_HMAC_KEY_FILE: '/run/secrets/audit' }).AUDIT_HMAC_KEY_FILE).toBe('/run/secrets/audit');
    expect(problemsOf({ AUDIT_HMAC_KEY: 'short' })[0]).toMatch(/^AUDIT_HMAC_KEY must be at least 32 characters \(got \(hidden\)\)/);
  });

  it('reads the previous secret of a rotation only beside the new one', () => {
    expect(problemsOf({ JWT_SECRET_PREVIOUS: 'p'.repeat(40) })[0]).toMatch(/JWT_SECRET_PREVIOUS is only read beside JWT_SECRET/);
    expect(parseEnv({ JWT_SECRET: 'n'.repeat(40), JWT_SECRET_PREVIOUS: 'p'.repeat(40) }).JWT_SECRET_PREVIOUS).toBe('p'.repeat(40));
  });

  it('reads TRUST_PROXY as false, true, a number of hops or a list of addresses', () => {
    for (const value of ['false', 'true', '2', '10.0.0.1', '10.0.0.0/8,192.168.1.1', '::1']) expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
    expect(problemsOf({ TRUST_PROXY: 'yes please' })[0]).toMatch(/^TRUST_PROXY /);
  });

  it('ignores variables it does not know', () => {
    expect(() => parseEnv({ HOME: '/root', SOMETHING_ELSE: '1' })).not.toThrow();
  });
});
