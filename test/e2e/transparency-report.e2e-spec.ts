import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ApiClient, eventually } from '../support/api-client';
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
const H1 = '?from=2026-01-01&to=2026-06-30';
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
    const created = await clerk.post('/api/cases', courtOrderCase({ receivedAt: '2026-03-02T16:05:00-08:00', scope, ...overrides }));
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
    const denied = await reviewed({ receivedAt: '2026-06-30T23:30:00-07:00' }); // the last evening of June, Pacific time
    await director.post(`/api/cases/${denied.id}/decision`, { decision: 'deny', reasons: ['NOT_PARTICULAR'] });
    const withdrawn = await create({ receivedAt: '2026-01-01T00:10:00-08:00' }); // just after midnight, Pacific time
    expect((await clerk.post(`/api/cases/${withdrawn.id}/withdraw`)).status).toBe(200);
    await create({ requestType: 'public_records', requester: { name: 'A. Reporter', verification: 'not_verified' }, instrument: {} });
    await create({ receivedAt: '2026-07-01T06:30:00Z' }); // June 30 in Pacific time, though July 1 in UTC
    await create({ receivedAt: '2026-07-01T07:30:00Z' }); // July 1 in Pacific time: the next half-year
    await eventually(() => caseOf(produced.id), (c) => c.status === 'fulfilled', 120_000);
    await eventually(() => caseOf(denied.id), (c) => c.status === 'denied', 60_000);

    const report = await auditor.get(`/api/reports/transparency${H1}`);
    expect(report.status).toBe(200);
    expect(report.body.period).toMatchObject({ from: '2026-01-01', to: '2026-06-30', timeZone: 'America/Los_Angeles', start: '2026-01-01T08:00:00.000Z', end: '2026-07-01T07:00:00.000Z' });
    const court = report.body.requests.rows.find((r: { requestType: string }) => r.requestType === 'court_order');
    expect(court).toMatchObject({ received: 4, patronsAffected: 4, outcomes: { produced_in_full: 1, objected_or_denied: 1, withdrawn: 1, open: 1, produced_in_part: 0, produced_nothing: 0 } });
    expect(report.body.requests.total).toMatchObject({ received: 5 });
    expect(report.body.responseTimes).toMatchObject({ decided: 2, medianDays: expect.any(Number), p90Days: expect.any(Number) });
    expect(report.body.requests.rows.map((r: { requestType: string }) => r.requestType)).not.toContain('national_security_letter');

    const filtered = await auditor.get(`/api/reports/transparency${H1}&requestType=public_records`);
    expect(filtered.body.requests.total.received).toBe(1);
    expect((await clerk.get(`/api/reports/transparency${H1}`)).status).toBe(403);
    expect((await auditor.get('/api/reports/transparency?from=2026-07-01&to=2026-01-01')).status).toBe(400);
    expect((await auditor.get(`/api/reports/transparency${H1}&requestType=bogus`)).status).toBe(400);
    expect((await auditor.get('/api/reports/transparency?from=2026-01-01')).status).toBe(400);
    expect((await auditor.get(`/api/reports/transparency${H1}&format=xml`)).status).toBe(400);
    expect((await auditor.get('/api/reports/transparency')).body.period.from).toBe('2026-07-01');
  });

  it('reports national-security process only in bands, for whole half-years, FISA only after the publication delay', async () => {
    await create({ requestType: 'national_security_letter', receivedAt: '2026-02-03T10:00:00-08:00', instrument: { description: 'NSL' } });
    await create({ requestType: 'fisa_order', receivedAt: '2026-02-03T10:00:00-08:00', instrument: { description: 'FISA order' } });
    await create({ requestType: 'fisa_order', receivedAt: '2025-09-03T10:00:00-07:00', instrument: { description: 'FISA order' } });
    // Today is after 2026-06-30 but before 2026-06-30 + 180 days: H1 2026's FISA figures wait; H2 2025's are out.
    const report = (await auditor.get('/api/reports/transparency?from=2025-07-01&to=2026-06-30')).body;
    const [h2, h1] = report.nationalSecurity.periods;
    expect(h2).toMatchObject({ from: '2025-07-01', to: '2025-12-31', status: 'reported' });
    expect(h2.figures.find((f: { key: string }) => f.key === 'fisa_noncontents')).toMatchObject({ status: 'reported', requests: { band: '0-499' }, patronsTargeted: { band: '0-499' } });
    expect(h1.figures.find((f: { key: string }) => f.key === 'national_security_letters')).toMatchObject({ status: 'reported', requests: { band: '0-499' } });
    expect(h1.figures.find((f: { key: string }) => f.key === 'fisa_noncontents')).toMatchObject({ status: 'publication_delay', requests: null, availableOn: '2026-12-27' });
    expect(JSON.stringify(report)).not.toMatch(/"requests":\{"band":"0-499","low":0,"high":499\},"patronsTargeted":null/);
    // A part of a half-year carries no national-security figures at all.
    expect((await auditor.get('/api/reports/transparency?from=2026-02-01&to=2026-02-28')).body.nationalSecurity.periods).toEqual([]);

    // Counsel chooses the § 1874(a)(1) structure and a longer delay: bands of 1000, the FISA rows of H2 2025 wait.
    const admin = system.admin;
    expect((await put(admin, '/api/settings/transparency', { nationalSecurityOption: 'separate_1000_semiannual', fisaPublicationDelayDays: 400 })).status).toBe(200);
    const wider = (await auditor.get('/api/reports/transparency?from=2025-07-01&to=2025-12-31')).body;
    expect(wider.nationalSecurity.periods[0].figures.find((f: { key: string }) => f.key === 'national_security_letters').requests.band).toBe('0-999');
    expect(wider.nationalSecurity.periods[0].figures.find((f: { key: string }) => f.key === 'fisa_noncontents').status).toBe('publication_delay');
    expect((await put(admin, '/api/settings/transparency', { fisaPublicationDelayDays: 30 })).status).toBe(400);
    expect((await put(admin, '/api/settings/transparency', { exactCounts: true })).status).toBe(400);
    expect((await put(auditor, '/api/settings/transparency', { gagThreshold: 1 })).status).toBe(403);
    expect((await put(admin, '/api/settings/transparency', { nationalSecurityOption: 'separate_500_semiannual', fisaPublicationDelayDays: 180 })).status).toBe(200);
  });

  it('counts cases under a court nondisclosure order only in aggregate, never by type or date below the threshold', async () => {
    const before = (await auditor.get(`/api/reports/transparency${H1}`)).body;
    await create({ nondisclosureUntil: '2099-01-01', receivedAt: '2026-04-01T09:00:00-07:00' });
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
    expect(text).toContain('requests,2026-01-01..2026-06-30,court_order,received,4\r\n');
    expect(text).toContain('national_security,2026-01-01..2026-06-30,national_security_letters,requests,0-499\r\n');
    expect(text).toContain('national_security,2026-01-01..2026-06-30,fisa_noncontents,requests,not yet publishable (on 2026-12-27)\r\n');

    const methodology = 'Counted by the Library Privacy Officer from the case register; figures reviewed by the City Attorney.';
    expect((await put(system.admin, '/api/settings/transparency', { methodology })).status).toBe(200);
    const pdf = await director.download(`/api/reports/transparency${H1}&format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text: pdfText, pages } = pdfInfo(pdf.bytes);
    expect(pages).toBe(1);
    expect(pdfText).toContain('Transparency report, January 1, 2026 to June 30, 2026');
    expect(pdfText).toContain('Requests received, by kind');
    expect(pdfText).toContain('Response time');
    expect(pdfText).toContain('0-499');
    expect(pdfText.replace(/\s+/g, ' ')).toContain(methodology);
    expect(pdfText).not.toContain(PATRON_IN_SCOPE.cardnumber);
  });

  it('no combination of periods and filters yields an exact national-security count (property, against the API)', async () => {
    const day = fc.integer({ min: 0, max: 729 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    const queries = fc.sample(
      fc.record({
        period: fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
        types: fc.option(fc.subarray(['court_order', 'public_records', 'national_security_letter', 'fisa_order', 'emergency'], { minLength: 1 }), { nil: null }),
        format: fc.constantFrom('json', 'csv'),
      }),
      { numRuns: 24, seed: 1874 },
    ).concat([{ period: ['2026-01-01', '2026-06-30'], types: null, format: 'json' }, { period: ['2025-07-01', '2025-12-31'], types: null, format: 'csv' }]);
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
    await create({ requestType: 'national_security_letter', receivedAt: '2026-05-05T10:00:00-07:00', emergency: true, instrument: { description: 'NSL' } });
    await create({ requestType: 'fisa_order', receivedAt: '2025-11-11T10:00:00-08:00', instrument: { description: 'FISA' }, scope: { ...scope, cardNumbers: ['1', '2', '3'] } });
    await create({ requestType: 'national_security_letter', receivedAt: '2025-12-31T23:59:00-08:00', instrument: { description: 'NSL' } });
    const after = await read();
    expect(after).toEqual(before);
  });
});
