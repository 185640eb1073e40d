import fc from 'fast-check';
import { addDays } from './deadlines/iso-date';
import { calecpaProblem, gagState, isGagged, patronNoticeBlock } from './gags';
import { RECORD_TYPES, REQUEST_TYPES } from './request-types';

const TODAY = '2026-12-01';
const dateArb = fc.option(fc.integer({ min: -400, max: 400 }).map((n) => addDays(TODAY, n)), { nil: null });

describe('statutory gags (18 U.S.C. § 2709(c); 50 U.S.C. § 1861(d))', () => {
  it('bind an NSL or FISA case whatever date was typed, until a recorded lift', () => {
    fc.assert(fc.property(fc.constantFrom('national_security_letter' as const, 'fisa_order' as const), dateArb, (requestType, until) => {
      expect(isGagged({ requestType, nondisclosureUntil: until }, TODAY)).toBe(true);
      expect(patronNoticeBlock({ requestType, nondisclosureUntil: until }, TODAY)).toMatch(/2709\(c\)|1861\(d\)/);
      const lifted = { requestType, nondisclosureUntil: until, gagLift: { kind: 'court_order' as const, liftedOn: TODAY } };
      expect(isGagged(lifted, TODAY)).toBe(false);
      expect(patronNoticeBlock(lifted, TODAY)).toBeNull();
    }));
  });
  it('cite the statute and end by event, not date', () => {
    expect(gagState({ requestType: 'national_security_letter', nondisclosureUntil: null }, TODAY)).toMatchObject({ kind: 'statutory', citation: '18 U.S.C. § 2709(c)', until: null, endsBy: 'recorded_event' });
    expect(gagState({ requestType: 'fisa_order', nondisclosureUntil: '2020-01-01' }, TODAY)).toMatchObject({ active: true, citation: '50 U.S.C. § 1861(d)' });
  });
});

describe('ordered nondisclosure', () => {
  it('runs to its date for every other type, and cites § 1546.2 only for CalECPA process', () => {
    for (const requestType of REQUEST_TYPES.filter((t) => t !== 'national_security_letter' && t !== 'fisa_order')) {
      expect(isGagged({ requestType, nondisclosureUntil: null }, TODAY)).toBe(false);
      expect(isGagged({ requestType, nondisclosureUntil: TODAY }, TODAY)).toBe(true);
      expect(isGagged({ requestType, nondisclosureUntil: addDays(TODAY, -1) }, TODAY)).toBe(false);
      expect(gagState({ requestType, nondisclosureUntil: TODAY }, TODAY)!.citation).not.toMatch(/1546/);
    }
    expect(gagState({ requestType: 'search_warrant', nondisclosureUntil: TODAY, nondisclosureBasis: 'calecpa_delayed_notice' }, TODAY)!.citation).toBe('Penal Code § 1546.2(b)');
  });
  it('accepts a CalECPA basis only for a warrant or order for electronic records', () => {
    expect(calecpaProblem('search_warrant', { recordTypes: ['sessions'] })).toBeNull();
    expect(calecpaProblem('court_order', { recordTypes: ['loans'] })).toMatch(/electronic/);
    expect(calecpaProblem('civil_subpoena', { recordTypes: ['sessions'] })).toMatch(/not to a civil_subpoena/);
  });
});

describe('patron notice under a gag: a property over every request type, date and lift', () => {
  // The rule from domain.md § 9, written out: NSL and FISA gags bind by statute until a recorded lift; any other
  // case is gagged only by an order with an end date not yet passed (the last day included), and not lifted.
  const STATUTORY = { national_security_letter: '18 U.S.C. § 2709(c)', fisa_order: '50 U.S.C. § 1861(d)' } as Record<string, string>;
  const factsArb = fc.record({
    requestType: fc.constantFrom(...REQUEST_TYPES),
    nondisclosureUntil: dateArb,
    nondisclosureBasis: fc.constantFrom(null, undefined, 'calecpa_delayed_notice' as const, 'court_order' as const),
    gagLift: fc.option(fc.record({ kind: fc.constantFrom('court_order' as const, 'government_notice' as const), liftedOn: fc.constant(TODAY) }), { nil: null }),
  });

  it('blocks notice exactly while the gag binds, and says why in terms of its own kind', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const statute = STATUTORY[facts.requestType];
        const binds = facts.gagLift === null && (statute !== undefined || (facts.nondisclosureUntil !== null && facts.nondisclosureUntil >= TODAY));
        const block = patronNoticeBlock(facts, TODAY);
        expect(isGagged(facts, TODAY)).toBe(binds);
        if (!binds) return expect(block).toBeNull();
        if (statute) {
          expect(block).toContain(statute);
          expect(block).toMatch(/until the gag is lifted by a recorded court order or government notice/);
        } else {
          expect(block).toContain(`until ${facts.nondisclosureUntil}`);
          expect(block).toContain(facts.nondisclosureBasis === 'calecpa_delayed_notice' ? 'Penal Code § 1546.2(b)' : "the court's nondisclosure order");
          expect(block).not.toMatch(/recorded court order or government notice/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('describes an ordered gag by its date: what to tell no one, through when, and on what authority', () => {
    const facts = { requestType: 'search_warrant' as const, nondisclosureUntil: '2027-01-15', nondisclosureBasis: 'calecpa_delayed_notice' as const };
    expect(gagState(facts, TODAY)).toEqual({
      active: true,
      kind: 'ordered',
      citation: 'Penal Code § 1546.2(b)',
      text: 'Tell no one of the request, the patron included, through 2027-01-15 (Penal Code § 1546.2(b)).',
      until: '2027-01-15',
      endsBy: 'date',
      lifted: null,
    });
    expect(patronNoticeBlock(facts, TODAY)).toBe('A nondisclosure order forbids notice to the patron until 2027-01-15 (Penal Code § 1546.2(b))');
  });

  it('gives no gag and no block to a case that never had an order', () => {
    expect(gagState({ requestType: 'court_order', nondisclosureUntil: null }, TODAY)).toBeNull();
    expect(patronNoticeBlock({ requestType: 'court_order', nondisclosureUntil: null }, TODAY)).toBeNull();
  });
});

describe('CalECPA delayed notice (Penal Code § 1546.2(b)) needs a warrant or order for electronic information', () => {
  it('accepts exactly a warrant or court order whose scope names sessions or searches', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUEST_TYPES), fc.subarray([...RECORD_TYPES]), (requestType, recordTypes) => {
        const process = requestType === 'court_order' || requestType === 'search_warrant';
        const electronic = recordTypes.includes('sessions') || recordTypes.includes('searches');
        const problem = calecpaProblem(requestType, { recordTypes });
        if (!process) expect(problem).toBe(`CalECPA delayed notice (Penal Code § 1546.2(b)) applies to a warrant or court order, not to a ${requestType}`);
        else if (!electronic) expect(problem).toBe('CalECPA delayed notice (Penal Code § 1546.2(b)) concerns electronic information: the scope names no sessions or searches records');
        else expect(problem).toBeNull();
      }),
    );
  });
  it('accepts a scope that mixes electronic records with others', () => {
    expect(calecpaProblem('court_order', { recordTypes: ['loans', 'searches'] })).toBeNull();
  });
});
