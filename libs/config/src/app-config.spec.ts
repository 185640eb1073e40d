import { ConfigError, loadConfig } from './app-config';

const valid = { JWT_SECRET: 'x'.repeat(32), RECORDS_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}` };

describe('loadConfig', () => {
  it('applies defaults and picks the embedded database when DATABASE_URL is unset', () => {
    const config = loadConfig(valid);
    expect(config.databaseKind).toBe('sqlite');
    expect(config.PORT).toBe(3000);
  });
  it('names every missing or bad setting at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/JWT_SECRET is required/);
      expect(message).toMatch(/RECORDS_KEYS is required/);
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL must be a postgres/);
    }
  });
  it('converts numbers from strings', () => {
    expect(loadConfig({ ...valid, PORT: '0', JOB_LOCK_MS: '5000' }).JOB_LOCK_MS).toBe(5000);
  });
});
