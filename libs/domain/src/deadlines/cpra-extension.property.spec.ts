import fc from 'fast-check';
import { addDays } from './iso-date';
import { DEFAULT_DEADLINE_SETTINGS, calendarsFor } from './deadline-settings';
import { CPRA_EXTENSION_GROUND_KEYS, checkCpraExtension, cpraExtensionNoticeDueBy } from './cpra-extension';

const city = calendarsFor(DEFAULT_DEADLINE_SETTINGS).city;
const startArb = fc.integer({ min: 0, max: 11 * 365 }).map((n) => addDays('2025-01-01', n));
const hourArb = fc.integer({ min: 0, max: 23 });
const at = (date: string, hour = 12) => `${date}T${String(hour).padStart(2, '0')}:00:00-08:00`;
const ok = { days: 14, ground: 'voluminous_records', detail: 'Twelve branches hold paper sign-in sheets to search.', signer: { isHeadOfAgency: true, isRecordedDesignee: false }, alreadyExtended: false };

describe('CPRA extension timing (Gov. Code § 7922.535(b)), every start date 2025-2035', () => {
  it('allows an extension on day 10 and on every day before it', () => {
    fc.assert(fc.property(startArb, fc.integer({ min: 0, max: 10 }), (start, day) => {
      const check = checkCpraExtension({ ...ok, clockStart: at(start, 9), grantedAt: at(addDays(start, day)) });
      expect(check).toMatchObject({ allowed: true, dayOfPeriod: day });
    }), { numRuns: 1000 });
  });

  it('refuses an extension on day 11 of the period (the first day after it), on every start date', () => {
    fc.assert(fc.property(startArb, hourArb, (start, hour) => {
      const dueBy = cpraExtensionNoticeDueBy(at(start, 9));
      const check = checkCpraExtension({ ...ok, clockStart: at(start, 9), grantedAt: at(addDays(dueBy, 1), hour) });
      expect(check).toMatchObject({ allowed: false, code: 'TOO_LATE', noticeDueBy: dueBy });
    }), { numRuns: 1000 });
  });

  it('refuses on the eleventh calendar day whenever the tenth is a city working day', () => {
    fc.assert(fc.property(startArb, (start) => {
      fc.pre(!city.isHoliday(addDays(start, 10)));
      expect(checkCpraExtension({ ...ok, clockStart: at(start, 9), grantedAt: at(addDays(start, 11)) })).toMatchObject({ allowed: false, code: 'TOO_LATE' });
    }), { numRuns: 1000 });
  });
});

describe('CPRA extension grounds and signer', () => {
  const base = { ...ok, clockStart: at('2026-05-13'), grantedAt: at('2026-05-20') };
  it('accepts each of the five statutory grounds and nothing else', () => {
    for (const ground of CPRA_EXTENSION_GROUND_KEYS) expect(checkCpraExtension({ ...base, ground }).allowed).toBe(true);
    expect(checkCpraExtension({ ...base, ground: 'staff_on_holiday' })).toMatchObject({ allowed: false, code: 'NOT_A_STATUTORY_GROUND', field: 'ground' });
  });
  it('needs a detail, at most 14 days, one extension, and the head of the agency or the recorded designee', () => {
    expect(checkCpraExtension({ ...base, detail: 'busy' })).toMatchObject({ code: 'DETAIL_MISSING' });
    expect(checkCpraExtension({ ...base, days: 15 })).toMatchObject({ code: 'TOO_LONG' });
    expect(checkCpraExtension({ ...base, alreadyExtended: true })).toMatchObject({ code: 'ALREADY_EXTENDED' });
    expect(checkCpraExtension({ ...base, signer: { isHeadOfAgency: false, isRecordedDesignee: false } })).toMatchObject({ code: 'SIGNER_NOT_AUTHORISED' });
    expect(checkCpraExtension({ ...base, signer: { isHeadOfAgency: false, isRecordedDesignee: true } }).allowed).toBe(true);
  });
});
