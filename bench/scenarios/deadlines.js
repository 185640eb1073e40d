// GET /api/deadlines?within=P3D with a million cases in PostgreSQL, bulk-inserted by generate_series (not the API):
// 1% open with clocks from ten days overdue to a year ahead, the rest closed with met clocks. One connection, so the
// figure is the route's own latency; the raw baseline is the same rows read by plain SQL over pg in the same run.
'use strict';
const { Pool } = require('pg');
const { load } = require('../lib/load');
const { quantile } = require('../lib/stats');
const { createEnvironment, startApi, staff } = require('../lib/system');

const REQUESTER = JSON.stringify({ name: 'Det. A. Ruiz', agency: 'Palm Desert Police' });
const INSTRUMENT = JSON.stringify({ issuedBy: 'Superior Court', docketNumber: 'RIC0' });
const SCOPE = JSON.stringify({ cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-10-31', recordTypes: ['loans'] });

/**
 * The million rows go in with the tables' plain indexes dropped and their triggers (the foreign-key checks) off,
 * then the indexes are rebuilt from their own definitions and the triggers turned back on: building an index once
 * is far cheaper than maintaining it a row at a time, and the rows are consistent by construction. The schema
 * the route then reads is exactly the migrated one.
 */
/** Ids in ascending order (valid v4 UUIDs), so the primary keys are appended to, not written all over. */
const caseId = "'00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0')";
const deadlineId = "'00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0')";

async function bulkInsert(environment, cases, clerkId) {
  const { rows: indexes } = await environment.query(`SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.tablename IN ('cases', 'deadlines') AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`);
  for (const { indexname } of indexes) await environment.query(`DROP INDEX "${indexname}"`);
  await environment.query('ALTER TABLE cases DISABLE TRIGGER ALL');
  await environment.query('ALTER TABLE deadlines DISABLE TRIGGER ALL');
  await environment.query(`
    INSERT INTO cases (id, "caseNumber", "requestType", status, "pendingStep", channel, "receivedAt", requester, instrument, scope,
      "approvedScope", "nondisclosureUntil", emergency, summary, "intakeClerkId", alert, "clockPauses", "clockExtensions",
      "submittedAt", "closedAt", version, "createdAt", "updatedAt")
    SELECT ${caseId}, 'BENCH-' || i, 'court_order', CASE WHEN i % 100 = 0 THEN 'legal_review' ELSE 'closed' END, NULL,
      'in_person', now() - (i % 1500) * interval '1 day', $1, $2, $3, NULL, NULL, false, 'bench', $4, NULL, '[]', '[]',
      now() - (i % 1500) * interval '1 day', CASE WHEN i % 100 = 0 THEN NULL ELSE now() END, 1, now(), now()
    FROM generate_series(1, $5::int) AS i`, [REQUESTER, INSTRUMENT, SCOPE, clerkId, cases]);
  await environment.query(`
    INSERT INTO deadlines (id, "caseId", clock, label, "dueDate", status, explanation, "computedAt")
    SELECT ${deadlineId}, ${caseId}, 'response', 'Response due',
      to_char(CASE WHEN i % 100 = 0 THEN current_date + ((i / 100) % 375 - 10) ELSE current_date - (i % 1500) END, 'YYYY-MM-DD'),
      CASE WHEN i % 100 = 0 THEN 'open' ELSE 'met' END, '{"steps":[]}', now()
    FROM generate_series(1, $1::int) AS i`, [cases]);
  await environment.query('ALTER TABLE cases ENABLE TRIGGER ALL');
  await environment.query('ALTER TABLE deadlines ENABLE TRIGGER ALL');
  for (const { indexdef } of indexes) await environment.query(indexdef);
  await environment.query('VACUUM cases');
  await environment.query('VACUUM deadlines');
  await environment.query('ANALYZE cases');
  await environment.query('ANALYZE deadlines');
}

/** The raw baseline: the same open deadlines within three days joined to their open cases, as plain SQL. */
async function rawQueries(databaseUrl, seconds) {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const latencies = [];
  const until = Date.now() + seconds * 1000;
  try {
    while (Date.now() < until) {
      const started = process.hrtime.bigint();
      await pool.query(`SELECT d.*, c.id, c."caseNumber", c."requestType", c.status FROM deadlines d JOIN cases c ON c.id = d."caseId"
        WHERE d.status = 'open' AND d."dueDate" <= to_char(current_date + 3, 'YYYY-MM-DD') AND c.status <> 'closed' ORDER BY d."dueDate"`);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    await pool.end();
  }
  return { rps: latencies.length / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

async function run({ size, report }) {
  const cases = size(1_000_000, 5_000);
  const seconds = size(5, 0.5);
  const environment = await createEnvironment();
  try {
    const api = await startApi(environment);
    const users = await staff(api.baseUrl, environment);
    const insertStarted = Date.now();
    await bulkInsert(environment, cases, users.clerk.id);
    const insertSeconds = (Date.now() - insertStarted) / 1000;
    const probe = await users.clerk.get('/api/deadlines?within=P3D');
    if (probe.status !== 200) throw new Error(`deadlines answered ${probe.status}: ${JSON.stringify(probe.body).slice(0, 300)}`);
    const ours = await load({ url: `${api.baseUrl}/api/deadlines?within=P3D`, connections: 1, seconds, headers: { authorization: `Bearer ${users.clerk.token}` } });
    const raw = await rawQueries(environment.databaseUrl, seconds);
    const note = `${cases} cases (inserted in ${insertSeconds.toFixed(0)} s), ${probe.body.items.length} items due`;
    report({ id: 'deadlines P3D p50', ours: ours.p50, baseline: raw.p50, unit: 'ms', note });
    report({ id: 'deadlines P3D p99', ours: ours.p99, baseline: raw.p99, unit: 'ms', target: '<= 20 ms', met: ours.p99 <= 20 && !ours.errors && !ours.unexpected });
    report({ id: 'deadlines P3D req/s (1 connection)', ours: ours.rps, baseline: raw.rps, unit: 'req/s' });
  } finally {
    await environment.dispose();
  }
}

module.exports = { run, bulkInsert };
