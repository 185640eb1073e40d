import { REQUEST_TYPES } from '../request-types';
import { CLOCKS, CLOCK_NAMES, ClockName, clockRuleMeta, isClockName } from './clock-catalogue';
import type { CaseClockFacts } from './case-facts';
import { DEFAULT_DEADLINE_SETTINGS, DeadlineSettings } from './deadline-settings';

/*
 * Each clock's period, restated from domain.md §§ 2, 9: CPRA 10 days (and its extension notice within them), at most
 * 14 more; a state warrant's 10 days (Penal Code § 1534); a federal warrant's 14 (Fed. R. Crim. P. 41(e)(2)(A)(i));
 * Evid. Code § 1560's 5 and 15 days; Rule 45's 14 days; a preservation hold's renewable 90; the dates on an
 * instrument or order themselves (0 days). Settings with a different number in every field show which one each reads.
 */
const distinct: DeadlineSettings = {
  ...DEFAULT_DEADLINE_SETTINGS,
  cpraDeterminationDays: 7, cpraMaxExtensionDays: 9, searchWarrantValidityDays: 8, preservationHoldDays: 100,
  evidenceCode1560CriminalDays: 4, evidenceCode1560CivilDays: 13, legalReviewTargetCourtDays: 5, directorApprovalTargetCourtDays: 6,
  evidenceCode1560Enabled: true,
};
const PERIOD: Record<ClockName, { days: number; maxExtension?: number }> = {
  cpra_determination: { days: 7, maxExtension: 9 },
  cpra_extension_notice: { days: 7 },
  search_warrant_expiry: { days: 8 },
  federal_warrant_expiry: { days: 14 },
  instrument_compliance: { days: 0 },
  evidence_code_1560_criminal: { days: 4 },
  evidence_code_1560_civil: { days: 13 },
  preservation_hold: { days: 100, maxExtension: 100 },
  nondisclosure_lapse: { days: 0 },
  rule45_objections: { days: 14 },
  emergency_review_target: { days: 0 },
  legal_review_target: { days: 5 },
  director_approval_target: { days: 6 },
};

describe('clock catalogue', () => {
  it.each(CLOCK_NAMES)('%s runs the period its rule gives, from the setting that holds it', (clock) => {
    const definition = CLOCKS[clock];
    expect(definition.clock).toBe(clock);
    expect(definition.days(distinct)).toBe(PERIOD[clock].days);
    expect(definition.maxExtensionDays?.(distinct)).toBe(PERIOD[clock].maxExtension);
  });

  it('turns Evidence Code § 1560 delivery on and off with counsel’s setting, and no other clock', () => {
    const off = { ...distinct, evidenceCode1560Enabled: false };
    for (const clock of CLOCK_NAMES) {
      const is1560 = clock.startsWith('evidence_code_1560');
      expect([clock, CLOCKS[clock].enabled?.(distinct) ?? 'always']).toEqual([clock, is1560 ? true : 'always']);
      expect([clock, CLOCKS[clock].enabled?.(off) ?? 'always']).toEqual([clock, is1560 ? false : 'always']);
    }
  });

  it('adds the preservation hold and same-day review to any request flagged as an emergency', () => {
    const facts = (emergency: boolean | undefined): CaseClockFacts => ({ requestType: 'court_order', receivedAt: '2026-11-20', emergency });
    for (const clock of ['preservation_hold', 'emergency_review_target'] as const) {
      expect(CLOCKS[clock].alsoWhen!(facts(true))).toBe(true);
      expect(CLOCKS[clock].alsoWhen!(facts(false))).toBe(false);
      expect(CLOCKS[clock].alsoWhen!(facts(undefined))).toBe(false);
    }
  });

  it('tracks a typed nondisclosure date for every request type but those under a statutory gag', () => {
    for (const requestType of REQUEST_TYPES) {
      const gagged = requestType === 'national_security_letter' || requestType === 'fisa_order';
      expect([requestType, CLOCKS.nondisclosure_lapse.alsoWhen!({ requestType, receivedAt: '2026-11-20', nondisclosureUntil: '2027-02-15' })]).toEqual([requestType, !gagged]);
      expect(CLOCKS.nondisclosure_lapse.alsoWhen!({ requestType, receivedAt: '2026-11-20', nondisclosureUntil: null })).toBe(false);
      expect(CLOCKS.nondisclosure_lapse.alsoWhen!({ requestType, receivedAt: '2026-11-20' })).toBe(false);
    }
  });

  it('knows its own clock names and nothing else', () => {
    for (const clock of CLOCK_NAMES) expect(isClockName(clock)).toBe(true);
    for (const other of ['cpra', '', 'CPRA_DETERMINATION', 42, null, undefined, ['cpra_determination']]) expect(isClockName(other)).toBe(false);
  });
});

describe('clockRuleMeta', () => {
  it('carries an extendable clock’s ceiling from the settings and its citation', () => {
    expect(clockRuleMeta(CLOCKS.cpra_determination, distinct)).toEqual({
      clock: 'cpra_determination',
      label: 'Public-records determination',
      citation: 'Gov. Code § 7922.535(a)',
      kind: 'respond_by',
      startsFrom: "receipt of the request (the city's receipt when it came through the city portal)",
      maxExtensionDays: 9,
      extensionCitation: 'Gov. Code § 7922.535(b) (unusual circumstances; written notice with reasons and the expected date)',
    });
  });

  it('gives a clock that cannot be extended no ceiling at all', () => {
    expect(clockRuleMeta(CLOCKS.search_warrant_expiry, distinct)).toEqual({
      clock: 'search_warrant_expiry', label: 'Search warrant void if not executed by', citation: 'Penal Code § 1534(a)', kind: 'expires', startsFrom: 'issuance of the warrant',
    });
  });
});
