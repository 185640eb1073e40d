import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

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
}

/** Hashes exactly the chained fields, whatever else the object carries (its own hash, ORM extras). */
export function hashEvent(event: ChainedContent): string {
  const { seq, at, actorId, actorName, action, objectType, objectId, caseId, outcome, details, prevHash } = event;
  const content = canonicalJson({ seq, at: at.toISOString(), actorId, actorName, action, objectType, objectId, caseId, outcome, details });
  return createHash('sha256').update(event.prevHash).update('\n').update(content).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

/** Checks one link against the one before it; returns what is wrong, or null. */
export function checkLink(event: ChainedContent & { hash: string }, previous: { seq: number; hash: string } | null): ChainBreak | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (event.seq !== expectedSeq) return { seq: event.seq, reason: 'sequence_gap' };
  if (event.prevHash !== (previous ? previous.hash : GENESIS_HASH)) return { seq: event.seq, reason: 'prev_hash_mismatch' };
  if (hashEvent(event) !== event.hash) return { seq: event.seq, reason: 'hash_mismatch' };
  return null;
}
