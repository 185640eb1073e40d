import fc from 'fast-check';
import { JoinedScan, PatternMatcher } from './pattern-matcher';

function naive(patterns: string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((pattern, index) => {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) found.push(`${index}@${at + pattern.length}`);
  });
  return found.sort();
}

function matches(patterns: string[], text: string): string[] {
  const found: string[] = [];
  new PatternMatcher(patterns).scan(text, (index, end) => found.push(`${index}@${end}`));
  return found.sort();
}

describe('PatternMatcher', () => {
  it('finds overlapping and nested patterns', () => {
    expect(matches(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['0@4', '1@4', '3@6']);
  });

  it('handles characters outside the BMP and outside every pattern', () => {
    expect(matches(['𠘨x', '王小'], 'a𠘨x王小明')).toEqual(['0@4', '1@6']);
    // U+FFFF, the last code point of the BMP, is one UTF-16 code unit.
    expect(matches(['ab'], '\uffffab')).toEqual(['0@3']);
  });

  it('agrees with a naive search', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'é', '王');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 8 }), fc.array(alphabet, { maxLength: 60 }).map((characters) => characters.join('')), (patterns, text) => {
        expect(matches(patterns, text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a naive search over many patterns, astral characters and long shared prefixes', () => {
    // Many patterns fill the edge table enough for probe runs to collide and wrap; the alphabet mixes BMP characters
    // with ones above it (two UTF-16 units, symbols from the Map) and characters in no pattern.
    const alphabet = fc.constantFrom('a', 'b', 'c', 'é', '王', '𠘨', '😀', '\uffff', 'z');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 7 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 20, maxLength: 200 }), fc.array(alphabet, { maxLength: 200 }).map((characters) => characters.join('')), (patterns, text) => {
        expect(matches(patterns, text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with a naive search when few patterns share a prefix (a full edge table, probe runs round its end)', () => {
    // Evenly drawn characters (fast-check favours few, so its patterns share prefixes and leave the table sparse).
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    for (let seed = 1; seed <= 8; seed++) {
      let state = seed;
      const character = () => alphabet[((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16) % alphabet.length];
      // Distinct, as the naive search reports a repeated pattern under both indexes.
      const patterns = [...new Set(Array.from({ length: 300 }, () => Array.from({ length: 6 }, character).join('')))];
      // Long enough that lookups land on the table's last slot many times over (1 in ~2,700 per lookup).
      const text = patterns.slice(0, 150).map((pattern) => pattern + Array.from({ length: 200 }, character).join('')).join('');
      expect(matches(patterns, text)).toEqual(naive(patterns, text));
    }
  });

  it('matches code points, not UTF-16 units: half of a surrogate pair is not a lone surrogate in a pattern', () => {
    expect(matches(['\ude28', 'x'], '\ud841\ude28x')).toEqual(['1@3']);
    expect(matches(['\ud841'], '\ud841\ude28')).toEqual([]);
    expect(matches(['\ude28'], 'a\ude28')).toEqual(['0@2']);
    // A lone high surrogate is one unit; the first and last code points above the BMP are two.
    expect(matches(['x'], '\ud841x')).toEqual(['0@2']);
    expect(matches(['\u{10000}', '\u{10ffff}', '\ud800', '\udbff'], 'a\u{10000}\u{10ffff}\ud800b\udbff')).toEqual(['0@3', '1@5', '2@6', '3@8']);
  });

  it('reports a repeated pattern once, under its first index, and never matches an empty pattern', () => {
    expect(matches(['ab', 'ab'], 'xab')).toEqual(['0@3']);
    expect(matches(['', 'a'], 'aa')).toEqual(['1@1', '1@2']);
    expect(matches([], 'anything')).toEqual([]);
  });

  it('restarts after a character no pattern has, and follows failure links into shorter patterns', () => {
    expect(matches(['abab'], 'abxab')).toEqual([]);
    expect(matches(['abab', 'bab', 'ab'], 'ababab')).toEqual(['0@4', '0@6', '1@4', '1@6', '2@2', '2@4', '2@6']);
    expect(matches(['aab'], 'aaab')).toEqual(['0@4']);
  });
});

describe('PatternMatcher, a scan going on across a join', () => {
  /** The matches that begin in `before` and end in the parts after it, part by part (`index@end` in the whole text, and how much lay before). */
  function across(patterns: string[], before: string, parts: string[]): string[] {
    const matcher = new PatternMatcher(patterns);
    const found: string[] = [];
    const scan: JoinedScan = { state: matcher.joinAfter(before), read: 0 };
    let read = 0;
    for (const part of parts) {
      const offset = read;
      matcher.continueAcross(scan, part, (index, end, inBefore) => found.push(`${index}@${before.length + offset + end}-${inBefore}`));
      read += part.length;
      expect(scan.read).toBe(read);
    }
    return found.sort();
  }

  it('agrees with a naive search of the whole text, keeping the matches that begin before the join and end after it', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'é', '𠘨', 'z');
    const text = fc.array(alphabet, { maxLength: 12 }).map((characters) => characters.join(''));
    const word = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 10 }), text, fc.array(text, { maxLength: 4 }), (patterns, before, parts) => {
        const expected = naive(patterns, before + parts.join('')).flatMap((match) => {
          const [index, end] = match.split('@').map(Number);
          const start = end - patterns[index].length;
          return end > before.length && start < before.length ? [`${match}-${before.length - start}`] : [];
        });
        expect(across(patterns, before, parts)).toEqual(expected.sort());
      }),
      { numRuns: 500 },
    );
  });

  it('reports only what began before the join, with its end in the piece read and how much lay before', () => {
    const matcher = new PatternMatcher(['ab', 'b', 'abcd', '𠘨x']);
    const found: string[] = [];
    const record = (index: number, end: number, before: number) => found.push(`${index}@${end}-${before}`);
    const first: JoinedScan = { state: matcher.joinAfter('a'), read: 0 };
    matcher.continueAcross(first, 'bab', record);
    expect(found).toEqual(['0@1-1']);
    expect(first.state).toBeNull();
    const second: JoinedScan = { state: matcher.joinAfter('xab'), read: 0 };
    matcher.continueAcross(second, 'c', record);
    expect(second.state).toBe(matcher.stateAfter('abc'));
    matcher.continueAcross(second, 'd', record);
    // 'abcd' still holds 'ab' from before the join: a longer pattern could end later, so the scan goes on.
    expect(second.state).toBe(matcher.stateAfter('abcd'));
    expect(found).toEqual(['0@1-1', '2@1-2']);
    const astral: JoinedScan = { state: matcher.joinAfter('𠘨'), read: 0 };
    matcher.continueAcross(astral, 'x', record);
    expect(found).toEqual(['0@1-1', '2@1-2', '3@1-2']);
  });

  it('has no scan to go on with after a text no pattern continues, and gives up once the state holds nothing from before', () => {
    const matcher = new PatternMatcher(['abcd']);
    expect(matcher.joinAfter('zz')).toBeNull();
    expect(matcher.stateAfter('zz')).toBe(0);
    expect(matcher.stateAfter('cd', matcher.stateAfter('ab'))).toBe(matcher.stateAfter('abcd'));
    const reported: number[] = [];
    const gone: JoinedScan = { state: matcher.joinAfter('ab'), read: 0 };
    matcher.continueAcross(gone, 'cx', (index) => reported.push(index));
    matcher.continueAcross(gone, 'd', (index) => reported.push(index));
    expect(gone).toEqual({ state: null, read: 3 });
    const none: JoinedScan = { state: null, read: 0 };
    matcher.continueAcross(none, 'abcd', (index) => reported.push(index));
    expect(none).toEqual({ state: null, read: 4 });
    expect(reported).toEqual([]);
  });
});
