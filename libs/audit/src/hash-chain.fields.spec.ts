import fc from 'fast-check';
import { ChainedContent, GENESIS_HASH, checkLink, hashEvent as hashWith } from './hash-chain';

const key = Buffer.alloc(32, 3);
const hashEvent = (event: ChainedContent) => hashWith(event, key);

const base: ChainedContent = {
  seq: 7, at: new Date('2026-03-02T16:05:00.000Z'), actorId: 'u1', actorName: 'kim', action: 'case.updated',
  objectType: 'case', objectId: 'c1', caseId: 'c1', outcome: 'success', details: { fields: ['summary'] }, prevHash: GENESIS_HASH, alg: 'hmac-sha256',
};

// Every field the chain claims to cover must change the hash: a rewrite of any one of them (a backdated
// timestamp, edited details) must fail verification at that event, not only the fields an earlier test touched.
const CHANGES: Record<keyof ChainedContent, unknown> = {
  seq: 8,
  at: new Date('2026-03-02T16:05:00.001Z'),
  actorId: 'u2',
  actorName: 'kim2',
  action: 'case.read',
  objectType: 'document',
  objectId: 'c2',
  caseId: null,
  outcome: 'denied',
  details: { fields: ['summary', 'scope'] },
  prevHash: 'f'.repeat(64),
  alg: 'sha256',
};

describe('audit hash covers every chained field', () => {
  it.each(Object.keys(CHANGES) as (keyof ChainedContent)[])('a changed %s changes the hash', (field) => {
    expect(hashEvent({ ...base, [field]: CHANGES[field] })).not.toBe(hashEvent(base));
  });

  it('nested details and null details are covered', () => {
    expect(hashEvent({ ...base, details: null })).not.toBe(hashEvent(base));
    expect(hashEvent({ ...base, details: { fields: ['summary'], extra: 1 } })).not.toBe(hashEvent(base));
  });

  it('ignores properties outside the chained content, so ORM extras cannot break verification', () => {
    expect(hashEvent({ ...base, hash: 'x', id: 99 } as ChainedContent)).toBe(hashEvent(base));
  });

  it('any rewrite of a stored event is reported at that event', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(CHANGES) as (keyof ChainedContent)[]).filter((f) => f !== 'seq' && f !== 'prevHash' && f !== 'alg')), (field) => {
        const stored = { ...base, seq: 1, hash: '' };
        stored.hash = hashEvent(stored);
        const rewritten = { ...stored, [field]: CHANGES[field] };
        expect(checkLink(rewritten, null, key)).toEqual({ seq: 1, reason: 'hash_mismatch' });
      }),
    );
  });
});
