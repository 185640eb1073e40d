import { REQUEST_TYPES } from '../request-types';
import { CaseClockFacts } from './case-facts';
import { clocksForCase, computeCaseDeadlines, deadlineInputFor, isUnavailableClock, planClocks } from './case-clocks';
import type { DeadlineInput } from './deadline-types';
import { CLOCKS, CLOCK_NAMES, CLOCKS_BY_REQUEST_TYPE } from './clock-catalogue';
import { DEFAULT_DEADLINE_SETTINGS, resolveDeadlineSettings } from './deadline-settings';

const received = '2026-11-20T16:05:00-08:00';
const byClock = (facts: CaseClockFacts, settings = DEFAULT_DEADLINE_SETTINGS) =>
  Object.fromEntries(computeCaseDeadlines(facts, settings).map((d) => [d.clock, d]));

describe('clocksForCase', () => {
  it('gives a public-records request its 10-day determination, extendable once by at most 14 days', () => {
    const clocks = byClock({
      requestType: 'public_records',
      receivedAt: received,
      extensions: { cpra_determination: { days: 20, reason: 'records at another site', grantedAt: '2026-11-24' } },
    });
    expect(clocks.cpra_determination.dueDate).toBe('2026-12-14');
    expect(clocks.cpra_determination.citation).toBe('Gov. Code § 7922.535(a)');
    expect(clocks.cpra_determination.explanation.extension).toMatchObject({ grantedDays: 14, capped: true, dueDateWithoutExtension: '2026-11-30' });
  });

  it('runs a search warrant from issuance, not receipt, as an expiry that never rolls forward', () => {
    const clocks = byClock({ requestType: 'search_warrant', receivedAt: '2026-03-05T10:00:00-08:00', instrument: { issuedAt: '2026-03-04' } });
    expect(clocks.search_warrant_expiry).toMatchObject({ dueDate: '2026-03-14', kind: 'expires', citation: 'Penal Code § 1534(a)' });
    expect(clocks.search_warrant_expiry.explanation.start).toBe('2026-03-04');
    expect(clocks.search_warrant_expiry.explanation.rolledForward).toBe(false); // 14 March 2026 is a Saturday
  });

  it('reports a warrant without an issue date as a missing fact, and targets not yet started', () => {
    const plan = planClocks({ requestType: 'search_warrant', receivedAt: received });
    expect(plan.inputs).toEqual([]);
    expect(plan.unavailable.map((u) => [u.clock, u.reason])).toEqual([
      ['search_warrant_expiry', 'missing_fact'],
      ['legal_review_target', 'not_started'],
      ['director_approval_target', 'not_started'],
    ]);
  });

  it('takes a subpoena compliance date from the instrument as written', () => {
    const clocks = byClock({ requestType: 'civil_subpoena', receivedAt: received, instrument: { complianceDate: '2026-12-19' } });
    expect(clocks.instrument_compliance).toMatchObject({ dueDate: '2026-12-19', kind: 'comply_by' });
    expect(clocks.evidence_code_1560_civil).toBeUndefined();
  });

  it('adds Evidence Code § 1560 delivery dates only when counsel turns them on', () => {
    const settings = resolveDeadlineSettings({ evidenceCode1560Enabled: true });
    expect(byClock({ requestType: 'civil_subpoena', receivedAt: received }, settings).evidence_code_1560_civil.dueDate).toBe('2026-12-07');
    expect(byClock({ requestType: 'criminal_subpoena', receivedAt: received }, settings).evidence_code_1560_criminal.dueDate).toBe('2026-11-25');
  });

  it('holds records for 90 days on an emergency request, or any request flagged emergency, renewable', () => {
    const emergency = byClock({ requestType: 'emergency', receivedAt: received });
    expect(emergency.preservation_hold).toMatchObject({ dueDate: '2027-02-18', kind: 'lapses' });
    const flagged = byClock({
      requestType: 'court_order',
      receivedAt: received,
      emergency: true,
      preservationHoldPlacedAt: '2026-11-21',
      extensions: { preservation_hold: { days: 90, reason: 'court order expected', grantedAt: '2027-02-10' } },
    });
    expect(flagged.preservation_hold.dueDate).toBe('2027-05-20');
  });

  it('tracks a court nondisclosure order as its own lapse date, but gives a statutory gag no lapse date', () => {
    const clocks = byClock({ requestType: 'court_order', receivedAt: received, nondisclosureUntil: '2027-02-15' });
    expect(clocks.nondisclosure_lapse).toMatchObject({ dueDate: '2027-02-15', kind: 'lapses' });
    // 18 U.S.C. § 2709(c) binds until a recorded lift: a typed date must not announce that notice may be given.
    expect(byClock({ requestType: 'national_security_letter', receivedAt: received, nondisclosureUntil: '2027-02-15' }).nondisclosure_lapse).toBeUndefined();
  });

  it('counts internal targets in court days and pauses them while the case waits for information', () => {
    const facts: CaseClockFacts = {
      requestType: 'public_records',
      receivedAt: received,
      submittedAt: '2026-11-23T09:00:00-08:00',
      pauses: [{ from: '2026-11-24', to: '2026-11-30', reason: 'needs_info' }],
    };
    const clocks = byClock(facts);
    expect(clocks.legal_review_target.dueDate).toBe('2026-12-02'); // 24 Nov counts; 25-30 Nov paused
    expect(clocks.cpra_determination.dueDate).toBe('2026-11-30'); // statutory clock not paused by default
    const tolled = byClock(facts, resolveDeadlineSettings({ pausableClocks: ['cpra_determination'] }));
    expect(tolled.cpra_determination.dueDate).toBe('2026-12-07');
  });

  it('gives every request type its catalogue clocks, all known to the catalogue', () => {
    for (const type of REQUEST_TYPES) {
      for (const clock of CLOCKS_BY_REQUEST_TYPE[type]) expect(CLOCK_NAMES).toContain(clock);
      const plan = planClocks({ requestType: type, receivedAt: received, submittedAt: received, reviewedAt: received, instrument: { issuedAt: '2026-11-19', complianceDate: '2026-12-19' } });
      const planned = [...plan.inputs.map((i) => i.rule.clock), ...plan.unavailable.map((u) => u.clock)];
      expect(planned).toEqual(CLOCKS_BY_REQUEST_TYPE[type].filter((c) => CLOCKS[c].enabled?.(DEFAULT_DEADLINE_SETTINGS) ?? true));
    }
  });
});

describe('deadlineInputFor', () => {
  it('starts the public-records clock from the city’s receipt when the request came through the portal', () => {
    const input = deadlineInputFor('cpra_determination', { requestType: 'public_records', receivedAt: '2026-11-20', cityReceivedAt: '2026-11-18' });
    expect(isUnavailableClock(input)).toBe(false);
    expect(input).toMatchObject({ start: '2026-11-18', days: 10, counting: 'calendar', excludeStartDay: true, rollForwardPastHolidays: true, timeZone: 'America/Los_Angeles', pauses: [], extension: null });
    expect((input as DeadlineInput).calendar.name).toBe('City closure calendar');
    expect(deadlineInputFor('cpra_determination', { requestType: 'public_records', receivedAt: '2026-11-20', cityReceivedAt: null })).toMatchObject({ start: '2026-11-20' });
  });

  it('counts a warrant on the court calendar and a hold from its placement', () => {
    expect((deadlineInputFor('search_warrant_expiry', { requestType: 'search_warrant', receivedAt: '2026-11-20', instrument: { issuedAt: '2026-11-19' } }) as DeadlineInput).calendar.name).toBe('Court days (judicial holidays)');
    expect(deadlineInputFor('preservation_hold', { requestType: 'emergency', receivedAt: '2026-11-20', preservationHoldPlacedAt: '2026-11-21' })).toMatchObject({ start: '2026-11-21', rollForwardPastHolidays: false });
  });

  it('says which fact is missing, or that the step has not happened yet', () => {
    expect(deadlineInputFor('search_warrant_expiry', { requestType: 'search_warrant', receivedAt: '2026-11-20', instrument: null })).toEqual({
      clock: 'search_warrant_expiry', label: 'Search warrant void if not executed by', reason: 'missing_fact', fact: 'instrument.issuedAt',
      message: 'Search warrant void if not executed by cannot be computed: record instrument.issuedAt (issuance of the warrant).',
    });
    expect(deadlineInputFor('director_approval_target', { requestType: 'court_order', receivedAt: '2026-11-20' })).toEqual({
      clock: 'director_approval_target', label: 'Director approval target', reason: 'not_started', fact: 'reviewedAt',
      message: 'Director approval target starts at completion of legal review, which has not happened yet.',
    });
    expect(deadlineInputFor('cpra_determination', { requestType: 'public_records', receivedAt: null as never })).toMatchObject({ reason: 'missing_fact', fact: 'cityReceivedAt or receivedAt' });
  });

  it('applies case pauses only to the clocks the settings make pausable, and the clock’s own extension', () => {
    const pauses = [{ from: '2026-11-24', to: '2026-11-30', reason: 'needs_info' }];
    const extension = { days: 5, reason: 'volume', grantedAt: '2026-11-25' };
    const facts: CaseClockFacts = { requestType: 'public_records', receivedAt: '2026-11-20', submittedAt: '2026-11-20', pauses, extensions: { cpra_determination: extension } };
    expect(deadlineInputFor('legal_review_target', facts)).toMatchObject({ pauses, extension: null });
    expect(deadlineInputFor('cpra_determination', facts)).toMatchObject({ pauses: [], extension });
    expect(deadlineInputFor('legal_review_target', { ...facts, pauses: undefined })).toMatchObject({ pauses: [] });
  });

  it('reads local dates in the settings’ zone', () => {
    expect(deadlineInputFor('cpra_determination', { requestType: 'public_records', receivedAt: '2026-11-20' }, resolveDeadlineSettings({ timeZone: 'America/New_York' }))).toMatchObject({ timeZone: 'America/New_York' });
  });
});

describe('planClocks', () => {
  it('adds same-day review to any emergency-flagged request, and not otherwise', () => {
    const clocks = (emergency: boolean) => planClocks({ requestType: 'court_order', receivedAt: received, emergency }).inputs.map((i) => i.rule.clock);
    // The order names no compliance date, so instrument_compliance waits among the unavailable clocks.
    expect(clocks(true)).toEqual(['preservation_hold', 'emergency_review_target']);
    expect(clocks(false)).toEqual([]);
  });

  it('leaves a counsel-disabled clock out even when the request type lists it', () => {
    const plan = planClocks({ requestType: 'criminal_subpoena', receivedAt: received, instrument: { complianceDate: '2026-12-19' } });
    expect(plan.inputs.map((i) => i.rule.clock)).toEqual(['instrument_compliance']);
    expect(clocksForCase({ requestType: 'criminal_subpoena', receivedAt: received, instrument: { complianceDate: '2026-12-19' } }).map((i) => i.rule.clock)).toEqual(['instrument_compliance']);
  });
});

describe('Rule 45 objections: the earlier of 14 days after service or the compliance date', () => {
  // Served Fri 2026-11-20: 14 days later is Fri 2026-12-04, a court day.
  const objections = (complianceDate: string | null, settings = DEFAULT_DEADLINE_SETTINGS) =>
    computeCaseDeadlines({ requestType: 'federal_civil_subpoena', receivedAt: received, instrument: { complianceDate } }, settings).find((d) => d.clock === 'rule45_objections')!;

  it('takes the compliance date when it comes first, and says so', () => {
    const result = objections('2026-12-01');
    expect(result.dueDate).toBe('2026-12-01');
    expect(result.explanation.steps[result.explanation.steps.length - 1]).toBe('The instrument.complianceDate (Tue 2026-12-01) comes first, and the rule takes the earlier date: Tue 2026-12-01.');
  });

  it('keeps the 14 days when the compliance date is the same day or later, or not given', () => {
    for (const complianceDate of ['2026-12-04', '2026-12-10', null]) {
      const result = objections(complianceDate);
      expect(result.dueDate).toBe('2026-12-04');
      expect(result.explanation.steps.join('\n')).not.toMatch(/comes first/);
    }
  });

  it('reads the compliance date’s local day in the settings’ zone', () => {
    // 06:00 UTC on 4 Dec is the 3rd in Los Angeles, the 4th in New York.
    expect(objections('2026-12-04T06:00:00Z').dueDate).toBe('2026-12-03');
    expect(objections('2026-12-04T06:00:00Z', resolveDeadlineSettings({ timeZone: 'America/New_York' })).dueDate).toBe('2026-12-04');
  });

  it('gives a paused clock no date, whatever the compliance date', () => {
    const settings = resolveDeadlineSettings({ pausableClocks: ['rule45_objections'] });
    const [result] = computeCaseDeadlines({ requestType: 'federal_civil_subpoena', receivedAt: received, instrument: { complianceDate: '2026-12-01' }, pauses: [{ from: '2026-11-23', reason: 'needs_info' }] }, settings).filter((d) => d.clock === 'rule45_objections');
    expect(result).toMatchObject({ dueDate: null, status: 'paused' });
  });
});
