import fc from 'fast-check';
import { RECORD_TYPES } from './request-types';
import { aliasOf, aliasProblems, canonicalScope, CaseScope, isWithinScope } from './scope';

const request: CaseScope = { cardNumbers: ['23000000012345', '23000000067890'], from: '2026-01-01', to: '2026-06-30', recordTypes: ['patron', 'loans'] };

describe('isWithinScope: a narrowed scope may only shrink the request', () => {
  it('accepts the request itself and each single shrink', () => {
    expect(isWithinScope(request, request)).toBe(true);
    expect(isWithinScope({ ...request, cardNumbers: ['23000000067890'] }, request)).toBe(true);
    expect(isWithinScope({ ...request, recordTypes: ['loans'] }, request)).toBe(true);
    expect(isWithinScope({ ...request, from: '2026-03-01' }, request)).toBe(true);
    expect(isWithinScope({ ...request, to: '2026-03-31' }, request)).toBe(true);
  });

  it('refuses a card number the request does not name, even one that is a substring of a named one', () => {
    expect(isWithinScope({ ...request, cardNumbers: ['23000000099999'] }, request)).toBe(false);
    expect(isWithinScope({ ...request, cardNumbers: ['2300000001234'] }, request)).toBe(false);
    expect(isWithinScope({ ...request, cardNumbers: ['23000000012345', '999'] }, request)).toBe(false);
  });

  it('refuses a record type the request does not ask for', () => {
    expect(isWithinScope({ ...request, recordTypes: ['loans', 'searches'] }, request)).toBe(false);
  });

  it('refuses a date range that starts earlier or ends later', () => {
    expect(isWithinScope({ ...request, from: '2025-12-31' }, request)).toBe(false);
    expect(isWithinScope({ ...request, to: '2026-07-01' }, request)).toBe(false);
  });

  it('refuses contact details the request did not ask for, and keeps them when it did', () => {
    expect(isWithinScope({ ...request, includeContactDetails: true }, request)).toBe(false);
    expect(isWithinScope({ ...request, includeContactDetails: true }, { ...request, includeContactDetails: false })).toBe(false);
    expect(isWithinScope({ ...request, includeContactDetails: true }, { ...request, includeContactDetails: true })).toBe(true);
    expect(isWithinScope({ ...request, includeContactDetails: false }, { ...request, includeContactDetails: true })).toBe(true);
  });

  it('agrees with a set-based oracle on random scopes', () => {
    const card = fc.constantFrom('23000000012345', '23000000067890', '2300000001234', '11');
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const scope = fc.record({
      cardNumbers: fc.uniqueArray(card, { minLength: 1, maxLength: 4 }),
      from: day,
      to: day,
      recordTypes: fc.uniqueArray(fc.constantFrom(...RECORD_TYPES), { minLength: 1 }),
      includeContactDetails: fc.option(fc.boolean(), { nil: undefined }),
      aliases: fc.option(fc.uniqueArray(fc.record({ cardNumber: card, alias: fc.constantFrom('Patron A', 'Patron B') }), { selector: (entry) => entry.cardNumber, maxLength: 2 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(scope, scope, (inner, outer) => {
        const outerCards = new Set(outer.cardNumbers);
        const outerTypes = new Set(outer.recordTypes);
        const expected =
          inner.cardNumbers.every((c) => outerCards.has(c)) &&
          inner.recordTypes.every((t) => outerTypes.has(t)) &&
          Date.parse(inner.from) >= Date.parse(outer.from) &&
          Date.parse(inner.to) <= Date.parse(outer.to) &&
          (inner.includeContactDetails !== true || outer.includeContactDetails === true) &&
          (outer.aliases ?? []).every((kept) => !inner.cardNumbers.includes(kept.cardNumber) || (inner.aliases ?? []).some((a) => a.cardNumber === kept.cardNumber && a.alias === kept.alias));
        expect(isWithinScope(inner, outer)).toBe(expected);
      }),
    );
  });
});

describe('patron aliases in a scope', () => {
  const cards = ['23000000012345', '23000000067890'];
  const scopeWith = (aliases: { cardNumber: string; alias: string }[]) => ({ cardNumbers: cards, aliases });

  it('accepts a short printable alias for a named patron, in any script', () => {
    expect(aliasProblems(scopeWith([{ cardNumber: cards[0], alias: 'Patron A' }, { cardNumber: cards[1], alias: 'Пациент Б' }]))).toEqual([]);
    expect(aliasProblems(scopeWith([{ cardNumber: cards[0], alias: '甲' }]))).toEqual([]);
    expect(aliasProblems(scopeWith([]))).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['only spaces and punctuation', ' - '],
    ['a leading space', ' Patron A'],
    ['41 characters', 'P'.repeat(41)],
    ['a right-to-left override', 'Patron \u202eA'],
    ['a left-to-right mark', 'Patron\u200eA'],
    ['a first-strong isolate', '\u2068Patron A\u2069'],
    ['a zero-width space', 'Patron\u200bA'],
    ['a newline', 'Patron\nA'],
    ['a NUL', 'Patron\u0000A'],
    ['a lone surrogate', 'Patron \ud800'],
  ])('refuses an alias with %s', (_case, alias) => {
    expect(aliasProblems(scopeWith([{ cardNumber: cards[0], alias }]))).toHaveLength(1);
  });

  it('counts 40 characters by code point, so an astral alias of 40 is accepted', () => {
    expect(aliasProblems(scopeWith([{ cardNumber: cards[0], alias: '𝔸'.repeat(40) }]))).toEqual([]);
    expect(aliasProblems(scopeWith([{ cardNumber: cards[0], alias: '𝔸'.repeat(41) }]))).toHaveLength(1);
  });

  it('refuses an alias for a patron the scope does not name, a second alias for one patron and a shared alias', () => {
    expect(aliasProblems(scopeWith([{ cardNumber: '23000000099999', alias: 'Patron A' }]))[0].message).toMatch(/not one of the scope/);
    expect(aliasProblems(scopeWith([{ cardNumber: cards[0], alias: 'Patron A' }, { cardNumber: cards[0], alias: 'Patron B' }]))).toEqual([{ index: 1, message: 'a patron may have only one alias' }]);
    expect(aliasProblems(scopeWith([{ cardNumber: cards[0], alias: 'Patron A' }, { cardNumber: cards[1], alias: 'patron  a' }]))).toEqual([{ index: 1, message: 'two patrons may not share an alias' }]);
  });

  it('refuses an alias that is or contains a card number of the scope, its own or another patron’s, however spaced', () => {
    for (const alias of ['23000000012345', 'Patron 23000000067890', 'P-2300-0000-0678-90', 'ＰＡＴＲＯＮ２３０００００００６７８９０']) {
      expect(aliasProblems(scopeWith([{ cardNumber: cards[0], alias }]))).toHaveLength(1);
    }
  });

  it('never repeats the alias or the card number in a message', () => {
    const problems = aliasProblems(scopeWith([{ cardNumber: '23000000099999', alias: 'Secret Name' }, { cardNumber: cards[0], alias: 'x 23000000067890' }]));
    for (const { message } of problems) expect(message).not.toMatch(/Secret|2300/);
  });

  it('agrees with an independent statement of the rules on random aliases', () => {
    const named = ['23000000012345', '2300 0001 2345', 'P0012345'];
    const alias = fc.oneof(
      fc.constantFrom('Patron A', 'Patron B', 'patron a', 'A', 'Witness 1', 'P0012345', 'x p-0012-345 y', '230000000123456'),
      fc.string({ maxLength: 45 }),
      fc.string({ unit: 'grapheme', maxLength: 45 }),
    );
    const entry = fc.record({ cardNumber: fc.constantFrom(...named, '99999999'), alias });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), (aliases) => {
        const problems = aliasProblems({ cardNumbers: named, aliases });
        const expected: number[] = [];
        const cardsSeen: string[] = [];
        const aliasesSeen: string[] = [];
        // Letters and digits only, compatibility-folded and case-folded: the rule's own words.
        const fold = (text: string) => [...text.normalize('NFKC').toLowerCase()].filter((ch) => /[\p{L}\p{N}]/u.test(ch)).join('');
        aliases.forEach(({ cardNumber, alias: text }, index) => {
          const printable = [...text].every((ch) => !/\p{C}/u.test(ch)) && /[\p{L}\p{N}]/u.test(text) && text === text.trim() && [...text].length <= 40;
          const bad =
            !printable ||
            !named.includes(cardNumber) ||
            cardsSeen.includes(cardNumber) ||
            aliasesSeen.includes(fold(text)) ||
            named.some((card) => fold(text).includes(fold(card)));
          if (printable && named.includes(cardNumber) && !cardsSeen.includes(cardNumber)) {
            cardsSeen.push(cardNumber);
            if (!aliasesSeen.includes(fold(text))) aliasesSeen.push(fold(text));
          }
          if (bad) expected.push(index);
        });
        expect(problems.map((problem) => problem.index)).toEqual(expected);
      }),
    );
  });
});

describe('aliasOf', () => {
  it('gives the alias of a named patron, ignoring surrounding spaces of the card number, and null otherwise', () => {
    const scope = { aliases: [{ cardNumber: '23000000012345', alias: 'Patron A' }] };
    expect(aliasOf(scope, '23000000012345')).toBe('Patron A');
    expect(aliasOf(scope, ' 23000000012345 ')).toBe('Patron A');
    expect(aliasOf(scope, '23000000067890')).toBeNull();
    expect(aliasOf(scope, null)).toBeNull();
    expect(aliasOf({}, '23000000012345')).toBeNull();
  });
});

describe('isWithinScope with aliases: a narrowed scope prints no card number the request keeps out', () => {
  const aliased: CaseScope = { ...request, aliases: [{ cardNumber: '23000000012345', alias: 'Patron A' }] };

  it('keeps the request’s alias word for word for a kept patron', () => {
    expect(isWithinScope(aliased, aliased)).toBe(true);
    expect(isWithinScope({ ...aliased, aliases: [] }, aliased)).toBe(false);
    expect(isWithinScope({ ...aliased, aliases: undefined }, aliased)).toBe(false);
    expect(isWithinScope({ ...aliased, aliases: [{ cardNumber: '23000000012345', alias: 'Patron Z' }] }, aliased)).toBe(false);
  });

  it('lets the alias go with its patron, and lets a reviewer add an alias of their own', () => {
    expect(isWithinScope({ ...request, cardNumbers: ['23000000067890'] }, aliased)).toBe(true);
    expect(isWithinScope({ ...aliased, aliases: [...aliased.aliases!, { cardNumber: '23000000067890', alias: 'Patron B' }] }, aliased)).toBe(true);
    expect(isWithinScope({ ...request, aliases: [{ cardNumber: '23000000067890', alias: 'Patron B' }] }, request)).toBe(true);
  });
});

describe('canonicalScope', () => {
  it('is the same for scopes that differ only in order, and differs when an alias differs', () => {
    const a: CaseScope = { ...request, aliases: [{ cardNumber: '23000000067890', alias: 'B' }, { cardNumber: '23000000012345', alias: 'A' }] };
    const b: CaseScope = { ...request, cardNumbers: [...request.cardNumbers].reverse(), recordTypes: ['loans', 'patron'], aliases: [...a.aliases!].reverse() };
    expect(JSON.stringify(canonicalScope(a))).toBe(JSON.stringify(canonicalScope(b)));
    expect(JSON.stringify(canonicalScope(a))).not.toBe(JSON.stringify(canonicalScope({ ...a, aliases: [{ cardNumber: '23000000067890', alias: 'B' }] })));
    expect(JSON.stringify(canonicalScope(request))).toBe(JSON.stringify(canonicalScope({ ...request, aliases: [] })));
  });
});

describe('what an alias problem says (never the alias or the card number itself)', () => {
  const cards = ['23000000012345', '23000000067890'];
  const problemsOf = (aliases: { cardNumber: unknown; alias: unknown }[]) => aliasProblems({ cardNumbers: cards, aliases: aliases as { cardNumber: string; alias: string }[] });
  it.each([
    ['not text', 42, 'alias is not text'],
    ['too long', 'P'.repeat(41), 'alias is longer than 40 characters'],
    ['a control character', 'Patron\tA', 'alias may not hold control, format or bidi characters'],
    ['an edge space', 'Patron A ', 'alias may not start or end with a space'],
    ['no letter or digit', '—', 'alias must hold a letter or digit'],
    ['a card number of the scope', 'Patron 2300-0000-0123-45', 'an alias may not be or contain a card number of the scope'],
  ])('%s', (_what, alias, message) => {
    expect(problemsOf([{ cardNumber: cards[0], alias }])).toEqual([{ index: 0, message }]);
  });
  it('refuses an aliased card number that is not text, and matches named cards whatever spaces surround either', () => {
    expect(problemsOf([{ cardNumber: 23000000012345, alias: 'Patron A' }])).toEqual([{ index: 0, message: 'the aliased card number is not one of the scope’s card numbers' }]);
    expect(aliasProblems({ cardNumbers: [' 23000000012345 '], aliases: [{ cardNumber: '23000000012345', alias: 'Patron A' }] })).toEqual([]);
    expect(aliasProblems({ cardNumbers: ['23000000012345'], aliases: [{ cardNumber: ' 23000000012345', alias: 'Patron A' }, { cardNumber: '23000000012345 ', alias: 'Patron B' }] })).toEqual([
      { index: 1, message: 'a patron may have only one alias' },
    ]);
  });
  it('checks each alias on its own, after an earlier one was refused', () => {
    expect(problemsOf([{ cardNumber: cards[0], alias: '' }, { cardNumber: cards[1], alias: 'Patron B' }, { cardNumber: cards[1], alias: 'Patron C' }])).toEqual([
      { index: 0, message: 'alias must hold a letter or digit' },
      { index: 2, message: 'a patron may have only one alias' },
    ]);
  });
  it('finds nothing wrong with a scope that gives no aliases', () => {
    expect(aliasProblems({ cardNumbers: cards })).toEqual([]);
  });
  it('lets a card number of only punctuation name nothing an alias could contain', () => {
    expect(aliasProblems({ cardNumbers: ['--', '23000000012345'], aliases: [{ cardNumber: '23000000012345', alias: 'Patron A' }] })).toEqual([]);
  });
});

describe('aliasOf and canonicalScope, the edges', () => {
  it('gives no alias for an empty card number, and matches an alias entry whose card number carries spaces', () => {
    expect(aliasOf({ aliases: [{ cardNumber: '', alias: 'Nobody' }] }, '')).toBeNull();
    expect(aliasOf({ aliases: [{ cardNumber: '', alias: 'Nobody' }] }, '  ')).toBeNull();
    expect(aliasOf({ aliases: [{ cardNumber: ' 23000000012345 ', alias: 'Patron A' }] }, '23000000012345')).toBe('Patron A');
  });
  it('puts aliases in card-number order whatever order they came in, and states contact details as true or false', () => {
    const aliases = [
      { cardNumber: '3', alias: 'C' },
      { cardNumber: '1', alias: 'A' },
      { cardNumber: '2', alias: 'B' },
    ];
    for (const order of [aliases, [aliases[1], aliases[2], aliases[0]], [aliases[2], aliases[0], aliases[1]], [...aliases].reverse()]) {
      expect(canonicalScope({ ...request, aliases: order }).aliases.map((a) => a.cardNumber)).toEqual(['1', '2', '3']);
    }
    expect(canonicalScope(request)).toEqual({ cardNumbers: ['23000000012345', '23000000067890'], from: '2026-01-01', to: '2026-06-30', recordTypes: ['loans', 'patron'], includeContactDetails: false, aliases: [] });
    expect(canonicalScope({ ...request, includeContactDetails: true }).includeContactDetails).toBe(true);
  });
});
