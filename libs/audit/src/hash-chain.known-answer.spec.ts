import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { ChainHasher, ChainedContent, GENESIS_HASH, KEYED, chainedText, chainedTextOf, checkLink, checkStoredLink, hashEvent, storedLinkOf } from './hash-chain';

// Known answers computed here from the documented link formula, not from the code under test:
// link = HMAC-SHA256(key, prevHash + "\n" + canonical JSON of the chained fields), plain SHA-256 for legacy events.
const key = Buffer.alloc(32, 9);
const event: ChainedContent = {
  seq: 1,
  at: new Date('2026-03-02T16:05:00.000Z'),
  actorId: 'u1',
  actorName: 'Kim Park',
  action: 'case.read',
  objectType: 'case',
  objectId: 'c1',
  caseId: 'c1',
  outcome: 'success',
  details: { fields: ['summary'], note: 'a "quoted" value' },
  prevHash: GENESIS_HASH,
  alg: 'hmac-sha256',
};
const TEXT =
  '{"action":"case.read","actorId":"u1","actorName":"Kim Park","at":"2026-03-02T16:05:00.000Z","caseId":"c1",' +
  '"details":{"fields":["summary"],"note":"a \\"quoted\\" value"},"objectId":"c1","objectType":"case","outcome":"success","seq":1}';

describe('audit link formula (known answers)', () => {
  it('writes the chained fields as this exact canonical text', () => {
    expect(chainedText(event)).toBe(TEXT);
    expect(chainedText({ ...event, actorId: null, actorName: null, objectId: null, caseId: null, details: null })).toBe(
      '{"action":"case.read","actorId":null,"actorName":null,"at":"2026-03-02T16:05:00.000Z","caseId":null,"details":null,"objectId":null,"objectType":"case","outcome":"success","seq":1}',
    );
  });

  it('keys the link with HMAC-SHA256 over the previous link, a newline and the text', () => {
    const expected = createHmac('sha256', key).update(`${GENESIS_HASH}\n${TEXT}`).digest('hex');
    expect(hashEvent(event, key)).toBe(expected);
    expect(KEYED).toBe('hmac-sha256');
  });

  it('hashes a legacy event with plain SHA-256, with or without a key given, and treats no alg as legacy', () => {
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${TEXT}`).digest('hex');
    expect(hashEvent({ ...event, alg: 'sha256' })).toBe(expected);
    expect(hashEvent({ ...event, alg: 'sha256' }, key)).toBe(expected);
    const { alg: _alg, ...withoutAlg } = event;
    expect(hashEvent(withoutAlg)).toBe(expected);
  });

  it('refuses to compute a keyed link without the key', () => {
    expect(() => hashEvent(event)).toThrow('the keyed audit chain needs its key');
  });

  it('checks the first link against the genesis hash and sequence 1, and each next one against its predecessor', () => {
    const first = { ...event, hash: hashEvent(event, key) };
    expect(checkLink(first, null, key)).toBeNull();
    expect(checkLink({ ...first, prevHash: 'f'.repeat(64) }, null, key)).toEqual({ seq: 1, reason: 'prev_hash_mismatch' });
    expect(checkLink({ ...first, seq: 2 }, null, key)).toEqual({ seq: 2, reason: 'sequence_gap' });
    const secondContent: ChainedContent = { ...event, seq: 2, prevHash: first.hash };
    const second = { ...secondContent, hash: hashEvent(secondContent, key) };
    expect(checkLink(second, first, key)).toBeNull();
    expect(checkLink(second, { ...first, hash: 'e'.repeat(64) }, key)).toEqual({ seq: 2, reason: 'prev_hash_mismatch' });
    expect(checkLink({ ...second, seq: 3 }, first, key)).toEqual({ seq: 3, reason: 'sequence_gap' });
    expect(checkLink({ ...second, hash: 'd'.repeat(64) }, first, key)).toEqual({ seq: 2, reason: 'hash_mismatch' });
  });

  it('accepts a legacy link after a legacy one and a keyed link after either', () => {
    const legacyContent: ChainedContent = { ...event, alg: 'sha256' };
    const legacy = { ...legacyContent, hash: hashEvent(legacyContent) };
    const nextLegacy: ChainedContent = { ...event, seq: 2, prevHash: legacy.hash, alg: 'sha256' };
    expect(checkLink({ ...nextLegacy, hash: hashEvent(nextLegacy) }, legacy, key)).toBeNull();
    const { alg: _alg, ...noAlg } = nextLegacy;
    expect(checkLink({ ...noAlg, hash: hashEvent(noAlg) }, { ...legacy, alg: undefined }, key)).toBeNull();
    const keyedContent: ChainedContent = { ...event, seq: 2, prevHash: legacy.hash };
    expect(checkLink({ ...keyedContent, hash: hashEvent(keyedContent, key) }, legacy, key)).toBeNull();
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level, keeps array order, drops undefined members and writes undefined as null', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: 'x' }, skip: undefined })).toBe(
      '{"a":{"c":"x","d":[3,1,{"y":null,"z":true}]},"b":1}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson('é"\n')).toBe('"é\\"\\n"');
    expect(canonicalJson({ 'a"b': 1 })).toBe('{"a\\"b":1}');
  });

  it('orders keys by code unit, so upper case sorts before lower case and a prefix before its extensions', () => {
    expect(canonicalJson({ b: 2, B: 1, ab: 4, a: 3 })).toBe('{"B":1,"a":3,"ab":4,"b":2}');
  });
});

describe('ChainHasher (HMAC written out over one-shot SHA-256) gives what createHmac gives', () => {
  const hmac = (secret: Buffer, prevHash: string, text: string) => createHmac('sha256', secret).update(`${prevHash}\n${text}`).digest('hex');

  it('for keys shorter than, equal to and longer than the 64-byte block, and texts that outgrow its buffer', () => {
    const texts = ['', 'short', 'é'.repeat(1500), `${'x'.repeat(5000)}李娜`, 'after the long one'];
    for (const secret of [Buffer.alloc(1, 1), Buffer.alloc(32, 2), Buffer.alloc(64, 3), Buffer.alloc(65, 4), Buffer.from('k'.repeat(200))]) {
      const hasher = new ChainHasher(secret); // one hasher for every text, as verification reuses it
      for (const text of texts) expect(hasher.link('a'.repeat(64), text, 'hmac-sha256')).toBe(hmac(secret, 'a'.repeat(64), text));
    }
  });

  it('hashes legacy links with plain SHA-256 and refuses keyed links without a key', () => {
    expect(new ChainHasher().link(GENESIS_HASH, TEXT, 'sha256')).toBe(createHash('sha256').update(`${GENESIS_HASH}\n${TEXT}`).digest('hex'));
    expect(new ChainHasher(key).link(GENESIS_HASH, TEXT, 'sha256')).toBe(createHash('sha256').update(`${GENESIS_HASH}\n${TEXT}`).digest('hex'));
    expect(() => new ChainHasher().link(GENESIS_HASH, TEXT, 'hmac-sha256')).toThrow('the keyed audit chain needs its key');
  });

  it('checks stored links in text form like checkLink does', () => {
    const first = { ...event, hash: hashEvent(event, key) };
    const stored = storedLinkOf(first);
    expect(stored).toMatchObject({ at: '2026-03-02T16:05:00.000Z', details: '{"fields":["summary"],"note":"a \\"quoted\\" value"}', alg: 'hmac-sha256' });
    expect(chainedTextOf(stored)).toBe(TEXT);
    expect(checkStoredLink(stored, null, new ChainHasher(key))).toBeNull();
    expect(checkStoredLink({ ...stored, details: '{}' }, null, new ChainHasher(key))).toEqual({ seq: 1, reason: 'hash_mismatch' });
    const { alg: _alg, ...legacy } = { ...event, alg: undefined };
    expect(storedLinkOf({ ...legacy, hash: '' }).alg).toBe('sha256');
  });
});
