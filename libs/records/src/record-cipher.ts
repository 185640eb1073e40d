import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';
import { buildRecordKeyring } from './record-keys';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';
const STRICT_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class RecordDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordDecryptionError';
  }
}

export interface RecordCipherOptions {
  /** keyId → 32-byte key as base64, hex or Buffer. */
  keys: Readonly<Record<string, string | Buffer>> | ReadonlyMap<string, string | Buffer>;
  activeKeyId: string;
}

/**
 * Seals patron data at rest with AES-256-GCM as `v1:<keyId>:<base64 of iv(12) | tag(16) | ciphertext>`.
 * The key id travels with the value, so after a rotation old values open with their old key while new ones
 * use the active key. `context` (e.g. "case:42") is authenticated too: a value moved to another row fails to open.
 */
export interface RecordCipher {
  readonly activeKeyId: string;
  encrypt(plaintext: string | Buffer, context?: string): string;
  decrypt(sealed: string, context?: string): Buffer;
  decryptString(sealed: string, context?: string): string;
  /** The id of the key a value was sealed with. */
  keyIdOf(sealed: string): string;
  /** True when the value was sealed with a key other than the active one (a rotation job re-seals those). */
  needsReencryption(sealed: string): boolean;
  reencrypt(sealed: string, context?: string): string;
}

/** Accepts raw options or a parsed RecordKeyring (which has the same shape); keys are checked either way. */
export function createRecordCipher(options: RecordCipherOptions): RecordCipher {
  const { keys, activeKeyId } = buildRecordKeyring(options.keys, options.activeKeyId);
  const activeKey = keys.get(activeKeyId) as Buffer;

  const encrypt = (plaintext: string | Buffer, context?: string): string => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, activeKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(activeKeyId, context));
    const ciphertext = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
    return `${VERSION}:${activeKeyId}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
  };

  const decrypt = (sealed: string, context?: string): Buffer => {
    const { keyId, payload } = unpack(sealed);
    const key = keys.get(keyId);
    if (!key) throw new RecordDecryptionError(`the value was sealed with key "${keyId}", which is not configured (configured: ${[...keys.keys()].join(', ')})`);
    const decipher = createDecipheriv(ALGORITHM, key, payload.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(keyId, context));
    decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(payload.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new RecordDecryptionError(`authentication failed: the value was altered, belongs to another context, or key "${keyId}" is not the key it was sealed with`);
    }
  };

  return {
    activeKeyId,
    encrypt,
    decrypt,
    decryptString: (sealed, context) => decrypt(sealed, context).toString('utf8'),
    keyIdOf: (sealed) => unpack(sealed).keyId,
    needsReencryption: (sealed) => unpack(sealed).keyId !== activeKeyId,
    reencrypt: (sealed, context) => encrypt(decrypt(sealed, context), context),
  };
}

/** The version and key id are authenticated with the data, so neither can be swapped unnoticed. */
function additionalData(keyId: string, context: string | undefined): Buffer {
  return Buffer.from(context === undefined ? `${VERSION}:${keyId}` : `${VERSION}:${keyId}\0${context}`, 'utf8');
}

function unpack(sealed: string): { keyId: string; payload: Buffer } {
  const parts = typeof sealed === 'string' ? sealed.split(':') : [];
  if (parts.length !== 3 || parts[0] !== VERSION || parts[1] === '' || !STRICT_BASE64.test(parts[2])) {
    throw new RecordDecryptionError(`not a sealed record value (expected ${VERSION}:<keyId>:<base64>)`);
  }
  const payload = Buffer.from(parts[2], 'base64');
  if (payload.length < IV_BYTES + TAG_BYTES) throw new RecordDecryptionError('the sealed value is too short to hold an iv and an authentication tag');
  return { keyId: parts[1], payload };
}
