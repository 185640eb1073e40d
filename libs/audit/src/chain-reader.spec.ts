import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { types } from 'pg';
import { isoInstant, storedLinkFromCopyLine } from './chain-reader';
import { canonicalJson } from './canonical-json';
import { ChainHasher, GENESIS_HASH, chainedText, hashEvent } from './hash-chain';

const parseTimestamptz = types.getTypeParser(1184) as (text: string) => Date;

/** A timestamptz as PostgreSQL writes it with TimeZone UTC: trailing zeros of the fraction dropped. */
function postgresText(date: Date, micros: number): string {
  const iso = date.toISOString();
  const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
}

describe('reading the audit chain from COPY text', () => {
  it('gives the same instant text as node-postgres parsing it into a Date did', () => {
    fc.assert(fc.property(fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }), (date, micros) => {
      const text = postgresText(date, micros);
      expect(isoInstant(text)).toBe(parseTimestamptz(text).toISOString());
    }), { numRuns: 2000 });
    for (const text of ['0999-01-02 03:04:05.5+00', '2026-12-01 20:25:33+00', '0044-03-15 12:00:00.1+00', '2026-12-01 20:25:33.999999+00']) expect(isoInstant(text)).toBe(parseTimestamptz(text).toISOString());
  });

  it('unescapes COPY text, reads \\N as NULL and canonicalises the details', () => {
    const line = ['7', '2026-12-01 20:25:33.12+00', '\\N', 'a\\\\b', 'case.read', 'case', 'x\\ty', '\\N', 'success', '{"z":1,"a":"line\\\\nnext"}', GENESIS_HASH, 'h', 'hmac-sha256'].join('\t');
    expect(storedLinkFromCopyLine(line)).toEqual({
      seq: 7, at: '2026-12-01T20:25:33.120Z', actorId: null, actorName: 'a\\b', action: 'case.read', objectType: 'case', objectId: 'x\ty', caseId: null,
      outcome: 'success', details: canonicalJson({ a: 'line\nnext', z: 1 }), prevHash: GENESIS_HASH, hash: 'h', alg: 'hmac-sha256',
    });
    expect(() => storedLinkFromCopyLine('1\t2')).toThrow(/2 columns/);
  });

  it('hashes every link exactly as createHmac does, for keys of any length and texts of any size', () => {
    const text = fc.option(fc.string({ unit: 'binary' }), { nil: null });
    fc.assert(fc.property(
      fc.uint8Array({ minLength: 1, maxLength: 200 }),
      fc.record({ seq: fc.nat(), actorId: text, actorName: text, action: fc.string({ unit: 'binary', maxLength: 3000 }), objectType: fc.string(), objectId: text, caseId: text, outcome: fc.string(), details: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: null }) }),
      (keyBytes, fields) => {
        const key = Buffer.from(keyBytes);
        const hasher = new ChainHasher(key);
        const event = { ...fields, at: new Date(Date.UTC(2026, 11, 1)), prevHash: GENESIS_HASH, alg: 'hmac-sha256' as const };
        expect(hasher.link(event.prevHash, chainedText(event), 'hmac-sha256')).toBe(hashEvent(event, key));
        expect(hasher.link('p', 'q', 'hmac-sha256')).toBe(createHmac('sha256', key).update('p\nq').digest('hex'));
        expect(hasher.link(event.prevHash, chainedText(event), 'sha256')).toBe(hashEvent({ ...event, alg: 'sha256' }));
      },
    ), { numRuns: 300 });
  });
});
