import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { ChainedContent, GENESIS_HASH, checkLink, hashEvent } from './hash-chain';

function chain(length: number): (ChainedContent & { hash: string })[] {
  const events: (ChainedContent & { hash: string })[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const content: ChainedContent = {
      seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)), actorId: 'u1', actorName: 'clerk', action: 'case.read',
      objectType: 'case', objectId: 'c1', caseId: 'c1', outcome: 'success', details: { n: seq },
      prevHash: events.at(-1)?.hash ?? GENESIS_HASH,
    };
    events.push({ ...content, hash: hashEvent(content) });
  }
  return events;
}

describe('audit hash chain', () => {
  it('canonical JSON ignores key order', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
    }));
  });

  it('accepts an untouched chain', () => {
    const events = chain(5);
    events.forEach((event, i) => expect(checkLink(event, i ? events[i - 1] : null)).toBeNull());
  });

  it('detects any single changed field at that event', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom('action', 'actorId', 'objectId', 'outcome'), (index, field) => {
      const events = chain(5);
      (events[index] as unknown as Record<string, unknown>)[field] = 'tampered';
      const firstBroken = events.findIndex((event, i) => checkLink(event, i ? events[i - 1] : null) !== null);
      expect(firstBroken).toBe(index);
    }));
  });

  it('detects a deleted event as a gap', () => {
    const events = chain(4);
    events.splice(2, 1);
    expect(checkLink(events[2], events[1])).toEqual({ seq: 4, reason: 'sequence_gap' });
  });
});
