import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, eventually } from '../support/api-client';
import { pdfText } from '../support/pdf-text';
import { OTHER_PATRON, PATRON_IN_SCOPE, kohaExport } from '../support/koha-fixture';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(180_000);


describe('the whole pipeline on PostgreSQL, Redis and a real worker', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;
  let director: ApiClient;

  beforeAll(async () => {
    // Purge immediately after closing, so the retention job can be seen to work within the test.
    system = await TestSystem.start('pipeline', { env: { PURGE_AFTER_DAYS: '0' } });
    [clerk, attorney, director] = [await system.as('clerk'), await system.as('attorney'), await system.as('director')];
  });
  afterAll(() => system?.stop());

  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);

  async function reviewedCase(overrides: Record<string, unknown> = {}) {
    const created = (await clerk.post('/api/cases', courtOrderCase({ scope: { cardNumbers: [PATRON_IN_SCOPE.cardnumber], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans'] }, ...overrides }))).body;
    const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'koha-export.json', content: kohaExport(), type: 'application/json' });
    expect(upload.status).toBe(202);
    const imported = await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body), (i) => ['completed', 'failed'].includes(i.status));
    expect(imported).toMatchObject({ status: 'completed', rowsImported: 6, errorCount: 0 });
    // The plaintext export is gone from storage once its records are sealed.
    const sha = createHash('sha256').update(kohaExport()).digest('hex');
    // (deleted just after the commit that marks the import completed, so it may take a moment)
    await eventually(async () => existsSync(join(system.environment.storageDir, sha.slice(0, 2), sha)), (exists) => !exists, 10_000, 50);
    await clerk.post(`/api/cases/${created.id}/submit`);
    await eventually(() => caseOf(created.id), (c) => c.status === 'legal_review');
    expect((await attorney.post(`/api/cases/${created.id}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    return eventually(() => caseOf(created.id), (c) => c.status === 'awaiting_approval');
  }

  it('approval leads to a verified, redacted, Bates-numbered production of only the approved scope', async () => {
    const row = await reviewedCase();
    expect((await clerk.get(`/api/cases/${row.id}/productions`)).body.items).toEqual([]);
    const decided = await director.post(`/api/cases/${row.id}/decision`, { decision: 'approve', note: 'Produce as reviewed.' });
    expect(decided.status).toBe(202);
    const fulfilled = await eventually(() => caseOf(row.id), (c) => c.status === 'fulfilled', 90_000);
    expect(fulfilled.production).toMatchObject({ status: 'ready', progress: 100, batesFirst: 'PDL-000001', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(fulfilled.production.manifest).toMatchObject({ caseNumber: row.caseNumber, sha256: fulfilled.production.sha256, verification: { ok: true } });

    const download = await clerk.download(`/api/productions/${fulfilled.production.id}/pdf`);
    expect(download.status).toBe(200);
    expect(download.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.headers.get('x-content-sha256')).toBe(createHash('sha256').update(download.bytes).digest('hex'));
    expect(download.headers.get('x-content-sha256')).toBe(fulfilled.production.sha256);

    const text = pdfText(download.bytes, { layout: true });
    expect(text).toContain('Gardening in the Desert');
    expect(text).toContain('PDL-000001');
    expect(text).toMatch(/7927\.105/);
    for (const withheld of ['Outside the Date Range', 'Another Patron’s Novel', 'Hold Not Requested', OTHER_PATRON.surname, OTHER_PATRON.cardnumber, PATRON_IN_SCOPE.borrowernotes, PATRON_IN_SCOPE.dateofbirth, PATRON_IN_SCOPE.email]) {
      expect(text).not.toContain(withheld);
    }
    expect(download.bytes.toString('latin1')).not.toMatch(/PDFKit|\/Author/);

    const events = (await clerk.get(`/api/cases/${row.id}/events`)).body.items.map((e: { action: string }) => e.action);
    expect(events).toEqual(expect.arrayContaining(['case.created', 'records.imported', 'case.submitted', 'case.intake_completed', 'case.reviewed', 'case.approved', 'production.created', 'case.fulfilled', 'production.downloaded']));
    expect(events.filter((a: string) => a === 'production.created')).toHaveLength(1);
  });

  it('denial leads to a denial letter naming the people responsible, and never to a production', async () => {
    const row = await reviewedCase();
    expect((await director.post(`/api/cases/${row.id}/decision`, { decision: 'deny', reasons: ['NOT_PARTICULAR'], note: 'The order does not name the records with particularity.' })).status).toBe(202);
    const denied = await eventually(() => caseOf(row.id), (c) => c.status === 'denied', 60_000);
    expect(denied.production).toBeNull();
    expect(denied.letters.map((l: { kind: string }) => l.kind)).toEqual(['denial']);
    const letter = await clerk.download(`/api/cases/${row.id}/letters/denial/pdf`);
    expect(letter.status).toBe(200);
    const text = pdfText(letter.bytes, { layout: true });
    expect(text).toContain('Maria Lopez');
    expect(text).toContain('Library Director');
    expect(text).toContain('Ravi Patel');
    expect(text).toMatch(/Penal Code § 1525|particularity/);
    expect((await clerk.get(`/api/cases/${row.id}/productions`)).body.items).toEqual([]);
    expect((await clerk.get(`/api/cases/${row.id}/letters/extension/pdf`)).status).toBe(404);
  });

  it('rejects an import with bad rows, reporting line and field, and imports nothing', async () => {
    const created = (await clerk.post('/api/cases', courtOrderCase())).body;
    const bad = JSON.stringify({ borrowers: [{ borrowernumber: 1, cardnumber: '2300001' }], issues: [{ issue_id: 1, borrowernumber: 1, issuedate: 'yesterday' }, { issue_id: 2, borrowernumber: 1, issuedate: '2026-01-01', colour: 'red' }] }, null, 1);
    const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'export.json', content: bad });
    const result = await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body), (i) => ['completed', 'failed'].includes(i.status));
    expect(result.status).toBe('failed');
    expect(result.rowsImported).toBe(0);
    expect(result.errors).toEqual([expect.objectContaining({ table: 'issues', row: 1, field: 'issuedate', line: expect.any(Number) })]);
    // a column Koha does not have is a warning (kept sealed, withheld), not a reason to refuse the file
    expect(result.warnings).toEqual([expect.objectContaining({ table: 'issues', field: 'colour', message: expect.stringContaining('kept sealed and withheld') })]);
    const csv = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'issues.csv', content: 'issue_id,borrowernumber,cardnumber,issuedate\n1,,23000000012345,2026-02-02\n' });
    expect(await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${csv.body.id}`).then((r) => r.body.status), (s) => s === 'completed' || s === 'failed')).toBe('completed');
    expect((await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'export.xlsx', content: 'x' })).status).toBe(400);
  });

  it('purges the sealed records of a closed case on the retention schedule, keeping the case for reporting', async () => {
    const row = await reviewedCase();
    await director.post(`/api/cases/${row.id}/decision`, { decision: 'approve' });
    const fulfilled = await eventually(() => caseOf(row.id), (c) => c.status === 'fulfilled', 90_000);
    // A case closes only after its production was delivered.
    const delivered = await clerk.post(`/api/cases/${row.id}/deliveries`, { document: 'production', method: 'in_person', recipient: 'Det. A. Ruiz', acknowledgedSha256: fulfilled.production.sha256 });
    expect(delivered.status).toBe(201);
    expect((await clerk.post(`/api/cases/${row.id}/close`)).status).toBe(200);
    // The schedule proposes; an admin reviews the dry run and approves it; only then does the worker purge.
    const plan = await system.admin.post('/api/retention/plans');
    expect(plan.body.plan.classes.find((c: { recordClass: string }) => c.recordClass === 'patron_records').cases.map((c: { caseId: string }) => c.caseId)).toContain(row.id);
    expect((await system.admin.post(`/api/retention/plans/${plan.body.id}/approve`)).status).toBe(202);
    const events = await eventually(() => clerk.get(`/api/cases/${row.id}/events`).then((r) => r.body.items), (items) => items.some((e: { action: string }) => e.action === 'records.purged'));
    expect(events.find((e: { action: string }) => e.action === 'records.purged').details).toMatchObject({ planId: plan.body.id, classes: { patron_records: 6 } });
    const { withDatabase } = await import('../support/services');
    await withDatabase(system.environment.databaseUrl!, async (db) => {
      expect((await db.query('SELECT COUNT(*)::int AS n FROM patron_records WHERE "caseId" = $1', [row.id])).rows[0].n).toBe(0);
      expect((await db.query('SELECT status, "recordsPurgedAt" FROM cases WHERE id = $1', [row.id])).rows[0]).toMatchObject({ status: 'closed', recordsPurgedAt: expect.any(Date) });
    });
  });

  it('keeps patron data sealed at rest', async () => {
    const { withDatabase } = await import('../support/services');
    await withDatabase(system.environment.databaseUrl!, async (db) => {
      const rows = (await db.query('SELECT ciphertext FROM patron_records')).rows.map((r: { ciphertext: string }) => r.ciphertext).join('\n');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).not.toContain(PATRON_IN_SCOPE.cardnumber);
      expect(rows).not.toContain('Gardening');
    });
  });
});
