/** AES-256 wants exactly 32 bytes of key. */
export const RECORD_KEY_BYTES = 32;

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HOW_TO_MAKE_ONE = 'make one with: openssl rand -base64 32';

/** A configured key is unusable; the message says which and why, never the key itself. */
export class RecordKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordKeyError';
  }
}

/** Keys by id, and the one new data is sealed with. Old ids stay so older rows still open after a rotation. */
export interface RecordKeyring {
  keys: ReadonlyMap<string, Buffer>;
  activeKeyId: string;
}

/** One AES-256 key from 64 hex digits or base64 (standard or URL-safe) of 32 bytes, or a 32-byte Buffer. */
export function parseRecordKey(value: string | Buffer, keyId = 'key'): Buffer {
  const name = `key "${keyId}"`;
  if (Buffer.isBuffer(value)) {
    if (value.length !== RECORD_KEY_BYTES) throw new RecordKeyError(`${name} is ${value.length} bytes; AES-256-GCM needs exactly ${RECORD_KEY_BYTES}`);
    return Buffer.from(value);
  }
  const text = value.trim();
  if (text === '') throw new RecordKeyError(`${name} is empty (${HOW_TO_MAKE_ONE})`);
  // 64 hex digits are also valid base64 (of 48 bytes); hex is what they almost always mean
  if (HEX_KEY.test(text)) return Buffer.from(text, 'hex');
  if (!BASE64.test(text)) throw new RecordKeyError(`${name} is neither 64 hex digits nor base64 (${HOW_TO_MAKE_ONE})`);
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== RECORD_KEY_BYTES) {
    throw new RecordKeyError(`${name} decodes to ${key.length} bytes; AES-256-GCM needs exactly ${RECORD_KEY_BYTES} (${HOW_TO_MAKE_ONE})`);
  }
  return key;
}

/**
 * Builds a keyring from `{ keyId: key }` and checks it: ids, key lengths, and that the active key exists.
 * Every problem is named in one error, for a start-up message that fixes everything at once.
 */
export function buildRecordKeyring(keys: Readonly<Record<string, string | Buffer>> | ReadonlyMap<string, string | Buffer>, activeKeyId: string): RecordKeyring {
  const entries = keys instanceof Map ? [...keys.entries()] : Object.entries(keys);
  const parsed = new Map<string, Buffer>();
  const problems: string[] = [];
  for (const [keyId, value] of entries) {
    if (!KEY_ID.test(keyId)) problems.push(`key id "${keyId}" may contain only letters, digits, - and _ (1-64 characters)`);
    try {
      parsed.set(keyId, parseRecordKey(value, keyId));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (entries.length === 0) problems.push(`no record encryption key is configured (${HOW_TO_MAKE_ONE})`);
  else if (!entries.some(([keyId]) => keyId === activeKeyId)) problems.push(`the active key id "${activeKeyId}" is not among the configured keys (${entries.map(([id]) => id).join(', ')})`);
  if (problems.length > 0) throw new RecordKeyError(problems.join('; '));
  return { keys: parsed, activeKeyId };
}

/**
 * Parses the RECORDS_KEYS setting, `keyId:key[,keyId:key...]`. Without `activeKeyId` the last key listed is
 * active: a rotation appends the new key and keeps the old ones for reading.
 */
export function parseRecordKeyring(setting: string, activeKeyId?: string): RecordKeyring {
  const keys = new Map<string, string>();
  const problems: string[] = [];
  const entries = setting.split(',').map((part) => part.trim()).filter((part) => part !== '');
  for (const [index, entry] of entries.entries()) {
    const separator = entry.indexOf(':');
    if (separator <= 0) {
      problems.push(`entry ${index + 1} is not keyId:key`); // without echoing it: it may be a bare key
      continue;
    }
    const keyId = entry.slice(0, separator);
    if (keys.has(keyId)) problems.push(`key id "${keyId}" is listed twice`);
    keys.set(keyId, entry.slice(separator + 1));
  }
  if (problems.length > 0) throw new RecordKeyError(problems.join('; '));
  return buildRecordKeyring(keys, activeKeyId ?? [...keys.keys()].pop() ?? '');
}
