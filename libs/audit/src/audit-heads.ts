import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditKeys } from './audit-keys';
import { canonicalJson } from './canonical-json';

/** A chain head as exported outside the database: the last link, when, and an HMAC over both under the head key. */
export interface SignedHead {
  seq: number;
  hash: string;
  at: string;
  exportedAt: string;
  signature: string;
}

const LATEST = 'latest.json';

function sign(head: Omit<SignedHead, 'signature'>, keys: AuditKeys): string {
  const { seq, hash, at, exportedAt } = head;
  return createHmac('sha256', keys.head).update(canonicalJson({ seq, hash, at, exportedAt })).digest('hex');
}

export function signHead(head: { seq: number; hash: string; at: Date }, keys: AuditKeys, now = new Date()): SignedHead {
  const unsigned = { seq: head.seq, hash: head.hash, at: head.at.toISOString(), exportedAt: now.toISOString() };
  return { ...unsigned, signature: sign(unsigned, keys) };
}

export function headSignatureValid(head: SignedHead, keys: AuditKeys): boolean {
  const expected = Buffer.from(sign(head, keys), 'hex');
  const given = Buffer.from(String(head.signature ?? ''), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The exported heads in a folder kept apart from the database (another volume or host in production): one file per
 * export, named by sequence number, and `latest.json`, replaced atomically, which verification checks against.
 */
export class AuditHeadStore {
  constructor(
    readonly dir: string,
    private readonly keys: AuditKeys,
  ) {}

  async write(head: { seq: number; hash: string; at: Date }): Promise<SignedHead> {
    const signed = signHead(head, this.keys);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const text = `${JSON.stringify(signed, null, 2)}\n`;
    await writeFile(join(this.dir, `head-${String(signed.seq).padStart(12, '0')}.json`), text);
    const temp = join(this.dir, `.${LATEST}.${process.pid}.tmp`);
    await writeFile(temp, text);
    await rename(temp, join(this.dir, LATEST));
    return signed;
  }

  /** The last exported head and whether its signature holds; null when nothing was exported yet. */
  async latest(): Promise<{ head: SignedHead; signatureValid: boolean } | null> {
    return readSignedHead(join(this.dir, LATEST), this.keys);
  }
}

/** Reads one exported head file; a file that is not a head counts as a head with a bad signature. */
export async function readSignedHead(path: string, keys: AuditKeys): Promise<{ head: SignedHead; signatureValid: boolean } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let head: SignedHead;
  try {
    head = JSON.parse(text) as SignedHead;
  } catch {
    return { head: { seq: 0, hash: '', at: '', exportedAt: '', signature: '' }, signatureValid: false };
  }
  const wellFormed = Number.isInteger(head.seq) && typeof head.hash === 'string' && typeof head.at === 'string' && typeof head.exportedAt === 'string';
  return { head, signatureValid: wellFormed && headSignatureValid(head, keys) };
}
