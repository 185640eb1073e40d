import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditHeadStore, headSignatureValid, signHead } from './audit-heads';
import { AuditKeyError, auditKeysFrom } from './audit-keys';

const keys = auditKeysFrom({ AUDIT_HMAC_KEY: Buffer.alloc(32, 9).toString('base64'), JWT_SECRET: 'x'.repeat(32) });
const head = { seq: 42, hash: 'a'.repeat(64), at: new Date('2026-12-01T10:00:00Z') };

describe('signed audit heads', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'heads-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies its own signature and refuses any changed field or another key', () => {
    const signed = signHead(head, keys);
    expect(headSignatureValid(signed, keys)).toBe(true);
    expect(headSignatureValid({ ...signed, seq: 41 }, keys)).toBe(false);
    expect(headSignatureValid({ ...signed, hash: 'b'.repeat(64) }, keys)).toBe(false);
    expect(headSignatureValid(signed, auditKeysFrom({ JWT_SECRET: 'y'.repeat(32) }))).toBe(false);
    expect(headSignatureValid({ ...signed, signature: 'zz' }, keys)).toBe(false);
  });

  it('writes one file per export and the latest, and reads a forged latest as unsigned', async () => {
    const store = new AuditHeadStore(dir, keys);
    expect(await store.latest()).toBeNull();
    await store.write(head);
    await store.write({ ...head, seq: 43 });
    expect(await store.latest()).toMatchObject({ head: { seq: 43 }, signatureValid: true });
    expect(JSON.parse(readFileSync(join(dir, 'head-000000000042.json'), 'utf8')).seq).toBe(42);
    const latest = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8'));
    writeFileSync(join(dir, 'latest.json'), JSON.stringify({ ...latest, seq: 7 }));
    expect(await store.latest()).toMatchObject({ head: { seq: 7 }, signatureValid: false });
    writeFileSync(join(dir, 'latest.json'), 'not json');
    expect(await store.latest()).toMatchObject({ signatureValid: false });
  });

  it('needs a key of at least 32 bytes and derives distinct chain and head keys', () => {
    expect(() => auditKeysFrom({ AUDIT_HMAC_KEY: Buffer.alloc(16).toString('base64'), JWT_SECRET: 'x'.repeat(32) })).toThrow(AuditKeyError);
    expect(keys.chain.equals(keys.head)).toBe(false);
  });
});
