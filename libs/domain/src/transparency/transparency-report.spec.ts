import { DEFAULT_TRANSPARENCY_SETTINGS, ReportCase, buildTransparencyReport, halfYearOf, outcomeOf, percentile, median, periodInstants, transparencyReportCsv, validateTransparencySettings, wholeUnitsWithin } from '../index';

let next = 0;
function aCase(overrides: Partial<ReportCase> = {}): ReportCase {
  return {
    id: `c${next++}`, requestType: 'court_order', receivedOn: '2026-02-10', status: 'fulfilled', decision: 'approve', decidedOn: '2026-02-15',
    production: { produced: 10, withheld: 0 }, narrowed: false, patrons: 1, emergency: false, gagged: false, fisaContents: false, ...overrides,
  };
}
const H1 = { from: '2026-01-01', to: '2026-06-30' };
const settings = DEFAULT_TRANSPARENCY_SETTINGS;

describe('transparency report', () => {
  it('classifies outcomes: full, part (narrowed or withheld), nothing, denied, withdrawn, open', () => {
    expect(outcomeOf(aCase())).toBe('produced_in_full');
    expect(outcomeOf(aCase({ narrowed: true }))).toBe('produced_in_part');
    expect(outcomeOf(aCase({ production: { produced: 3, withheld: 2 } }))).toBe('produced_in_part');
    expect(outcomeOf(aCase({ production: { produced: 0, withheld: 0 } }))).toBe('produced_nothing');
    expect(outcomeOf(aCase({ decision: 'deny', status: 'denied', production: null }))).toBe('objected_or_denied');
    expect(outcomeOf(aCase({ decision: null, status: 'withdrawn', production: null }))).toBe('withdrawn');
    expect(outcomeOf(aCase({ status: 'fulfilling', production: null }))).toBe('open');
    expect(outcomeOf(aCase({ decision: null, status: 'legal_review', production: null }))).toBe('open');
  });

  it('counts ordinary requests exactly by type and outcome, with patrons, response times, holds, emergencies and narrowing', () => {
    const cases = [
      aCase({ patrons: 2, decidedOn: '2026-02-12' }),
      aCase({ narrowed: true, decidedOn: '2026-02-20' }),
      aCase({ requestType: 'civil_subpoena', decision: 'deny', status: 'denied', production: null, decidedOn: '2026-03-12' }),
      aCase({ id: 'emer', requestType: 'emergency', emergency: true, decision: null, status: 'legal_review', production: null, decidedOn: null }),
      aCase({ receivedOn: '2026-07-01' }),
    ];
    const report = buildTransparencyReport(cases, [{ caseId: 'emer', placedOn: '2026-02-10', releasedOn: '2026-03-01' }], { period: H1, today: '2026-12-01' }, settings);
    const court = report.requests.rows.find((r) => r.requestType === 'court_order')!;
    expect(court).toMatchObject({ received: 2, patronsAffected: 3, outcomes: { produced_in_full: 1, produced_in_part: 1 } });
    expect(report.requests.total).toMatchObject({ received: 4, outcomes: { produced_in_full: 1, produced_in_part: 1, objected_or_denied: 1, open: 1 } });
    expect(report.responseTimes).toMatchObject({ decided: 3, medianDays: 10, p90Days: 30 });
    expect(report.preservationHolds).toEqual({ placed: 1, released: 1 });
    expect(report.emergencyRequests).toBe(1);
    expect(report.narrowedByCounsel).toBe(1);
    expect(report.requests.rows.map((r) => r.requestType)).not.toContain('national_security_letter');
  });

  it('bounds periods by the Pacific calendar, across daylight-saving changes', () => {
    expect(periodInstants({ from: '2026-03-08', to: '2026-03-08' })).toEqual({ start: new Date('2026-03-08T08:00:00Z'), end: new Date('2026-03-09T07:00:00Z') });
    expect(periodInstants(H1)).toEqual({ start: new Date('2026-01-01T08:00:00Z'), end: new Date('2026-07-01T07:00:00Z') });
    expect(wholeUnitsWithin({ from: '2025-03-01', to: '2026-12-31' }, 'half_year')).toEqual([{ from: '2025-07-01', to: '2025-12-31' }, halfYearOf('2026-01-01'), halfYearOf('2026-08-01')]);
  });

  it('reports national-security process only in bands, only for whole finished half-years, FISA after the publication delay', () => {
    const ns = [aCase({ requestType: 'national_security_letter', patrons: 3 }), aCase({ requestType: 'fisa_order', patrons: 1 })];
    const early = buildTransparencyReport(ns, [], { period: H1, today: '2026-08-01' }, settings);
    const [unit] = early.nationalSecurity.periods;
    expect(unit.figures.find((f) => f.key === 'national_security_letters')).toMatchObject({ status: 'reported', requests: { band: '0-499' }, patronsTargeted: { band: '0-499' } });
    expect(unit.figures.find((f) => f.key === 'fisa_noncontents')).toMatchObject({ status: 'publication_delay', requests: null, availableOn: '2026-12-27' });
    const late = buildTransparencyReport(ns, [], { period: H1, today: '2026-12-27' }, settings);
    expect(late.nationalSecurity.periods[0].figures.find((f) => f.key === 'fisa_noncontents')).toMatchObject({ status: 'reported', requests: { band: '0-499' } });
    expect(late.requests.total.received).toBe(0);
    expect(buildTransparencyReport(ns, [], { period: H1, today: '2026-06-30' }, settings).nationalSecurity.periods[0].status).toBe('period_not_over');
    expect(buildTransparencyReport(ns, [], { period: { from: '2026-01-01', to: '2026-05-31' }, today: '2026-12-27' }, settings).nationalSecurity.periods).toEqual([]);
    const wide = buildTransparencyReport(ns, [], { period: H1, today: '2027-12-01' }, { ...settings, nationalSecurityOption: 'separate_1000_semiannual' });
    expect(wide.nationalSecurity.periods[0].figures[0].requests).toEqual({ band: '0-999', low: 0, high: 999 });
    const annual = buildTransparencyReport(ns, [], { period: { from: '2026-01-01', to: '2026-12-31' }, today: '2027-12-30' }, { ...settings, nationalSecurityOption: 'combined_100_annual' });
    expect(annual.nationalSecurity.periods[0].figures).toEqual([expect.objectContaining({ key: 'all_national_security_process', status: 'publication_delay', availableOn: '2027-12-31' })]);
  });

  it('counts cases under a nondisclosure order in aggregate only, per finished half-year, as "fewer than" below the threshold', () => {
    const gagged = Array.from({ length: 3 }, () => aCase({ gagged: true }));
    const report = buildTransparencyReport([...gagged, aCase()], [], { period: H1, today: '2026-12-01' }, settings);
    expect(report.requests.total.received).toBe(1);
    expect(report.nondisclosureOrders.periods).toEqual([expect.objectContaining({ status: 'reported', figures: { count: null, fewerThan: 10 } })]);
    const low = buildTransparencyReport([...gagged, aCase()], [], { period: H1, today: '2026-12-01' }, { ...settings, gagThreshold: 2 });
    expect(low.nondisclosureOrders.periods[0].figures).toEqual({ count: 3, fewerThan: null });
    const byType = buildTransparencyReport([...gagged, aCase()], [], { period: H1, today: '2026-12-01' }, { ...settings, gagOrderCounting: 'by_type' });
    expect(byType.requests.total.received).toBe(4);
    expect(byType.nondisclosureOrders.periods).toEqual([]);
  });

  it('writes CSV with the same figures and defused formulas', () => {
    const report = buildTransparencyReport([aCase(), aCase({ requestType: 'national_security_letter' })], [], { period: H1, today: '2026-12-01' }, settings);
    const csv = transparencyReportCsv(report);
    expect(csv).toContain('requests,2026-01-01..2026-06-30,court_order,received,1\r\n');
    expect(csv).toContain('national_security,2026-01-01..2026-06-30,national_security_letters,requests,0-499\r\n');
    expect(csv).not.toMatch(/national_security[^\r]*,1\r\n/);
  });

  it('validates settings: delays are floors, options are known', () => {
    expect(validateTransparencySettings(settings)).toEqual([]);
    expect(validateTransparencySettings({ ...settings, fisaPublicationDelayDays: 90 })).toEqual([expect.stringMatching(/^fisaPublicationDelayDays/)]);
    expect(validateTransparencySettings({ ...settings, nationalSecurityOption: 'exact' as never })).toHaveLength(1);
  });

  it('computes median and nearest-rank percentiles', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(median([])).toBeNull();
  });
});
