import { randomBytes } from 'crypto';
import { RecordDecryptionError, createRecordCipher } from './record-cipher';
import { RecordKeyError, parseRecordKeyring } from './record-keys';

const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('hex');

describe('createRecordCipher', () => {
  const cipher = createRecordCipher({ keys: { k1: oldKey }, activeKeyId: 'k1' });

  it('round-trips text and bytes, with a fresh iv every time', () => {
    const sealed = cipher.encrypt('{"surname":"Nguyễn","note":"李"}');
    expect(sealed).toMatch(/^v1:k1:[A-Za-z0-9+/]+=*$/);
    expect(cipher.decryptString(sealed)).toBe('{"surname":"Nguyễn","note":"李"}');
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
    const bytes = randomBytes(100);
    expect(cipher.decrypt(cipher.encrypt(bytes)).equals(bytes)).toBe(true);
    expect(cipher.decryptString(cipher.encrypt(''))).toBe('');
  });

  it('opens old values after a rotation while sealing new ones with the active key', () => {
    const before = cipher.encrypt('loan history');
    const rotated = createRecordCipher({ keys: { k1: oldKey, k2: newKey }, activeKeyId: 'k2' });
    expect(rotated.decryptString(before)).toBe('loan history');
    expect(rotated.needsReencryption(before)).toBe(true);
    const resealed = rotated.reencrypt(before);
    expect(rotated.keyIdOf(resealed)).toBe('k2');
    expect(rotated.needsReencryption(resealed)).toBe(false);
    expect(rotated.decryptString(resealed)).toBe('loan history');
  });

  it('names a key that is no longer configured', () => {
    const withoutOld = createRecordCipher({ keys: { k2: newKey }, activeKeyId: 'k2' });
    expect(() => withoutOld.decrypt(cipher.encrypt('x'))).toThrow(/sealed with key "k1", which is not configured \(configured: k2\)/);
  });

  it('detects a wrong key under the same id', () => {
    const impostor = createRecordCipher({ keys: { k1: newKey }, activeKeyId: 'k1' });
    expect(() => impostor.decrypt(cipher.encrypt('x'))).toThrow(RecordDecryptionError);
    expect(() => impostor.decrypt(cipher.encrypt('x'))).toThrow(/authentication failed/);
  });

  it('detects any flipped bit, and a value moved to another context', () => {
    const sealed = cipher.encrypt('patron 23000000012345', 'case:42');
    const payload = Buffer.from(sealed.split(':')[2], 'base64');
    for (const index of [0, 12, 28, payload.length - 1]) {
      const tampered = Buffer.from(payload);
      tampered[index] ^= 1;
      expect(() => cipher.decrypt(`v1:k1:${tampered.toString('base64')}`, 'case:42')).toThrow(/authentication failed/);
    }
    expect(cipher.decryptString(sealed, 'case:42')).toBe('patron 23000000012345');
    expect(() => cipher.decrypt(sealed, 'case:43')).toThrow(/authentication failed/);
    expect(() => cipher.decrypt(sealed)).toThrow(/authentication failed/);
  });

  it.each(['', 'plain text', 'v2:k1:AAAA', 'v1::AAAA', 'v1:k1:not base64!', 'v1:k1:AAAA'])('refuses a malformed value %j', (sealed) => {
    expect(() => cipher.decrypt(sealed)).toThrow(RecordDecryptionError);
  });

  it('refuses bad keys when it is built', () => {
    expect(() => createRecordCipher({ keys: { k1: Buffer.alloc(16).toString('base64') }, activeKeyId: 'k1' })).toThrow('key "k1" decodes to 16 bytes; AES-256-GCM needs exactly 32');
    expect(() => createRecordCipher({ keys: { k1: oldKey }, activeKeyId: 'k9' })).toThrow('the active key id "k9" is not among the configured keys (k1)');
  });
});

describe('parsing configured keys', () => {
  it('reads RECORDS_KEYS, taking the last key as active unless told', () => {
    const keyring = parseRecordKeyring(`k1:${oldKey}, k2:${newKey}`);
    expect(keyring.activeKeyId).toBe('k2');
    expect(keyring.keys.get('k1')?.toString('base64')).toBe(oldKey);
    expect(keyring.keys.get('k2')?.toString('hex')).toBe(newKey);
    expect(parseRecordKeyring(`k1:${oldKey},k2:${newKey}`, 'k1').activeKeyId).toBe('k1');
    const urlSafe = oldKey.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(parseRecordKeyring(`k1:${urlSafe}`).keys.get('k1')?.toString('base64')).toBe(oldKey);
  });

  it('names every problem at once and never prints a key', () => {
    const short = Buffer.alloc(24, 7).toString('base64');
    let message = '';
    try {
      parseRecordKeyring(`k1:${short},bad id:${oldKey},k3:%%%,k4:`);
    } catch (error) {
      expect(error).toBeInstanceOf(RecordKeyError);
      message = (error as Error).message;
    }
    expect(message).toContain('key "k1" decodes to 24 bytes');
    expect(message).toContain('key id "bad id" may contain only letters, digits');
    expect(message).toContain('key "k3" is neither 64 hex digits nor base64');
    expect(message).toContain('key "k4" is empty');
    expect(message).not.toContain(short);
    expect(message).not.toContain(oldKey);
  });

  it('refuses an empty setting and repeated ids', () => {
    expect(() => parseRecordKeyring('')).toThrow(/no record encryption key is configured/);
    expect(() => parseRecordKeyring(`k1:${oldKey},k1:${newKey}`)).toThrow('key id "k1" is listed twice');
  });
});
