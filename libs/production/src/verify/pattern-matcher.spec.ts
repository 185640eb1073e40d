import fc from 'fast-check';
import { PatternMatcher } from './pattern-matcher';

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
