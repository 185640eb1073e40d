import { IntakeFacts, intakeFactProblems } from './intake-checks';

// Mid-morning in Palm Desert; the library's day is 2026-03-10.
const NOW = new Date('2026-03-10T10:00:00-08:00');
const facts = (patch: Partial<IntakeFacts> = {}, instrument: IntakeFacts['instrument'] = {}): IntakeFacts => ({
  requestType: 'search_warrant',
  channel: 'in_person',
  receivedAt: new Date('2026-03-10T09:00:00-08:00'),
  instrument,
  scope: { recordTypes: ['loans'] },
  ...patch,
});
const fields = (f: IntakeFacts) => intakeFactProblems(f, NOW).map((p) => p.field);

describe('intakeFactProblems: a clock never runs from a fact that has not happened', () => {
  it('accepts facts that are all in the past, or now', () => {
    expect(intakeFactProblems(facts({ receivedAt: NOW }, { issuedAt: '2026-03-10', cityReceivedAt: '2026-03-09T16:00:00-08:00', cityPortalNumber: 'PRR-1' }), NOW)).toEqual([]);
  });

  it('refuses a receipt that is not a time, or still to come', () => {
    expect(intakeFactProblems(facts({ receivedAt: new Date('not a time') }), NOW)).toEqual([{ field: 'receivedAt', message: 'is not a date-time' }]);
    expect(intakeFactProblems(facts({ receivedAt: new Date(NOW.getTime() + 1) }), NOW)).toEqual([
      { field: 'receivedAt', message: 'is in the future: record when the library was actually served with or received the request' },
    ]);
  });

  it('refuses an instrument issued after the library’s today, and only then', () => {
    expect(intakeFactProblems(facts({}, { issuedAt: '2026-03-11' }), NOW)).toEqual([
      { field: 'instrument.issuedAt', message: 'is in the future (2026-03-11); the instrument cannot have been issued after today' },
    ]);
    expect(fields(facts({}, { issuedAt: '2026-03-10' }))).toEqual([]);
    // The library's day, not UTC's: at 17:00 Pacific it is already the 11th in UTC.
    expect(intakeFactProblems(facts({}, { issuedAt: '2026-03-11' }), new Date('2026-03-10T17:00:00-08:00')).map((p) => p.field)).toEqual(['instrument.issuedAt']);
    // Not a date at all is the DTO's to refuse; this check only compares days.
    expect(fields(facts({}, { issuedAt: 'soon' }))).toEqual([]);
  });

  it('refuses a city receipt that is not a time, is to come, or follows the library’s own receipt', () => {
    const city = (cityReceivedAt: string) => intakeFactProblems(facts({}, { cityReceivedAt }), NOW);
    expect(city('yesterday')).toEqual([{ field: 'instrument.cityReceivedAt', message: 'must be an ISO 8601 date-time with its UTC offset' }]);
    expect(city('2026-03-10T10:00:01-08:00')).toEqual([{ field: 'instrument.cityReceivedAt', message: 'is in the future' }]);
    expect(city('2026-03-10T09:30:00-08:00')).toEqual([{ field: 'instrument.cityReceivedAt', message: "is after the library's receipt; the city's portal receives a request first" }]);
    expect(city('2026-03-10T09:00:00-08:00')).toEqual([]);
    // A request that reached the city's portal and the library this very instant has happened: neither is to come.
    expect(intakeFactProblems(facts({ receivedAt: NOW }, { cityReceivedAt: NOW.toISOString() }), NOW)).toEqual([]);
  });

  it('asks CalECPA delayed notice (Penal Code § 1546.2(b)) for CalECPA process and an end date', () => {
    const calecpa = { nondisclosureBasis: 'calecpa_delayed_notice' as const };
    expect(intakeFactProblems(facts({ ...calecpa, scope: { recordTypes: ['sessions'] }, nondisclosureUntil: '2026-06-01' }), NOW)).toEqual([]);
    expect(intakeFactProblems(facts({ ...calecpa, scope: { recordTypes: ['sessions'] } }), NOW)).toEqual([
      { field: 'nondisclosureUntil', message: 'a CalECPA delayed-notice order states how long notice is delayed (Penal Code § 1546.2(b))' },
    ]);
    const civil = intakeFactProblems(facts({ ...calecpa, requestType: 'civil_subpoena', nondisclosureUntil: '2026-06-01' }), NOW);
    expect(civil).toEqual([{ field: 'nondisclosureBasis', message: expect.stringMatching(/not to a civil_subpoena/) }]);
    // Another order's own terms need no CalECPA process.
    expect(fields(facts({ nondisclosureBasis: 'court_order', requestType: 'civil_subpoena' }))).toEqual([]);
  });
});
