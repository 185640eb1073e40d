import { addDays } from '../deadlines/iso-date';
import { buildTransparencyReport, median, outcomeOf, percentile, ReportCase, ReportHold, ReportQuery } from './build-report';
import { DEFAULT_TRANSPARENCY_SETTINGS, TransparencySettings } from './transparency-settings';

let serial = 0;
const aCase = (overrides: Partial<ReportCase> = {}): ReportCase => ({
  id: `case-${serial++}`, requestType: 'court_order', receivedOn: '2026-02-10', status: 'fulfilled', decision: 'approve', decidedOn: '2026-02-12',
  production: { produced: 4, withheld: 0 }, narrowed: false, patrons: 1, emergency: false, gagged: false, fisaContents: false, ...overrides,
});
const H1 = { from: '2026-01-01', to: '2026-06-30' };
const report = (cases: ReportCase[], query: Partial<ReportQuery> = {}, settings: Partial<TransparencySettings> = {}, holds: ReportHold[] = []) =>
  buildTransparencyReport(cases, holds, { period: H1, today: '2027-06-01', ...query }, { ...DEFAULT_TRANSPARENCY_SETTINGS, ...settings });

describe('median and percentile', () => {
  it('sorts numerically and rounds the median to one decimal', () => {
    expect(median([10, 9, 2])).toBe(9);
    expect(median([10, 2])).toBe(6);
    expect(median([1.24, 1.26, 9])).toBe(1.3);
  });

  it('takes the nearest rank, from the smallest value to the largest', () => {
    expect(percentile([10, 9, 2], 0.5)).toBe(9);
    expect(percentile([10, 9, 2], 0)).toBe(2);
    expect(percentile([10, 9, 2], 1)).toBe(10);
    expect(percentile([], 0.9)).toBeNull();
  });
});

describe('outcomeOf', () => {
  it('counts an approval as open until its production is finished', () => {
    expect(outcomeOf(aCase({ production: null }))).toBe('open');
    expect(outcomeOf(aCase({ status: 'fulfilling', production: { produced: 4, withheld: 0 } }))).toBe('open');
    expect(outcomeOf(aCase({ decision: null }))).toBe('open');
  });
});

describe('buildTransparencyReport: ordinary requests', () => {
  it('buckets response times by calendar days from receipt to decision, a decision dated before receipt as 0', () => {
    const days = [0, 2, 3, 5, 6, 10, 11, 30, 31];
    const r = report([...days.map((d) => aCase({ decidedOn: addDays('2026-02-10', d) })), aCase({ decidedOn: '2026-02-01' })]);
    expect(r.responseTimes.buckets).toEqual([
      { label: '0–2 days', count: 3 }, { label: '3–5 days', count: 2 }, { label: '6–10 days', count: 2 }, { label: '11–30 days', count: 2 }, { label: 'over 30 days', count: 1 },
    ]);
    expect(r.responseTimes).toMatchObject({ decided: 10, medianDays: 5.5, p90Days: 30 });
  });

  it('times only decided cases, with a decision date', () => {
    const r = report([aCase({ decision: null, decidedOn: '2026-02-20' }), aCase({ decision: 'deny', status: 'denied', decidedOn: null }), aCase({ decidedOn: '2026-02-13' })]);
    expect(r.responseTimes).toMatchObject({ decided: 1, medianDays: 3, p90Days: 3 });
  });

  it('labels each row by its kind of process, and the total as leaving national-security process out', () => {
    const r = report([]);
    expect(r.requests.rows.find((row) => row.requestType === 'court_order')?.label).toBe('Superior court order');
    expect(r.requests.total).toMatchObject({ requestType: 'total', label: 'All requests (national-security process excluded)' });
  });

  it('counts only the request types asked for, and says which', () => {
    const r = report([aCase(), aCase({ requestType: 'search_warrant' })], { requestTypes: ['search_warrant', 'national_security_letter'] });
    expect(r.requests.rows.map((row) => row.requestType)).toEqual(['search_warrant']);
    expect(r.requests.total.received).toBe(1);
    expect(r.filters).toEqual({ requestTypes: ['search_warrant'] });
    expect(report([]).filters).toEqual({ requestTypes: null });
  });

  it('counts holds placed and released in the period on counted cases only', () => {
    const counted = aCase({ id: 'counted' });
    const other = aCase({ id: 'other-type', requestType: 'search_warrant' });
    const gagged = aCase({ id: 'gagged', gagged: true });
    const holds: ReportHold[] = [
      { caseId: 'counted', placedOn: '2026-02-10', releasedOn: '2026-07-01' },
      { caseId: 'counted', placedOn: '2025-12-31', releasedOn: '2026-06-30' },
      { caseId: 'other-type', placedOn: '2026-02-10', releasedOn: '2026-02-11' },
      { caseId: 'gagged', placedOn: '2026-02-10', releasedOn: '2026-02-11' },
      { caseId: 'unknown', placedOn: '2026-02-10', releasedOn: null },
    ];
    expect(report([counted, other, gagged], { requestTypes: ['court_order'] }, {}, holds).preservationHolds).toEqual({ placed: 1, released: 1 });
  });

  it('counts emergencies by their kind or their flag, and cases counsel narrowed', () => {
    const r = report([aCase({ requestType: 'emergency' }), aCase({ emergency: true, narrowed: true }), aCase(), aCase({ emergency: true, receivedOn: '2026-07-01' })]);
    expect([r.emergencyRequests, r.narrowedByCounsel]).toEqual([2, 1]);
  });

  it('states the period in Pacific time, the date it was made, the methodology and the citations', () => {
    const r = report([], { today: '2026-12-01' }, { methodology: 'Counted by the date each request was received.' });
    expect(r.period).toEqual({ ...H1, timeZone: 'America/Los_Angeles', start: '2026-01-01T08:00:00.000Z', end: '2026-07-01T07:00:00.000Z' });
    expect(r.generatedOn).toBe('2026-12-01');
    expect(r.methodology).toBe('Counted by the date each request was received.');
    expect(r.citations).toEqual([expect.stringContaining('7927.105'), expect.stringContaining('50 U.S.C. § 1874(a)(2), (b)(1)'), expect.stringContaining('1546.2')]);
  });
});

describe('buildTransparencyReport: nondisclosure orders', () => {
  const gagged = (n: number, receivedOn = '2026-03-01') => Array.from({ length: n }, () => aCase({ gagged: true, receivedOn }));

  it('in aggregate, counts per finished half-year only the ordinary cases received in it', () => {
    const cases = [...gagged(3), ...gagged(4, '2026-07-02'), aCase({ gagged: true, requestType: 'fisa_order' })];
    const r = report(cases, { period: { from: '2026-01-01', to: '2026-12-31' } }, { gagThreshold: 3 });
    expect(r.nondisclosureOrders.periods.map((p) => [p.from, p.status, p.figures])).toEqual([
      ['2026-01-01', 'reported', { count: 3, fewerThan: null }],
      ['2026-07-01', 'reported', { count: 4, fewerThan: null }],
    ]);
    expect(r.nondisclosureOrders.note).toContain('fewer than 3');
  });

  it('reports no count for a half-year until the day after it ends', () => {
    expect(report(gagged(3), { today: '2026-06-30' }).nondisclosureOrders.periods[0]).toMatchObject({ status: 'period_not_over', figures: { count: null, fewerThan: null } });
    expect(report(gagged(3), { today: '2026-07-01' }).nondisclosureOrders.periods[0]).toMatchObject({ status: 'reported' });
  });

  it('leaves gagged cases out of every figure when counsel excludes them, and says so', () => {
    const r = report([...gagged(2), aCase()], {}, { gagOrderCounting: 'exclude' });
    expect(r.requests.total.received).toBe(1);
    expect(r.nondisclosureOrders).toEqual({ counting: 'exclude', note: expect.stringContaining('not counted'), periods: [] });
    expect(report([], {}, { gagOrderCounting: 'by_type' }).nondisclosureOrders.note).toContain('counted with the other requests of their kind');
  });
});

describe('buildTransparencyReport: national-security process', () => {
  const nsl = (n: number, receivedOn = '2026-03-01') => Array.from({ length: n }, () => aCase({ requestType: 'national_security_letter', patrons: 3, receivedOn }));

  it('publishes NSL figures the day after the half-year ends, in bands counting requests and patrons', () => {
    const cases = [...nsl(120), ...nsl(400, '2026-07-01')];
    expect(report(cases, { today: '2026-06-30' }).nationalSecurity.periods[0]).toEqual({ ...H1, status: 'period_not_over', figures: [] });
    const r = report(cases, { today: '2026-07-01' }, { nationalSecurityOption: 'separate_500_semiannual' });
    expect(r.nationalSecurity.periods[0].figures[0]).toEqual({
      key: 'national_security_letters', label: 'National Security Letters', availableOn: '2026-07-01', status: 'reported',
      requests: { band: '0-499', low: 0, high: 499 }, patronsTargeted: { band: '0-499', low: 0, high: 499 },
    });
    const wide = report(cases, { today: '2026-07-01' }, { nationalSecurityOption: 'separate_1000_semiannual' });
    expect(wide.nationalSecurity.periods[0].figures[0].patronsTargeted).toEqual({ band: '0-999', low: 0, high: 999 });
  });

  it('counts each category’s own process only, a finished half-year marked reported', () => {
    const cases = [...nsl(500), aCase({ requestType: 'fisa_order', fisaContents: true, patrons: 1 })];
    const [unit] = report(cases, { today: '2027-06-01' }).nationalSecurity.periods;
    expect(unit.status).toBe('reported');
    expect(unit.figures.map((f) => [f.key, f.requests?.band, f.patronsTargeted?.band])).toEqual([
      ['national_security_letters', '500-999', '1500-1999'],
      ['fisa_contents', '0-499', '0-499'],
      ['fisa_noncontents', '0-499', '0-499'],
    ]);
  });

  it('holds FISA figures for the configured delay after the half-year, counting contents and non-contents apart', () => {
    const fisa = [aCase({ requestType: 'fisa_order', fisaContents: true }), aCase({ requestType: 'fisa_order', fisaContents: false })];
    const settings = { fisaPublicationDelayDays: 200 };
    const [waiting] = report(fisa, { today: '2027-01-15' }, settings).nationalSecurity.periods[0].figures.filter((f) => f.key === 'fisa_contents');
    expect(waiting).toMatchObject({ status: 'publication_delay', availableOn: '2027-01-16', requests: null, patronsTargeted: null });
    const published = report(fisa, { today: '2027-01-16' }, settings).nationalSecurity.periods[0].figures;
    expect(published.map((f) => [f.key, f.status])).toEqual([['national_security_letters', 'reported'], ['fisa_contents', 'reported'], ['fisa_noncontents', 'reported']]);
  });

  it('in the annual structure, reports whole calendar years after the annual delay, all process combined', () => {
    const cases = [...nsl(60), ...nsl(50, '2026-11-30'), aCase({ requestType: 'fisa_order', receivedOn: '2025-12-31' })];
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const settings = { nationalSecurityOption: 'combined_100_annual' as const, annualPublicationDelayDays: 400 };
    expect(report(cases, { period: year, today: '2028-02-03' }, settings).nationalSecurity.periods[0].figures[0]).toMatchObject({ status: 'publication_delay', availableOn: '2028-02-04' });
    const r = report(cases, { period: year, today: '2028-02-04' }, settings).nationalSecurity;
    expect(r.periods[0].figures[0]).toMatchObject({ key: 'all_national_security_process', status: 'reported', requests: { band: '100-199' }, patronsTargeted: { band: '300-399' } });
    expect(r).toMatchObject({ option: 'combined_100_annual', citation: '50 U.S.C. § 1874(a)(4), (b)(3)', description: expect.stringContaining('Per year'), note: expect.stringContaining('whole calendar years') });
    expect(report([], {}, {}).nationalSecurity.note).toContain('whole half-years (January–June, July–December)');
  });
});
