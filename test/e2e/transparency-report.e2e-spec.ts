import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ApiClient, eventually } from '../support/api-client';
import { addDays, daysBetween, halfYearBefore, halfYearContaining, longDate, notAfterNow, pacificTime, pacificTimeInUtc, pacificToday } from '../support/half-years';
import { PATRON_IN_SCOPE, kohaExport } from '../support/koha-fixture';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(240_000);

function pdfInfo(bytes: Buffer): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' }))?.[1]);
    return { text, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);
// The periods are the half-years before today's, so the test holds in any year: `last` is over and reported,
// `prior` is the one before it.
const current = halfYearContaining(pacificToday());
const last = halfYearBefore(current);
const prior = halfYearBefore(last);
// FISA figures wait at least 180 days after their half-year (50 U.S.C. § 1874(b)). This delay keeps the last
// half-year's waiting today and lets the prior one's out, whatever day today is.
const fisaDelay = Math.max(180, daysBetween(last.to, pacificToday()) + 1);
const fisaAvailableOn = addDays(last.to, fisaDelay);
const H1 = `?from=${last.from}&to=${last.to}`;
const scope = { cardNumbers: [PATRON_IN_SCOPE.cardnumber], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans'] };

describe('the publishable transparency report', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;
  let director: ApiClient;
  let auditor: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('transparency');
    [clerk, attorney, director, auditor] = [await system.as('clerk'), await system.as('attorney'), await system.as('director'), await system.as('auditor')];
  });
  afterAll(() => system?.stop());

  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);
  const create = async (overrides: Record<string, unknown>) => {
    const created = await clerk.post('/api/cases', courtOrderCase({ receivedAt: pacificTime(addDays(last.from, 60), '16:05:00'), scope, ...overrides }));
    expect(created.status).toBe(201);
    return created.body;
  };
  async function reviewed(overrides: Record<string, unknown> = {}) {
    const created = await create(overrides);
    const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'koha-export.json', content: kohaExport(), type: 'application/json' });
    await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body.status), (s) => s === 'completed');
    await clerk.post(`/api/cases/${created.id}/submit`);
    await eventually(() => caseOf(created.id), (c) => c.status === 'legal_review');
    expect((await attorney.post(`/api/cases/${created.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    return eventually(() => caseOf(created.id), (c) => c.status === 'awaiting_approval');
  }

  it('counts ordinary requests exactly, by type and outcome, with response times, in Pacific-time bounds', async () => {
    const produced = await reviewed();
    await director.post(`/api/cases/${produced.id}/decision`, { decision: 'approve' });
    const denied = await reviewed({ receivedAt: pacificTime(last.to, '23:30:00') }); // the half-year's last evening, Pacific time
    await director.post(`/api/cases/${denied.id}/decision`, { decision: 'deny', reasons: ['NOT_PARTICULAR'] });
    const withdrawn = await create({ receivedAt: pacificTime(last.from, '00:10:00') }); // just after its first midnight, Pacific time
    expect((await clerk.post(`/api/cases/${withdrawn.id}/withdraw`)).status).toBe(200);
    await create({ requestType: 'public_records', requester: { name: 'A. Reporter', verification: 'not_verified' }, instrument: {} });
    await create({ receivedAt: pacificTimeInUtc(last.to, '23:00:00') }); // its last day in Pacific time, the next day in UTC
    // The next day in Pacific time: the next half-year (today's, so in its first half hour, now: received times are never in the future).
    await create({ receivedAt: notAfterNow(pacificTimeInUtc(current.from, '00:30:00')) });
    await eventually(() => caseOf(produced.id), (c) => c.status === 'fulfilled', 120_000);
    await eventually(() => caseOf(denied.id), (c) => c.status === 'denied', 60_000);

    const report = await auditor.get(`/api/reports/transparency${H1}`);
    expect(report.status).toBe(200);
    expect(report.body.period).toMatchObject({ from: last.from, to: last.to, timeZone: 'America/Los_Angeles', start: pacificTimeInUtc(last.from, '00:00:00'), end: pacificTimeInUtc(current.from, '00:00:00') });
    const court = report.body.requests.rows.find((r: { requestType: string }) => r.requestType === 'court_order');
    expect(court).toMatchObject({ received: 4, patronsAffected: 4, outcomes: { produced_in_full: 1, objected_or_denied: 1, withdrawn: 1, open: 1, produced_in_part: 0, produced_nothing: 0 } });
    expect(report.body.requests.total).toMatchObject({ received: 5 });
    expect(report.body.responseTimes).toMatchObject({ decided: 2, medianDays: expect.any(Number), p90Days: expect.any(Number) });
    expect(report.body.requests.rows.map((r: { requestType: string }) => r.requestType)).not.toContain('national_security_letter');

    const filtered = await auditor.get(`/api/reports/transparency${H1}&requestType=public_records`);
    expect(filtered.body.requests.total.received).toBe(1);
    expect((await clerk.get(`/api/reports/transparency${H1}`)).status).toBe(403);
    expect((await auditor.get(`/api/reports/transparency?from=${last.to}&to=${last.from}`)).status).toBe(400);
    expect((await auditor.get(`/api/reports/transparency${H1}&requestType=bogus`)).status).toBe(400);
    expect((await auditor.get(`/api/reports/transparency?from=${last.from}`)).status).toBe(400);
    expect((await auditor.get(`/api/reports/transparency${H1}&format=xml`)).status).toBe(400);
    expect((await auditor.get('/api/reports/transparency')).body.period.from).toBe(current.from);
  });

  it('reports national-security process only in bands, for whole half-years, FISA only after the publication delay', async () => {
    expect((await put(system.admin, '/api/settings/transparency', { fisaPublicationDelayDays: fisaDelay })).status).toBe(200);
    await create({ requestType: 'national_security_letter', receivedAt: pacificTime(addDays(last.from, 33), '10:00:00'), instrument: { description: 'NSL' } });
    await create({ requestType: 'fisa_order', receivedAt: pacificTime(addDays(last.from, 33), '10:00:00'), instrument: { description: 'FISA order' } });
    await create({ requestType: 'fisa_order', receivedAt: pacificTime(addDays(prior.from, 64), '10:00:00'), instrument: { description: 'FISA order' } });
    // Today is after the last half-year but before its end + the delay: its FISA figures wait; the prior one's are out.
    const report = (await auditor.get(`/api/reports/transparency?from=${prior.from}&to=${last.to}`)).body;
    const [h2, h1] = report.nationalSecurity.periods;
    expect(h2).toMatchObject({ from: prior.from, to: prior.to, status: 'reported' });
    expect(h2.figures.find((f: { key: string }) => f.key === 'fisa_noncontents')).toMatchObject({ status: 'reported', requests: { band: '0-499' }, patronsTargeted: { band: '0-499' } });
    expect(h1.figures.find((f: { key: string }) => f.key === 'national_security_letters')).toMatchObject({ status: 'reported', requests: { band: '0-499' } });
    expect(h1.figures.find((f: { key: string }) => f.key === 'fisa_noncontents')).toMatchObject({ status: 'publication_delay', requests: null, availableOn: fisaAvailableOn });
    expect(JSON.stringify(report)).not.toMatch(/"requests":\{"band":"0-499","low":0,"high":499\},"patronsTargeted":null/);
    // A part of a half-year carries no national-security figures at all.
    expect((await auditor.get(`/api/reports/transparency?from=${addDays(last.from, 31)}&to=${addDays(last.from, 58)}`)).body.nationalSecurity.periods).toEqual([]);

    // Counsel chooses the § 1874(a)(1) structure and a longer delay: bands of 1000, the prior half-year's FISA rows wait.
    const admin = system.admin;
    expect((await put(admin, '/api/settings/transparency', { nationalSecurityOption: 'separate_1000_semiannual', fisaPublicationDelayDays: 400 })).status).toBe(200);
    const wider = (await auditor.get(`/api/reports/transparency?from=${prior.from}&to=${prior.to}`)).body;
    expect(wider.nationalSecurity.periods[0].figures.find((f: { key: string }) => f.key === 'national_security_letters').requests.band).toBe('0-999');
    expect(wider.nationalSecurity.periods[0].figures.find((f: { key: string }) => f.key === 'fisa_noncontents').status).toBe('publication_delay');
    expect((await put(admin, '/api/settings/transparency', { fisaPublicationDelayDays: 30 })).status).toBe(400);
    expect((await put(admin, '/api/settings/transparency', { exactCounts: true })).status).toBe(400);
    expect((await put(auditor, '/api/settings/transparency', { gagThreshold: 1 })).status).toBe(403);
    expect((await put(admin, '/api/settings/transparency', { nationalSecurityOption: 'separate_500_semiannual', fisaPublicationDelayDays: fisaDelay })).status).toBe(200);
  });

  it('counts cases under a court nondisclosure order only in aggregate, never by type or date below the threshold', async () => {
    const before = (await auditor.get(`/api/reports/transparency${H1}`)).body;
    await create({ nondisclosureUntil: '2099-01-01', receivedAt: pacificTime(addDays(last.from, 90), '09:00:00') });
    const after = (await auditor.get(`/api/reports/transparency${H1}`)).body;
    expect(after.requests).toEqual(before.requests);
    expect(after.nondisclosureOrders.periods).toEqual([expect.objectContaining({ status: 'reported', figures: { count: null, fewerThan: 10 } })]);
    expect((await put(system.admin, '/api/settings/transparency', { gagOrderCounting: 'by_type' })).status).toBe(200);
    expect((await auditor.get(`/api/reports/transparency${H1}`)).body.requests.total.received).toBe(before.requests.total.received + 1);
    expect((await put(system.admin, '/api/settings/transparency', { gagOrderCounting: 'aggregate' })).status).toBe(200);
  });

  it('serves the same figures as CSV and as a one-page PDF with the methodology the admin wrote', async () => {
    const csv = await auditor.download(`/api/reports/transparency${H1}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = csv.bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('section,period,category,measure,value');
    expect(text).toContain(`requests,${last.from}..${last.to},court_order,received,4\r\n`);
    expect(text).toContain(`national_security,${last.from}..${last.to},national_security_letters,requests,0-499\r\n`);
    expect(text).toContain(`national_security,${last.from}..${last.to},fisa_noncontents,requests,not yet publishable (on ${fisaAvailableOn})\r\n`);

    const methodology = 'Counted by the Library Privacy Officer from the case register; figures reviewed by the City Attorney.';
    expect((await put(system.admin, '/api/settings/transparency', { methodology })).status).toBe(200);
    const pdf = await director.download(`/api/reports/transparency${H1}&format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text: pdfText, pages } = pdfInfo(pdf.bytes);
    expect(pages).toBe(1);
    expect(pdfText).toContain(`Transparency report, ${longDate(last.from)} to ${longDate(last.to)}`);
    expect(pdfText).toContain('Requests received, by kind');
    expect(pdfText).toContain('Response time');
    expect(pdfText).toContain('0-499');
    expect(pdfText.replace(/\s+/g, ' ')).toContain(methodology);
    expect(pdfText).not.toContain(PATRON_IN_SCOPE.cardnumber);
  });

  it('no combination of periods and filters yields an exact national-security count (property, against the API)', async () => {
    const day = fc.integer({ min: 0, max: 729 }).map((n) => addDays(prior.from, n - 184));
    const queries = fc.sample(
      fc.record({
        period: fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
        types: fc.option(fc.subarray(['court_order', 'public_records', 'national_security_letter', 'fisa_order', 'emergency'], { minLength: 1 }), { nil: null }),
        format: fc.constantFrom('json', 'csv'),
      }),
      { numRuns: 24, seed: 1874 },
    ).concat([{ period: [last.from, last.to], types: null, format: 'json' }, { period: [prior.from, prior.to], types: null, format: 'csv' }]);
    const url = (q: (typeof queries)[number]) => `/api/reports/transparency?from=${q.period[0]}&to=${q.period[1]}&format=${q.format}${q.types ? `&requestType=${q.types.join(',')}` : ''}`;
    const read = async () => {
      const out: string[] = [];
      for (const q of queries) {
        const response = await auditor.download(url(q));
        expect(response.status).toBe(200);
        out.push(response.bytes.toString('utf8'));
      }
      return out;
    };
    const before = await read();
    // Three more pieces of national-security process, one an emergency, across both half-years.
    await create({ requestType: 'national_security_letter', receivedAt: pacificTime(addDays(last.from, 124), '10:00:00'), emergency: true, instrument: { description: 'NSL' } });
    await create({ requestType: 'fisa_order', receivedAt: pacificTime(addDays(prior.from, 133), '10:00:00'), instrument: { description: 'FISA' }, scope: { ...scope, cardNumbers: ['1', '2', '3'] } });
    await create({ requestType: 'national_security_letter', receivedAt: pacificTime(prior.to, '23:59:00'), instrument: { description: 'NSL' } });
    const after = await read();
    expect(after).toEqual(before);
  });
});
