// Small productions through the real pipeline (PostgreSQL + Redis, compiled API and worker): N cases (60 by
// default), each with a Koha export of one patron and 20 loans imported, reviewed, then all approved at once by N
// concurrent clients. Reports productions/s from the first decision to the last case fulfilled, and decision-to-ready
// p50/p95 (decision answered → case fulfilled). Targets: >= 10 productions/s, p95 <= 2 s.
// BENCH_WORKER_PROFILE=dir writes CPU profiles of the worker process and its render threads there (node --cpu-prof).
'use strict';
const { Writable } = require('node:stream');
const { join } = require('node:path');
const { APPROVE, SUFFICIENT_REVIEW, courtOrderCase } = require('../lib/fixtures');
const { pool, quantile, sleep } = require('../lib/stats');
const { ROOT, createEnvironment, startApi, startWorker, staff } = require('../lib/system');

const records = require(join(ROOT, 'dist/libs/records/src'));
const LOANS = 20;

async function exportOfOnePatron() {
  const chunks = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (chunks.push(Buffer.from(chunk)), done()) });
  await records.generateKohaExport({ patrons: 1, loansPerPatron: LOANS, seed: 5, from: '2026-01-01', days: 200 }, sink);
  return Buffer.concat(chunks);
}

async function upload(client, path, content) {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'application/json' }), 'koha-export.json');
  const response = await fetch(client.baseUrl + path, { method: 'POST', body: form, headers: { authorization: `Bearer ${client.token}` } });
  if (response.status !== 202 && response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
  return response.json();
}

async function waitForStatus(environment, ids, status, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await environment.query('SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = $2', [ids, status]);
    if (rows[0].n === ids.length) return;
    if (Date.now() > deadline) throw new Error(`${rows[0].n} of ${ids.length} cases reached ${status}`);
    await sleep(100);
  }
}

async function run({ size, report }) {
  const N = Number(process.env.BENCH_FULFILMENT_CASES ?? size(60, 3));
  const environment = await createEnvironment();
  try {
    const api = await startApi(environment);
    const users = await staff(api.baseUrl, environment);
    const profile = process.env.BENCH_WORKER_PROFILE;
    await startWorker(environment, 'worker', profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []);
    const card = records.syntheticCardNumber(1);
    const content = await exportOfOnePatron();
    const ids = await pool(N, 10, async (i) => {
      const body = courtOrderCase(i);
      const created = await users.clerk.post('/api/cases', { ...body, scope: { ...body.scope, cardNumbers: [card] } });
      if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
      await upload(users.clerk, `/api/cases/${created.body.id}/records`, content);
      return created.body.id;
    });
    const deadline = Date.now() + 300_000;
    for (;;) {
      const { rows } = await environment.query(`SELECT count(*)::int AS n FROM record_imports WHERE "caseId" = ANY($1) AND status = 'completed'`, [ids]);
      if (rows[0].n === N) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${N} imports completed`);
      await sleep(200);
    }
    await pool(N, 10, async (i) => users.clerk.post(`/api/cases/${ids[i]}/submit`));
    await waitForStatus(environment, ids, 'legal_review', 300_000);
    await pool(N, 10, async (i) => users.attorney.post(`/api/cases/${ids[i]}/review`, SUFFICIENT_REVIEW));
    await waitForStatus(environment, ids, 'awaiting_approval', 300_000);

    // Every decision at once: N clients.
    const decidedAt = new Map();
    const first = Date.now();
    await pool(N, N, async (i) => {
      const response = await users.director.post(`/api/cases/${ids[i]}/decision`, APPROVE);
      if (response.status !== 202) throw new Error(`decision: ${response.status} ${JSON.stringify(response.body)}`);
      decidedAt.set(ids[i], Date.now());
    });
    await waitForStatus(environment, ids, 'fulfilled', 600_000);
    const { rows } = await environment.query('SELECT id, "updatedAt" FROM cases WHERE id = ANY($1)', [ids]);
    const latencies = rows.map((r) => r.updatedAt.getTime() - decidedAt.get(r.id));
    const last = Math.max(...rows.map((r) => r.updatedAt.getTime()));
    const perSecond = N / ((last - first) / 1000);
    const { rows: pages } = await environment.query('SELECT avg(pages)::float AS pages FROM productions WHERE "caseId" = ANY($1)', [ids]);
    const p95 = quantile(latencies, 0.95);
    report({ id: `fulfilment ${N} small productions/s`, ours: perSecond, unit: '/s', target: '>= 10/s', met: perSecond >= 10, note: `${LOANS} loans each, ${pages[0].pages.toFixed(0)} pages, ${N} concurrent approvals` });
    report({ id: 'fulfilment decision → ready p50', ours: quantile(latencies, 0.5), unit: 'ms' });
    report({ id: 'fulfilment decision → ready p95', ours: p95, unit: 'ms', target: '<= 2000 ms', met: p95 <= 2000 });
  } finally {
    await environment.dispose();
  }
}

module.exports = { run };
