import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';

const valid = { JWT_SECRET: randomBytes(32).toString('hex'), RECORDS_KEYS: `k1:${randomBytes(32).toString('base64')}` };

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults and picks the embedded database when DATABASE_URL is unset', () => {
    const config = loadConfig(valid);
    expect(config.databaseKind).toBe('sqlite');
    expect(config.PORT).toBe(3000);
    expect(config.LOGIN_MAX_FAILURES).toBe(5);
    expect(config.production).toBe(false);
  });
  it('names every missing or bad setting at once', () => {
    const message = problemsOf({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    expect(message).toMatch(/JWT_SECRET is required/);
    expect(message).toMatch(/RECORDS_KEYS is required/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL must be a postgres/);
  });
  it('converts numbers from strings', () => {
    expect(loadConfig({ ...valid, PORT: '0', JOB_LOCK_MS: '5000' }).JOB_LOCK_MS).toBe(5000);
  });
});

describe('weak and default secrets', () => {
  it.each([
    ['a repeated character', 'x'.repeat(40)],
    ['a placeholder', 'change-me-change-me-change-me-change-me'],
    ['a low-variety string', 'abababababababababababababababab12'],
  ])('refuses a JWT_SECRET that is %s', (_kind, secret) => {
    expect(problemsOf({ ...valid, JWT_SECRET: secret })).toMatch(/JWT_SECRET (looks like a placeholder|is not random)/);
  });
  it('refuses a short JWT_SECRET', () => {
    expect(problemsOf({ ...valid, JWT_SECRET: 'Zq8#kP2' })).toMatch(/JWT_SECRET must be at least 32/);
  });
  it('refuses record keys of the wrong length or a trivial pattern', () => {
    expect(problemsOf({ ...valid, RECORDS_KEYS: `k1:${randomBytes(16).toString('base64')}` })).toMatch(/key k1 must be 32 bytes/);
    expect(problemsOf({ ...valid, RECORDS_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}` })).toMatch(/key k1 is not random/);
    expect(problemsOf({ ...valid, RECORDS_KEYS: `k1:${randomBytes(32).toString('base64')},k2:${Buffer.alloc(32).toString('base64')}` })).toMatch(/key k2 is not random/);
  });
  it('refuses a weak, common or blank first-admin password', () => {
    for (const password of ['password1234', ' '.repeat(12), 'adminadminadmin']) {
      expect(problemsOf({ ...valid, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: password })).toMatch(/ADMIN_PASSWORD/);
    }
  });
  it('accepts what the quick start and the tests generate', () => {
    expect(() => loadConfig({ ...valid, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: randomBytes(9).toString('base64url') })).not.toThrow();
    expect(() => loadConfig({ ...valid, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'admin-password-for-tests' })).not.toThrow();
  });
});
