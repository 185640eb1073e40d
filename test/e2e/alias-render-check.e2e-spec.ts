import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ResponsiveRecord } from '@custodian/domain';
import { createRecordCipher, importExport, parseRecordKeyring } from '@custodian/records';
import { eventually } from '../support/api-client';
import { reviewedCase } from '../support/case-journey';
import { PATRON_IN_SCOPE } from '../support/koha-fixture';
import { withDatabase } from '../support/services';
import { TestSystem } from '../support/system';

jest.setTimeout(240_000);

const SCOPE = { cardNumbers: [PATRON_IN_SCOPE.cardnumber], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans'] };
// A patron the reviewed and approved records did not hold: the alias was harmless at approval, and prints this
// patron's withheld surname once the record is in the case.
const LATE_PATRON = { borrowernumber: 103, cardnumber: '23000000077777', surname: 'Marchetti', firstname: 'Livia', branchcode: 'PDL', categorycode: 'ADULT', dateenrolled: '2021-02-01' };
const ALIAS = `Patron ${LATE_PATRON.surname}`;

/** The records the import pipeline makes of an export, as the worker's import would store them. */
async function recordsOf(exportJson: string): Promise<ResponsiveRecord[]> {
  const records: ResponsiveRecord[] = [];
  const outcome = await importExport([{ format: 'json', open: () => Readable.from([exportJson]) }], (batch) => void records.push(...batch));
  if (!outcome.imported) throw new Error('the late export did not validate');
  return records;
}

/**
 * Decision 0054: the API refuses such an alias at review and approval, over the records in the case then. The worker
 * checks again before it renders, over the records in the case when it renders. The routes no longer reach a
 * difference between the two (an import takes the case lock and refuses a decided case), so the difference is made
 * here as a case approved by a release before 0054 left it: approved, its render job queued, and a record in the
 * case that makes the approved alias print a withheld value. The record is sealed and stored as an import stores it;
 * everything else is the real API, worker, queue and database.
 */
describe('the worker’s alias check before rendering', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await TestSystem.start('alias-render-check');
  });
  afterAll(() => system?.stop());

  it('stops the production before anything is drawn when the records rendered make the approved alias print a withheld value', async () => {
    const { caseId, importId } = await reviewedCase(system, { caseOverrides: { scope: { ...SCOPE, aliases: [{ cardNumber: PATRON_IN_SCOPE.cardnumber, alias: ALIAS }] } } });
    const [clerk, director] = [await system.as('clerk'), await system.as('director')];

    // The render job waits in the queue while no worker runs.
    await system.worker!.stop();
    expect((await director.post(`/api/cases/${caseId}/decision`, { decision: 'approve', note: 'Approved.' })).status).toBe(202);
    const cipher = createRecordCipher(parseRecordKeyring(system.environment.env.RECORDS_KEYS, system.environment.env.RECORDS_ACTIVE_KEY_ID));
    await withDatabase(system.environment.databaseUrl!, async (db) => {
      const { rows } = await db.query('SELECT COALESCE(MAX(seq), 0)::int AS last FROM patron_records WHERE "caseId" = $1', [caseId]);
      let seq: number = rows[0].last;
      for (const record of await recordsOf(JSON.stringify({ borrowers: [LATE_PATRON] }))) {
        await db.query('INSERT INTO patron_records (id, "caseId", "importId", seq, "recordType", "sourceTable", "keyId", ciphertext) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          randomUUID(), caseId, importId, ++seq, record.recordType, record.sourceTable, cipher.activeKeyId, cipher.encrypt(JSON.stringify(record), caseId),
        ]);
      }
    });

    await system.startWorker();
    // The case page reads the case row and its production in separate queries, so one poll can see the production
    // failed before the case's alert (written in the same transaction): wait for both.
    const stopped = await eventually(() => clerk.get(`/api/cases/${caseId}`).then((r) => r.body), (c) => (c.production?.status === 'failed' && c.alert !== null) || c.status === 'fulfilled', 120_000, 300);
    expect(stopped.status).toBe('fulfilling');
    expect(stopped.production.failure).toBe('Production stopped before release: 1 alias(es) in the approved scope contain a value the production withholds; choose another alias');
    expect(stopped.production.sha256).toBeNull();
    expect(stopped.alert).toBe(stopped.production.failure);

    // Nothing rendered is kept: no partial file in the render folder, no stored production.
    expect(readdirSync(join(system.environment.storageDir, 'tmp'))).toEqual([]);
    const evidence = await withDatabase(system.environment.databaseUrl!, async (db) => ({
      audit: (await db.query(`SELECT action, outcome, details FROM audit_events WHERE "caseId" = $1 AND action LIKE 'production.%' ORDER BY seq`, [caseId])).rows,
      notices: (await db.query(`SELECT kind, message FROM notifications WHERE "caseId" = $1 AND kind = 'production_failed'`, [caseId])).rows,
    }));
    expect(evidence.audit).toEqual([{ action: 'production.failed_closed', outcome: 'failure', details: JSON.stringify({ aliasesRevealing: 1 }) }]);
    expect(evidence.notices).toHaveLength(1);
    expect(evidence.notices[0].message).toContain('1 alias(es) in the approved scope contain a value the production withholds');

    // The case itself holds the alias (its scope); what the stop said and logged does not.
    const said = JSON.stringify({ failure: stopped.production.failure, alert: stopped.alert, evidence, logs: `${system.api.output()}\n${system.worker!.output()}` });
    for (const value of [ALIAS, LATE_PATRON.surname, LATE_PATRON.firstname, LATE_PATRON.cardnumber]) expect(`${value}: ${said.includes(value)}`).toBe(`${value}: false`);
  });
});
