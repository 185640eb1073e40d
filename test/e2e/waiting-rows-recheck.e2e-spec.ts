import { Client } from 'pg';
import { kohaSchemaExport, toCsvTable } from '../../libs/records/src/testing/koha-schema-fixture';
import { ApiClient, eventually } from '../support/api-client';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(240_000);

/**
 * An import commits its records, then re-checks the rows that were waiting for their patron in a second transaction.
 * Here the worker is SIGKILLed between the two: the test holds a key-share lock on the case row, which lets the
 * import's shared lock through but holds the re-check's update lock, so the kill lands after the commit and before
 * the re-check, every run.
 */
describe('rows waiting for their patron when the worker dies between the import and its re-check', () => {
  let system: TestSystem;
  let db: Client;
  let clerk: ApiClient;
  let attorney: ApiClient;
  let director: ApiClient;
  const tables = kohaSchemaExport();
  const csv = (table: string) => ({ name: `${table}.csv`, content: toCsvTable(tables[table], ';'), type: 'text/csv' });

  beforeAll(async () => {
    system = await TestSystem.start('waiting-rows-recheck');
    [clerk, attorney, director] = [await system.as('clerk'), await system.as('attorney'), await system.as('director')];
    db = new Client({ connectionString: system.environment.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  const importOf = (caseId: string, id: string) => clerk.get(`/api/cases/${caseId}/records/imports/${id}`).then((r) => r.body);
  const caseOf = (id: string) => clerk.get(`/api/cases/${id}`).then((r) => r.body);
  const sealedRecords = (caseId: string) => db.query<{ id: string; ciphertext: string }>('SELECT id, ciphertext FROM patron_records WHERE "caseId" = $1 ORDER BY seq', [caseId]).then((r) => r.rows);
  const audited = (caseId: string, action: string) => db.query<{ details: string }>('SELECT details FROM audit_events WHERE "caseId" = $1 AND action = $2', [caseId, action]).then((r) => r.rows.map((row) => JSON.parse(row.details) as Record<string, unknown>));

  /** A case whose loans wait for a borrowers file; returns the case and that waiting import. */
  async function caseWithWaitingLoans() {
    const created = (await clerk.post('/api/cases', courtOrderCase())).body;
    const loans = await clerk.uploadFiles(`/api/cases/${created.id}/records`, {}, ['issues', 'old_issues', 'items', 'biblio'].map(csv));
    expect(loans.status).toBe(202);
    const waiting = await eventually(() => importOf(created.id, loans.body.id), (i) => i.status === 'completed' || i.status === 'failed');
    expect(waiting).toMatchObject({ status: 'completed', errorCount: 0 });
    expect(waiting.pendingRows).toBeGreaterThan(0);
    return { caseId: created.id as string, loansImportId: loans.body.id as string };
  }

  /**
   * Uploads the borrowers and SIGKILLs the worker once that import has committed and its re-check waits for the case
   * lock. The upload itself locks the case for update, so it is queued while no worker runs, before the lock is held.
   */
  async function importBorrowersAndKillBeforeRecheck(caseId: string) {
    await system.worker!.stop();
    const borrowers = await clerk.upload(`/api/cases/${caseId}/records`, { table: 'borrowers' }, csv('borrowers'));
    expect(borrowers.status).toBe(202);
    await db.query('BEGIN');
    await db.query('SELECT 1 FROM cases WHERE id = $1 FOR KEY SHARE', [caseId]);
    await system.startWorker();
    await eventually(() => db.query('SELECT status FROM record_imports WHERE id = $1', [borrowers.body.id]).then((r) => r.rows[0]?.status), (status) => status === 'completed');
    // (the statement's text is cut at track_activity_query_size, before its FOR UPDATE: only the test's lock can hold it)
    const waitingForLock = () => db.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").then((r) => r.rows[0].n as number);
    await eventually(waitingForLock, (n) => n > 0);
    await system.worker!.kill();
    await db.query('ROLLBACK');
  }

  it('re-checks them when the job is retried by the restarted worker: nothing waits for ever', async () => {
    const { caseId, loansImportId } = await caseWithWaitingLoans();
    await importBorrowersAndKillBeforeRecheck(caseId);
    expect((await importOf(caseId, loansImportId)).pendingRows).toBeGreaterThan(0);

    await system.startWorker();
    expect((await eventually(() => importOf(caseId, loansImportId), (i) => i.pendingRows === 0)).pendingRows).toBe(0);
    expect(await audited(caseId, 'records.patrons_resolved')).toHaveLength(1);
  });

  it('leaves the records as the director approved them when the approval lands between the import and its re-check', async () => {
    const { caseId, loansImportId } = await caseWithWaitingLoans();
    await clerk.post(`/api/cases/${caseId}/submit`);
    await eventually(() => caseOf(caseId), (c) => c.status === 'legal_review');
    expect((await attorney.post(`/api/cases/${caseId}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    await eventually(() => caseOf(caseId), (c) => c.status === 'awaiting_approval');

    await importBorrowersAndKillBeforeRecheck(caseId);
    expect((await director.post(`/api/cases/${caseId}/decision`, { decision: 'approve' })).status).toBe(202);
    const approved = await sealedRecords(caseId);

    await system.startWorker();
    const [refusal] = (await eventually(() => audited(caseId, 'records.patrons_recheck_refused'), (rows) => rows.length > 0));
    expect(refusal).toMatchObject({ status: expect.stringMatching(/^fulfill/), waitingImports: 1 });
    expect(await sealedRecords(caseId)).toEqual(approved);
    expect((await importOf(caseId, loansImportId)).pendingRows).toBeGreaterThan(0);
    expect(await audited(caseId, 'records.patrons_resolved')).toHaveLength(0);
  });
});
