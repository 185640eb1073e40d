import { randomBytes } from 'node:crypto';
import { loadConfig } from './app-config';

const valid = { JWT_SECRET: randomBytes(32).toString('hex'), RECORDS_KEYS: `k1:${randomBytes(32).toString('base64')}` };

describe('e-mail and link settings, checked at start', () => {
  it('needs no mail settings, and links default to the listening address', () => {
    const config = loadConfig({ ...valid, PORT: '4100' });
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.publicUrl).toBe('http://127.0.0.1:4100');
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://custodian.example.gov/' }).publicUrl).toBe('https://custodian.example.gov');
  });

  it('refuses a mail server that is not an SMTP URL, and a server without a sender', () => {
    expect(() => loadConfig({ ...valid, SMTP_URL: 'mail.example.gov:25', MAIL_FROM: 'records@example.gov' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ ...valid, SMTP_URL: 'smtp://mail.example.gov:25' })).toThrow(/MAIL_FROM is required when SMTP_URL is set/);
    expect(() => loadConfig({ ...valid, SMTP_URL: 'smtp://mail.example.gov:25', MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM must be an e-mail address/);
    expect(() => loadConfig({ ...valid, PUBLIC_URL: 'custodian.example.gov' })).toThrow(/PUBLIC_URL must be an http/);
    const ok = loadConfig({ ...valid, SMTP_URL: 'smtp://mail.example.gov:25', MAIL_FROM: 'Custodian <records@library.example.gov>' });
    expect(ok.MAIL_FROM).toBe('Custodian <records@library.example.gov>');
  });
});
