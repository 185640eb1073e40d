import fc from 'fast-check';
import { addDays } from './deadlines/iso-date';
import { calecpaProblem, gagState, isGagged, patronNoticeBlock } from './gags';
import { REQUEST_TYPES } from './request-types';

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
