import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

/**
 * AES-256-GCM envelope encryption of stored files (decision 0051).
 *
 * Each file gets its own random 256-bit data key. The data key is wrapped (AES-256-GCM) by a key-encryption key
 * derived with HKDF from one of the records keys (`RECORDS_KEYS`, the keyring the record cipher uses), and the
 * wrapping key's id is written in the file's header. Rotation therefore works like the record cipher's: a new key
 * is appended and becomes active, old ids stay configured so old files open, and re-wrapping a file rewrites only its
 * header (`rewrapHeader`), never its body.
 *
 * The body is a sequence of segments of at most `segmentBytes` plaintext, each sealed with the data key under a
 * nonce made of the segment's index and a last-segment flag (the STREAM construction). A reader therefore releases
 * plaintext only segment by segment after each tag checked, and a file cut short or with segments swapped, dropped
 * or altered fails to open.
 *
 * Layout: magic(8) version(1) keyIdLength(1) keyId segmentBytes(4, BE) wrapIv(12) wrappedKey(32) wrapTag(16) body.
 * The header up to and including segmentBytes is the wrap's associated data, so neither the key id nor the segment
 * size can be changed unnoticed.
 */
export const SEALED_FILE_MAGIC = Buffer.from('CSTDYSF\u0001', 'latin1');
const FORMAT_VERSION = 1;
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAP_BYTES = IV_BYTES + KEY_BYTES + TAG_BYTES;
export const DEFAULT_SEGMENT_BYTES = 64 * 1024;
const MAX_SEGMENT_BYTES = 16 * 1024 * 1024;
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The body's segments are bound to the format; the key id is not in their associated data, so a re-wrap keeps them. */
const SEGMENT_AAD = Buffer.concat([SEALED_FILE_MAGIC, Buffer.from([FORMAT_VERSION])]);
const HKDF_SALT = Buffer.from('custodian/storage', 'utf8');
const HKDF_INFO = Buffer.from('file data-key wrapping v1', 'utf8');

export type SealedFileProblem = 'not_sealed' | 'unknown_key' | 'tampered' | 'truncated' | 'digest_mismatch';

const HOW_TO_SEAL_OLD_FILES = 'it was stored before encryption at rest: run `npm run storage:reseal` to seal files from before (decision 0051)';

/** A stored file that cannot be opened: altered, cut short, sealed with a key that is not configured, or never sealed. */
export class SealedFileError extends Error {
  constructor(
    readonly problem: SealedFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SealedFileError';
  }
}

/** Keys by id and the active one, as parsed from RECORDS_KEYS (`parseRecordKeyring`). */
export interface FileKeyring {
  keys: ReadonlyMap<string, Uint8Array>;
  activeKeyId: string;
}

/** One file's data key and the header that wraps it (structured-cloneable: it may be posted to a worker thread). */
export interface FileSealingKey {
  header: Uint8Array;
  dataKey: Uint8Array;
  segmentBytes: number;
}

export interface SealedHeader {
  keyId: string;
  segmentBytes: number;
  /** The header's length in bytes: the body starts here. */
  length: number;
}

export class FileEnvelope {
  readonly activeKeyId: string;
  private readonly wrappingKeys = new Map<string, Buffer>();

  constructor(
    keyring: FileKeyring,
    private readonly segmentBytes = DEFAULT_SEGMENT_BYTES,
  ) {
    for (const [keyId, key] of keyring.keys) {
      if (!KEY_ID.test(keyId)) throw new Error(`storage key id "${keyId}" may contain only letters, digits, - and _ (1-64 characters)`);
      if (key.length !== KEY_BYTES) throw new Error(`storage key "${keyId}" is ${key.length} bytes; AES-256 needs ${KEY_BYTES}`);
      // Domain separation: the records key itself seals record values; files are wrapped with a key derived from it.
      this.wrappingKeys.set(keyId, Buffer.from(hkdfSync('sha256', Buffer.from(key), HKDF_SALT, HKDF_INFO, KEY_BYTES)));
    }
    if (!this.wrappingKeys.has(keyring.activeKeyId)) throw new Error(`the active storage key id "${keyring.activeKeyId}" is not among the configured keys`);
    if (!Number.isInteger(segmentBytes) || segmentBytes < 1 || segmentBytes > MAX_SEGMENT_BYTES) throw new Error(`segment size must be 1..${MAX_SEGMENT_BYTES} bytes`);
    this.activeKeyId = keyring.activeKeyId;
  }

  /** A transform from plaintext to a sealed file (header first) under a fresh data key and the active key. */
  sealStream(): Transform {
    return sealingStream(this.newFileKey());
  }

  /**
   * A fresh data key with its wrapped header, for a writer elsewhere (a render thread) to seal one file with
   * `sealingStream` without holding the records keys. Use it for one file only.
   */
  newFileKey(): FileSealingKey {
    const dataKey = randomBytes(KEY_BYTES);
    return { header: this.header(this.activeKeyId, this.segmentBytes, dataKey), dataKey, segmentBytes: this.segmentBytes };
  }

  /** A transform from a sealed file to its plaintext; every segment is authenticated before its bytes go out. */
  unsealStream(): Transform {
    let pending: Buffer = Buffer.alloc(0);
    let dataKey: Buffer | null = null;
    let sealedSegment = 0;
    let index = 0;
    const envelope = this;
    return new Transform({
      transform(chunk: Buffer, _encoding, done: TransformCallback) {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        try {
          if (!dataKey) {
            const opened = envelope.openHeader(pending);
            if (!opened) return done();
            dataKey = opened.dataKey;
            sealedSegment = opened.header.segmentBytes + TAG_BYTES;
            pending = pending.subarray(opened.header.length);
          }
          // Exactly one sealed segment left may be the last: keep it until more bytes or the end say which.
          while (pending.length > sealedSegment) {
            this.push(openSegment(dataKey, pending.subarray(0, sealedSegment), index++, false));
            pending = pending.subarray(sealedSegment);
          }
          done();
        } catch (error) {
          done(error as Error);
        }
      },
      flush(done: TransformCallback) {
        try {
          if (!dataKey) {
            if (pending.length < SEALED_FILE_MAGIC.length || !isSealed(pending)) throw new SealedFileError('not_sealed', `the file is not sealed: ${HOW_TO_SEAL_OLD_FILES}`);
            throw new SealedFileError('truncated', 'the sealed file ends inside its header');
          }
          if (pending.length < TAG_BYTES) throw new SealedFileError('truncated', 'the sealed file was cut short: its last segment is missing');
          this.push(openSegment(dataKey, pending, index, true));
          dataKey.fill(0);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    });
  }

  /** The header of `head` (the file's first bytes), or null when more bytes are needed to read it. */
  readHeader(head: Buffer): SealedHeader | null {
    if (head.length < SEALED_FILE_MAGIC.length + 2) {
      const known = Math.min(head.length, SEALED_FILE_MAGIC.length);
      if (!SEALED_FILE_MAGIC.subarray(0, known).equals(head.subarray(0, known))) throw new SealedFileError('not_sealed', `the file is not sealed: ${HOW_TO_SEAL_OLD_FILES}`);
      return null;
    }
    if (!isSealed(head)) throw new SealedFileError('not_sealed', `the file is not sealed: ${HOW_TO_SEAL_OLD_FILES}`);
    const version = head[SEALED_FILE_MAGIC.length];
    if (version !== FORMAT_VERSION) throw new SealedFileError('tampered', `the sealed file has format version ${version}; this version reads ${FORMAT_VERSION}`);
    const keyIdLength = head[SEALED_FILE_MAGIC.length + 1];
    const keyIdStart = SEALED_FILE_MAGIC.length + 2;
    const length = keyIdStart + keyIdLength + 4 + WRAP_BYTES;
    if (head.length < length) return null;
    const keyId = head.subarray(keyIdStart, keyIdStart + keyIdLength).toString('latin1');
    if (!KEY_ID.test(keyId)) throw new SealedFileError('tampered', 'the sealed file header names no valid key id');
    return { keyId, segmentBytes: head.readUInt32BE(keyIdStart + keyIdLength), length };
  }

  /** The same header with the data key wrapped by the active key instead; the body stays valid unchanged. */
  rewrapHeader(head: Buffer): Buffer {
    const opened = this.openHeader(head);
    if (!opened) throw new SealedFileError('truncated', 'the sealed file ends inside its header');
    try {
      return this.header(this.activeKeyId, opened.header.segmentBytes, opened.dataKey);
    } finally {
      opened.dataKey.fill(0);
    }
  }

  private openHeader(head: Buffer): { header: SealedHeader; dataKey: Buffer } | null {
    const header = this.readHeader(head);
    if (!header) return null;
    const wrappingKey = this.wrappingKeys.get(header.keyId);
    if (!wrappingKey) {
      throw new SealedFileError('unknown_key', `the file was sealed with key "${header.keyId}", which is not configured (configured: ${[...this.wrappingKeys.keys()].join(', ')}); keep old keys in RECORDS_KEYS after a rotation`);
    }
    const wrapStart = header.length - WRAP_BYTES;
    const iv = head.subarray(wrapStart, wrapStart + IV_BYTES);
    const decipher = createDecipheriv(ALGORITHM, wrappingKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(head.subarray(0, wrapStart));
    decipher.setAuthTag(head.subarray(wrapStart + IV_BYTES + KEY_BYTES, header.length));
    try {
      const dataKey = Buffer.concat([decipher.update(head.subarray(wrapStart + IV_BYTES, wrapStart + IV_BYTES + KEY_BYTES)), decipher.final()]);
      return { header, dataKey };
    } catch {
      throw new SealedFileError('tampered', `the sealed file's header failed authentication: it was altered, or key "${header.keyId}" is not the key it was sealed with`);
    }
  }

  private header(keyId: string, segmentBytes: number, dataKey: Buffer): Buffer {
    const id = Buffer.from(keyId, 'latin1');
    const size = Buffer.alloc(4);
    size.writeUInt32BE(segmentBytes);
    const associated = Buffer.concat([SEALED_FILE_MAGIC, Buffer.from([FORMAT_VERSION, id.length]), id, size]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.wrappingKeys.get(keyId)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associated);
    const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([associated, iv, wrapped, cipher.getAuthTag()]);
  }
}

/**
 * A transform from plaintext to a sealed file under `key` (`FileEnvelope.newFileKey`): header first, then the
 * segments. Pure node:crypto, so a render thread can seal what it writes from the first byte.
 */
export function sealingStream(key: FileSealingKey): Transform {
  const dataKey = Buffer.from(key.dataKey);
  const header = Buffer.from(key.header);
  const segmentBytes = key.segmentBytes;
  // Small writes (a PDF writer's are often a few hundred bytes) are collected and joined once per segment, not
  // copied onto the pending bytes at every write.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  let headerSent = false;
  const sendHeader = (stream: Transform) => {
    if (headerSent) return;
    headerSent = true;
    stream.push(header);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      sendHeader(this);
      pending.push(chunk);
      pendingBytes += chunk.length;
      // A full segment is sealed only once more bytes follow it: the last one must carry the last-segment flag.
      if (pendingBytes > segmentBytes) {
        let joined = Buffer.concat(pending, pendingBytes);
        while (joined.length > segmentBytes) {
          this.push(sealSegment(dataKey, joined.subarray(0, segmentBytes), index++, false));
          joined = joined.subarray(segmentBytes);
        }
        pending = [joined];
        pendingBytes = joined.length;
      }
      done();
    },
    flush(done: TransformCallback) {
      sendHeader(this);
      this.push(sealSegment(dataKey, Buffer.concat(pending, pendingBytes), index, true));
      dataKey.fill(0);
      done();
    },
    destroy(error, callback) {
      dataKey.fill(0);
      callback(error);
    },
  });
}

/** True when the bytes start like a sealed file (a plaintext file from before encryption does not). */
export function isSealed(head: Buffer): boolean {
  return head.length >= SEALED_FILE_MAGIC.length && head.subarray(0, SEALED_FILE_MAGIC.length).equals(SEALED_FILE_MAGIC);
}

function nonce(index: number, last: boolean): Buffer {
  const iv = Buffer.alloc(IV_BYTES);
  iv.writeUIntBE(index, 5, 6);
  iv[IV_BYTES - 1] = last ? 1 : 0;
  return iv;
}

function sealSegment(dataKey: Buffer, plaintext: Buffer, index: number, last: boolean): Buffer {
  const cipher = createCipheriv(ALGORITHM, dataKey, nonce(index, last), { authTagLength: TAG_BYTES });
  cipher.setAAD(SEGMENT_AAD);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function openSegment(dataKey: Buffer, sealed: Buffer, index: number, last: boolean): Buffer {
  const decipher = createDecipheriv(ALGORITHM, dataKey, nonce(index, last), { authTagLength: TAG_BYTES });
  decipher.setAAD(SEGMENT_AAD);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealedFileError(
      'tampered',
      `segment ${index + 1} of the sealed file failed authentication: the file was altered${last ? ' or cut short' : ''}; it is not served`,
    );
  }
}
