import fc from 'fast-check';
import { auditKeysFrom } from './audit-keys';
import { canonicalJson } from './canonical-json';
import { ChainAlgorithm, ChainedContent, GENESIS_HASH, chainedText, checkLink, hashEvent } from './hash-chain';

const keys = auditKeysFrom({ AUDIT_HMAC_KEY: Buffer.alloc(32, 7).toString('base64'), JWT_SECRET: 'x'.repeat(32) });

function chain(length: number, alg: ChainAlgorithm = 'hmac-sha256', key = keys.chain): (ChainedContent & { hash: string })[] {
  const events: (ChainedContent & { hash: string })[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const content: ChainedContent = {
      seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)), actorId: 'u1', actorName: 'clerk', action: 'case.read',
      objectType: 'case', objectId: 'c1', caseId: 'c1', outcome: 'success', details: { n: seq },
      prevHash: events.at(-1)?.hash ?? GENESIS_HASH, alg,
    };
    events.push({ ...content, hash: hashEvent(content, key) });
  }
  return events;
}

const firstBroken = (events: (ChainedContent & { hash: string })[]) =>
  events.map((event, i) => checkLink(event, i ? events[i - 1] : null, keys.chain)).find((b) => b !== null) ?? null;

describe('audit hash chain', () => {
  it('canonical JSON ignores key order', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
    }));
  });

  it('writes the chained fields exactly as canonical JSON would', () => {
    const text = fc.option(fc.string(), { nil: null });
    fc.assert(fc.property(
      fc.record({ seq: fc.nat(), at: fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true }), actorId: text, actorName: text, action: fc.string(), objectType: fc.string(), objectId: text, caseId: text, outcome: fc.string(), details: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: null }) }),
      (event) => {
        const { seq, at, actorId, actorName, action, objectType, objectId, caseId, outcome, details } = event;
        expect(chainedText({ ...event, prevHash: GENESIS_HASH })).toBe(canonicalJson({ seq, at: at.toISOString(), actorId, actorName, action, objectType, objectId, caseId, outcome, details }));
      },
    ));
  });

  it('accepts an untouched chain', () => {
    expect(firstBroken(chain(5))).toBeNull();
  });

  it('detects any single changed field at that event', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom('action', 'actorId', 'objectId', 'outcome'), (index, field) => {
      const events = chain(5);
      (events[index] as unknown as Record<string, unknown>)[field] = 'tampered';
      expect(firstBroken(events)?.seq).toBe(index + 1);
    }));
  });

  it('detects a deleted event as a gap', () => {
    const events = chain(4);
    events.splice(2, 1);
    expect(checkLink(events[2], events[1], keys.chain)).toEqual({ seq: 4, reason: 'sequence_gap' });
  });

  it('refuses a chain rewritten with recomputed links but without the key', () => {
    const forged = chain(4, 'hmac-sha256', Buffer.alloc(32, 1));
    expect(firstBroken(forged)).toEqual({ seq: 1, reason: 'hash_mismatch' });
    const unkeyed = chain(4, 'sha256');
    expect(firstBroken(unkeyed)).toBeNull();
  });

  it('accepts the unkeyed chain only as a prefix of the keyed one', () => {
    const legacy = chain(2, 'sha256');
    const next: ChainedContent = { ...legacy[1], seq: 3, prevHash: legacy[1].hash, alg: 'hmac-sha256' };
    const keyed = { ...next, hash: hashEvent(next, keys.chain) };
    expect(firstBroken([...legacy, keyed])).toBeNull();
    const back: ChainedContent = { ...keyed, seq: 4, prevHash: keyed.hash, alg: 'sha256' };
    expect(checkLink({ ...back, hash: hashEvent(back) }, { ...keyed }, keys.chain)).toEqual({ seq: 4, reason: 'unkeyed_after_keyed' });
  });
});
