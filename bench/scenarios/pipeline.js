// The case pipeline on real API and worker processes (PostgreSQL + Redis):
//  - intake and review steps: a backlog of cases drained by a freshly started worker, cases/s, against raw BullMQ
//    no-op jobs at the same concurrency (converted to cases/s by the jobs the step queues per case, counted);
//  - decision to ready: 500 cases, half approved → fulfilled and half denied → denied, cases/s and decision-to-ready p50/p95;
//  - scaling: the same flow (create → submit → review → deny) on 1 API + 1 worker and on 2 APIs + 3 workers:
//    throughput, and every step ran exactly once per case.
'use strict';
const { Queue, Worker } = require('bullmq');
const { APPROVE, DENY, SUFFICIENT_REVIEW, courtOrderCase } = require('../lib/fixtures');
const { pool, quantile, sleep } = require('../lib/stats');
const { REDIS_URL, createEnvironment, startApi, startWorker, staff } = require('../lib/system');

/** Concurrency per queue of one worker process (apps/worker/src/worker-host.ts), for the raw baselines. */
const CONCURRENCY = { intake: 4, 'legal-review': 4, fulfilment: 1, denial: 2 };
const CLIENTS = 20;
/** Time budget of one step's backlog, so the whole bench stays within ten minutes on a slow day. */
const STEP_BUDGET_MS = Number(process.env.BENCH_STEP_BUDGET_MS ?? 30_000);
/** Actions each step writes once per case: a second one means the step ran twice. */
const ONCE = ['case.intake_completed', 'case.review_recorded', 'case.denied_final', 'case.fulfilled', 'production.created'];

/** Waits until every case is in `status`; past the time budget, says how many made it (soft) or fails. */
async function waitFor(environment, ids, status, timeoutMs, soft = false) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await environment.query('SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = $2', [ids, status]);
    if (rows[0].n === ids.length) return ids.length;
    if (Date.now() > deadline) {
      if (soft) return rows[0].n;
      throw new Error(`${rows[0].n} of ${ids.length} cases reached ${status} in ${timeoutMs} ms`);
    }
    await sleep(100);
  }
}

/** Last time any of the cases wrote `action` to the audit log. */
async function lastEventAt(environment, ids, action) {
  const { rows } = await environment.query('SELECT max(at) AS at FROM audit_events WHERE "caseId" = ANY($1) AND action = $2', [ids, action]);
  return rows[0].at.getTime();
}

async function call(response, expected, what) {
  const r = await response;
  if (r.status !== expected) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
}

/** Raw BullMQ: `jobs` no-op jobs added in bulk, drained by a worker of `concurrency`; jobs/s. */
async function rawBullmq(prefix, jobs, concurrency) {
  const name = `raw-${concurrency}-${Date.now()}`;
  const connection = { url: REDIS_URL };
  const queue = new Queue(name, { connection, prefix });
  for (let i = 0; i < jobs; i += 1000) await queue.addBulk(Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({ name: 'noop', data: { caseId: `c${i + k}` }, opts: { jobId: `j${i + k}`, removeOnComplete: true } })));
  let done = 0;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const started = process.hrtime.bigint();
  const worker = new Worker(name, async () => undefined, { connection, prefix, concurrency });
  worker.on('completed', () => ++done === jobs && finish());
  await finished;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return jobs / seconds;
}

/** Jobs the given cases queued, by job name, per case (from the outbox, which every job passes through). */
async function jobsPerCase(environment, ids, names) {
  const { rows } = await environment.query(`SELECT "jobName", count(*)::int AS n FROM outbox WHERE payload::json->>'caseId' = ANY($1) AND "jobName" = ANY($2) GROUP BY "jobName"`, [ids, names]);
  return rows.reduce((sum, r) => sum + r.n, 0) / ids.length;
}

async function createCases(users, apis, count) {
  return pool(count, CLIENTS, async (i) => (await call(users.clerk.at(apis[i % apis.length]).post('/api/cases', courtOrderCase(i)), 201, 'create')).id);
}

/** Backlog drain of one step: the work queued with the worker stopped, then a worker started; cases/s. */
async function drainStep(environment, ids, post, status, action) {
  await pool(ids.length, CLIENTS, post);
  const worker = await startWorker(environment, `worker-${action}`);
  const ready = Date.now();
  const done = await waitFor(environment, ids, status, STEP_BUDGET_MS, true);
  const rate = done / ((await lastEventAt(environment, ids, action)) - ready) * 1000;
  await worker.stop();
  environment.processes.splice(environment.processes.indexOf(worker), 1);
  const { rows } = await environment.query('SELECT id FROM cases WHERE id = ANY($1) AND status = $2', [ids, status]);
  return { rate, reached: rows.map((r) => r.id), note: done < ids.length ? `${done} of ${ids.length} within ${STEP_BUDGET_MS / 1000} s` : '' };
}

/** Decisions posted as fast as the clients go; cases/s and per-case decision-to-ready. */
async function decide(environment, users, ids, body, status) {
  const decidedAt = new Map();
  const first = Date.now();
  await pool(ids.length, CLIENTS, async (i) => {
    await call(users.director.post(`/api/cases/${ids[i]}/decision`, body), 202, 'decision');
    decidedAt.set(ids[i], Date.now());
  });
  const done = await waitFor(environment, ids, status, STEP_BUDGET_MS, true);
  const { rows } = await environment.query('SELECT id, "updatedAt" FROM cases WHERE id = ANY($1) AND status = $2', [ids, status]);
  const latencies = rows.map((r) => r.updatedAt.getTime() - decidedAt.get(r.id));
  const last = Math.max(...rows.map((r) => r.updatedAt.getTime()));
  // Cases still unfinished at the budget count as at least that late.
  const unfinished = Array.from({ length: ids.length - done }, () => Date.now() - first);
  return {
    casesPerSecond: done / ((last - first) / 1000), p50: quantile([...latencies, ...unfinished], 0.5), p95: quantile([...latencies, ...unfinished], 0.95),
    note: done < ids.length ? `only ${done} of ${ids.length} within ${STEP_BUDGET_MS / 1000} s` : '',
  };
}

/** Create → submit → review → deny on the given processes, all running; cases/s end to end and steps run twice. */
async function flow(environment, users, apis, count) {
  const started = Date.now();
  const ids = await createCases(users, apis, count);
  const via = (client, i) => client.at(apis[i % apis.length]);
  await pool(count, CLIENTS, (i) => call(via(users.clerk, i).post(`/api/cases/${ids[i]}/submit`), 202, 'submit'));
  await waitFor(environment, ids, 'legal_review', 300_000);
  await pool(count, CLIENTS, (i) => call(via(users.attorney, i).post(`/api/cases/${ids[i]}/review`, SUFFICIENT_REVIEW), 202, 'review'));
  await waitFor(environment, ids, 'awaiting_approval', 300_000);
  await pool(count, CLIENTS, (i) => call(via(users.director, i).post(`/api/cases/${ids[i]}/decision`, DENY), 202, 'deny'));
  await waitFor(environment, ids, 'denied', 300_000);
  const seconds = (Date.now() - started) / 1000;
  const { rows } = await environment.query('SELECT count(*)::int AS n FROM (SELECT "caseId", action FROM audit_events WHERE "caseId" = ANY($1) AND action = ANY($2) GROUP BY 1, 2 HAVING count(*) > 1) twice', [ids, ONCE]);
  return { casesPerSecond: count / seconds, twice: rows[0].n };
}

async function run({ size, report }) {
  // 2N cases in all: N approved, N denied (BENCH_PIPELINE_CASES overrides the total).
  const N = Math.ceil(Number(process.env.BENCH_PIPELINE_CASES ?? size(100, 12)) / 2);
  const SCALE_N = Number(process.env.BENCH_SCALE_CASES ?? size(20, 4));
  const environment = await createEnvironment();
  try {
    const api = await startApi(environment);
    const users = await staff(api.baseUrl, environment);
    const apis = [api.baseUrl];

    // Intake and review as backlogs drained by a fresh worker.
    const ids = await createCases(users, apis, 2 * N);
    const intake = await drainStep(environment, ids, (i) => call(users.clerk.post(`/api/cases/${ids[i]}/submit`), 202, 'submit'), 'legal_review', 'case.intake_completed');
    const reviewable = intake.reached;
    const review = await drainStep(environment, reviewable, (i) => call(users.attorney.post(`/api/cases/${reviewable[i]}/review`, SUFFICIENT_REVIEW), 202, 'review'), 'awaiting_approval', 'case.review_recorded');
    const intakeJobs = await jobsPerCase(environment, ids, ['complete-intake']);
    const reviewJobs = await jobsPerCase(environment, reviewable, ['record-review']);
    const rawIntake = (await rawBullmq(environment.name, 2 * N * intakeJobs, CONCURRENCY.intake)) / intakeJobs;
    const rawReview = (await rawBullmq(environment.name, reviewable.length * reviewJobs, CONCURRENCY['legal-review'])) / reviewJobs;
    report({ id: 'pipeline intake step cases/s', ours: intake.rate, baseline: rawIntake, unit: 'cases/s', target: '>= 250 cases/s', met: intake.rate >= 250, note: `${2 * N} cases, ${intakeJobs.toFixed(1)} job/case ${intake.note}` });
    report({ id: 'pipeline review step cases/s', ours: review.rate, baseline: rawReview, unit: 'cases/s', target: '>= 250 cases/s', met: review.rate >= 250, note: `${reviewJobs.toFixed(1)} job/case ${review.note}` });

    // Decision to ready with a worker running.
    await startWorker(environment, 'worker');
    const decidable = review.reached;
    const approved = decidable.slice(0, Math.ceil(decidable.length / 2));
    const denied = decidable.slice(approved.length);
    const fulfil = await decide(environment, users, approved, APPROVE, 'fulfilled');
    const deny = await decide(environment, users, denied, DENY, 'denied');
    const renderJobs = await jobsPerCase(environment, approved, ['render-production']);
    const denialJobs = await jobsPerCase(environment, denied, ['write-denial']);
    const rawFulfil = (await rawBullmq(environment.name, approved.length * renderJobs, CONCURRENCY.fulfilment)) / renderJobs;
    const rawDeny = (await rawBullmq(environment.name, denied.length * denialJobs, CONCURRENCY.denial)) / denialJobs;
    report({ id: `pipeline ${approved.length} approvals → fulfilled cases/s`, ours: fulfil.casesPerSecond, baseline: rawFulfil, unit: 'cases/s', note: `${renderJobs.toFixed(1)} job/case ${fulfil.note}` });
    report({ id: 'pipeline decision → fulfilled p50', ours: fulfil.p50, unit: 'ms' });
    report({ id: 'pipeline decision → fulfilled p95', ours: fulfil.p95, unit: 'ms', target: '<= 2000 ms', met: fulfil.p95 <= 2000 });
    report({ id: `pipeline ${denied.length} denials → denied cases/s`, ours: deny.casesPerSecond, baseline: rawDeny, unit: 'cases/s', note: `${denialJobs.toFixed(1)} job/case ${deny.note}` });
    report({ id: 'pipeline decision → denied p50', ours: deny.p50, unit: 'ms' });
    report({ id: 'pipeline decision → denied p95', ours: deny.p95, unit: 'ms' });
  } finally {
    await environment.dispose();
  }
  // Scaling, in a fresh system (no production backlog left from above): 1 API + 1 worker, then 2 APIs + 3 workers.
  const scaling = await createEnvironment();
  try {
    // Processes start side by side: on a loaded machine each start-up takes tens of seconds.
    const [api] = await Promise.all([startApi(scaling), startWorker(scaling, 'worker')]);
    const users = await staff(api.baseUrl, scaling);
    const single = await flow(scaling, users, [api.baseUrl], SCALE_N);
    const [secondApi] = await Promise.all([startApi(scaling, 'api-2'), startWorker(scaling, 'worker-2'), startWorker(scaling, 'worker-3')]);
    const scaled = await flow(scaling, users, [api.baseUrl, secondApi.baseUrl], SCALE_N);
    report({ id: 'pipeline flow 2 API + 3 workers cases/s', ours: scaled.casesPerSecond, baseline: single.casesPerSecond, unit: 'cases/s', target: 'ratio > 1 (scales)', met: scaled.casesPerSecond > single.casesPerSecond, note: `baseline: 1 API + 1 worker, ${SCALE_N} cases each` });
    report({ id: 'pipeline steps run twice (2 API + 3 workers)', ours: scaled.twice + single.twice, unit: 'cases', target: '= 0', met: scaled.twice + single.twice === 0 });
  } finally {
    await scaling.dispose();
  }
}

module.exports = { run };
