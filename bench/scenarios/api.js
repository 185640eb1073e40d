// API routes under 50 connections against a raw node:http JSON handler in the same run: req/s, p50, p99, share of raw.
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { courtOrderCase } = require('../lib/fixtures');
const { load } = require('../lib/load');
const { createEnvironment, startApi, staff } = require('../lib/system');

const CONNECTIONS = 50;

function startRaw() {
  const child = spawn(process.execPath, [join(__dirname, '../lib/raw-http.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => {
      const match = /listening on (\S+)/.exec(chunk.toString());
      if (match) resolve({ url: match[1], stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }) });
      else reject(new Error(`raw server said ${chunk}`));
    });
    child.once('error', reject);
  });
}

async function run({ size, report }) {
  const seconds = size(6, 0.5);
  const environment = await createEnvironment();
  const raw = await startRaw();
  try {
    const api = await startApi(environment);
    const users = await staff(api.baseUrl, environment);
    const created = await users.clerk.post('/api/cases', courtOrderCase(0));
    if (created.status !== 201) throw new Error(`case not created: ${JSON.stringify(created.body)}`);
    for (let i = 1; i < 30; i++) await users.clerk.post('/api/cases', courtOrderCase(i));
    const auth = { authorization: `Bearer ${users.clerk.token}` };
    const caseBody = JSON.stringify(courtOrderCase(99));

    const baseline = await load({ url: `${raw.url}/`, connections: CONNECTIONS, seconds });
    const rawPost = await load({ url: `${raw.url}/`, connections: CONNECTIONS, seconds, method: 'POST', body: caseBody, headers: { 'content-type': 'application/json' }, expectStatus: 201 });
    const routes = [
      { id: 'GET /api/auth/me', path: '/api/auth/me', kind: 'unaudited' },
      { id: 'GET /api/cases/:id/status', path: `/api/cases/${created.body.id}/status`, kind: 'unaudited' },
      { id: 'GET /api/cases/:id', path: `/api/cases/${created.body.id}`, kind: 'audited' },
      { id: 'GET /api/cases?pageSize=20', path: '/api/cases?pageSize=20', kind: 'unaudited' },
      { id: 'POST /api/cases', path: '/api/cases', kind: 'write', method: 'POST', body: caseBody, expectStatus: 201 },
    ];
    for (const route of routes) {
      const headers = route.method === 'POST' ? { ...auth, 'content-type': 'application/json' } : auth;
      const ours = await load({ url: api.baseUrl + route.path, connections: CONNECTIONS, seconds, method: route.method ?? 'GET', headers, body: route.body, expectStatus: route.expectStatus ?? 200 });
      const against = route.method === 'POST' ? rawPost : baseline;
      const share = route.kind === 'audited' ? 0.1 : 0.25;
      const p99Goal = route.kind === 'audited' ? 50 : 25;
      const note = ours.errors || ours.unexpected ? `${ours.errors} errors, ${ours.unexpected} unexpected statuses` : undefined;
      report({ id: `api ${route.id} req/s`, ours: ours.rps, baseline: against.rps, unit: 'req/s', target: route.kind === 'write' ? 'measured' : `>= ${share * 100}% of raw`, met: route.kind === 'write' ? undefined : ours.rps / against.rps >= share && !note, note });
      report({ id: `api ${route.id} p50`, ours: ours.p50, baseline: against.p50, unit: 'ms' });
      report({ id: `api ${route.id} p99`, ours: ours.p99, baseline: against.p99, unit: 'ms', target: route.kind === 'write' ? 'measured' : `<= ${p99Goal} ms`, met: route.kind === 'write' ? undefined : ours.p99 <= p99Goal });
    }
  } finally {
    await raw.stop();
    await environment.dispose();
  }
}

module.exports = { run };
