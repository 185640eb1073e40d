import { createHash, createHmac, hash as oneShotHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * How a link is computed. `sha256` is the unkeyed chain of databases created before the keyed one: it is accepted
 * only as a prefix of the chain, never after a keyed event (a rewrite cannot fall back to the unkeyed form).
 */
export type ChainAlgorithm = 'sha256' | 'hmac-sha256';
export const KEYED: ChainAlgorithm = 'hmac-sha256';

/** The part of an audit event its hash covers: everything but the hash itself. */
export interface ChainedContent {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  caseId: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
  prevHash: string;
  alg?: ChainAlgorithm;
}

/** A nullable text field as JSON: null is written as null, a string quoted and escaped. */
const str: (value: string | null) => string = JSON.stringify;

/** The chained fields with the time as its ISO text and the details already as canonical JSON text. */
export interface ChainedText {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  caseId: string | null;
  outcome: string;
  details: string;
}

/**
 * The canonical JSON of the chained fields, written out in sorted key order by hand: the same text as
 * `canonicalJson` of that object (the property test holds them equal), without building and sorting it per event,
 * which was most of the cost of verifying a long chain.
 */
export function chainedText(event: ChainedContent): string {
  return chainedTextOf({ ...event, at: event.at.toISOString(), details: canonicalJson(event.details) });
}

/** `chainedText` from fields already in text form (verification reads them so from the database). */
export function chainedTextOf(event: ChainedText): string {
  return `{"action":${str(event.action)},"actorId":${str(event.actorId)},"actorName":${str(event.actorName)},"at":"${event.at}","caseId":${str(event.caseId)},"details":${event.details},"objectId":${str(event.objectId)},"objectType":${str(event.objectType)},"outcome":${str(event.outcome)},"seq":${event.seq}}`;
}

/** The event's link: HMAC-SHA256 under the chain key of the previous link and the content (plain SHA-256 for legacy events). */
export function hashEvent(event: ChainedContent, key?: Buffer): string {
  const keyed = event.alg === KEYED;
  if (keyed && !key) throw new Error('the keyed audit chain needs its key');
  const mac = keyed ? createHmac('sha256', key!) : createHash('sha256');
  return mac.update(event.prevHash).update('\n').update(chainedText(event)).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'unkeyed_after_keyed' | 'truncated' | 'exported_head_mismatch';
}

/** Checks one link against the one before it; returns what is wrong, or null. */
export function checkLink(event: ChainedContent & { hash: string }, previous: { seq: number; hash: string; alg?: ChainAlgorithm } | null, key?: Buffer): ChainBreak | null {
  return checkStoredLink(storedLinkOf(event), previous, new ChainHasher(key));
}

/** An event as verification sees it: time and details in the text form that is hashed. */
export function storedLinkOf(event: ChainedContent & { hash: string }): StoredLink {
  return { ...event, at: event.at.toISOString(), details: canonicalJson(event.details), alg: event.alg ?? 'sha256' };
}

const HMAC_BLOCK = 64;

/**
 * Links computed without an object per event, for verifying long chains: HMAC-SHA256 (RFC 2104) written out over
 * one-shot SHA-256 with the padded keys prepared once. Gives exactly `hashEvent`'s links (the unit test holds them
 * equal); createHmac per event cost more than the hashing itself.
 */
export class ChainHasher {
  private readonly innerPad: Uint8Array;
  private readonly outer = Buffer.alloc(HMAC_BLOCK + 32);

  constructor(private readonly key?: Buffer) {
    const padded = Buffer.alloc(HMAC_BLOCK);
    if (key) (key.length > HMAC_BLOCK ? createHash('sha256').update(key).digest() : key).copy(padded);
    this.innerPad = padded.map((byte) => byte ^ 0x36);
    this.outer.set(padded.map((byte) => byte ^ 0x5c));
  }

  /** The link of an event whose chained text is `text`, after `prevHash`, by its algorithm. */
  link(prevHash: string, text: string, alg: ChainAlgorithm): string {
    if (alg !== KEYED) return createHash('sha256').update(prevHash).update('\n').update(text).digest('hex');
    if (!this.key) throw new Error('the keyed audit chain needs its key');
    const inner = oneShotHash('sha256', Buffer.concat([this.innerPad, Buffer.from(`${prevHash}\n${text}`)]), 'buffer');
    inner.copy(this.outer, HMAC_BLOCK);
    return oneShotHash('sha256', this.outer, 'hex');
  }
}

/** A stored event in text form, as verification reads it: the fields of its link, its link, and its algorithm. */
export interface StoredLink extends ChainedText {
  prevHash: string;
  hash: string;
  alg: ChainAlgorithm;
}

/** `checkLink` for an event in text form, hashed with a reused hasher. */
export function checkStoredLink(event: StoredLink, previous: { seq: number; hash: string; alg?: ChainAlgorithm } | null, hasher: ChainHasher): ChainBreak | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (event.seq !== expectedSeq) return { seq: event.seq, reason: 'sequence_gap' };
  if (event.prevHash !== (previous ? previous.hash : GENESIS_HASH)) return { seq: event.seq, reason: 'prev_hash_mismatch' };
  if (event.alg !== KEYED && previous?.alg === KEYED) return { seq: event.seq, reason: 'unkeyed_after_keyed' };
  if (hasher.link(event.prevHash, chainedTextOf(event), event.alg) !== event.hash) return { seq: event.seq, reason: 'hash_mismatch' };
  return null;
}
