import fc from 'fast-check';
import { RECORD_TYPES } from './request-types';
import { CaseScope, isWithinScope } from './scope';

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
          (inner.includeContactDetails !== true || outer.includeContactDetails === true);
        expect(isWithinScope(inner, outer)).toBe(expected);
      }),
    );
  });
});
