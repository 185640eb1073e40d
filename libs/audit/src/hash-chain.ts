import { createHash, createHmac } from 'node:crypto';
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

const str = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/**
 * The canonical JSON of the chained fields, written out in sorted key order by hand: the same text as
 * `canonicalJson` of that object (the property test holds them equal), without building and sorting it per event,
 * which was most of the cost of verifying a long chain.
 */
export function chainedText(event: ChainedContent): string {
  return `{"action":${str(event.action)},"actorId":${str(event.actorId)},"actorName":${str(event.actorName)},"at":"${event.at.toISOString()}","caseId":${str(event.caseId)},"details":${canonicalJson(event.details)},"objectId":${str(event.objectId)},"objectType":${str(event.objectType)},"outcome":${str(event.outcome)},"seq":${event.seq}}`;
}

/** The event's link: HMAC-SHA256 under the chain key of the previous link and the content (plain SHA-256 for legacy events). */
export function hashEvent(event: ChainedContent, key?: Buffer): string {
  const alg = event.alg ?? 'sha256';
  if (alg === KEYED && !key) throw new Error('the keyed audit chain needs its key');
  const mac = alg === KEYED ? createHmac('sha256', key!) : createHash('sha256');
  return mac.update(event.prevHash).update('\n').update(chainedText(event)).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'unkeyed_after_keyed' | 'truncated' | 'exported_head_mismatch';
}

/** Checks one link against the one before it; returns what is wrong, or null. */
export function checkLink(event: ChainedContent & { hash: string }, previous: { seq: number; hash: string; alg?: ChainAlgorithm } | null, key?: Buffer): ChainBreak | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (event.seq !== expectedSeq) return { seq: event.seq, reason: 'sequence_gap' };
  if (event.prevHash !== (previous ? previous.hash : GENESIS_HASH)) return { seq: event.seq, reason: 'prev_hash_mismatch' };
  if ((event.alg ?? 'sha256') !== KEYED && previous?.alg === KEYED) return { seq: event.seq, reason: 'unkeyed_after_keyed' };
  if (hashEvent(event, key) !== event.hash) return { seq: event.seq, reason: 'hash_mismatch' };
  return null;
}
