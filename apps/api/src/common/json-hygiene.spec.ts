import fc from 'fast-check';
import { bodyProblems, jsonDepthExceeds, stringProblem } from './json-hygiene';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonDepthExceeds', () => {
  it('measures nesting on the raw bytes, ignoring brackets inside strings and escaped quotes', () => {
    expect(jsonDepthExceeds(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(jsonDepthExceeds(bytes('{"a":"[[[[[[\\"[[[["}'), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes('['.repeat(2400) + ']'.repeat(2400)), 32)).toBe(true);
  });

  it('agrees with the depth of any JSON value fast-check builds', () => {
    const depthOf = (value: unknown): number =>
      Array.isArray(value) ? 1 + Math.max(0, ...value.map(depthOf)) : value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 7 }), (value, limit) => {
        expect(jsonDepthExceeds(bytes(JSON.stringify(value)), limit)).toBe(depthOf(value) > limit);
      }),
      { numRuns: 500 },
    );
  });
});

describe('bodyProblems', () => {
  it('names the field holding a lone surrogate, a NUL, or a right-to-left override', () => {
    const body = JSON.parse('{"requester":{"name":"Ruiz\\u202Eevil","email":"a\\ud800@example.gov"},"summary":"a\\u0000b","tags":["ok","\\udc00"]}');
    expect(bodyProblems(body)).toEqual([
      { field: 'requester.name', message: 'contains a bidirectional override or isolate control character' },
      { field: 'requester.email', message: 'contains an unpaired UTF-16 surrogate (not a character)' },
      { field: 'summary', message: 'contains a control character' },
      { field: 'tags[1]', message: 'contains an unpaired UTF-16 surrogate (not a character)' },
    ]);
  });

  it('refuses keys that reach the prototype, and accepts ordinary text in any script', () => {
    expect(bodyProblems(JSON.parse('{"__proto__":{"x":1},"toString":"y"}')).map((p) => p.field)).toEqual(['__proto__', 'toString']);
    expect(bodyProblems({ name: 'José Ñúñez 李小龍 محمد 👩‍⚖️', memo: 'line one\nline two\ttabbed' })).toEqual([]);
    expect(stringProblem('\uD83D\uDC69')).toBeNull();
  });
});
