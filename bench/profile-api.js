#!/usr/bin/env node
// Profiles the API under load: `node bench/profile-api.js [route-kind ...]` starts a bench system with the API under
// `node --cpu-prof`, drives the chosen routes (me, status, case, list, create, deadlines) at 50 connections, stops the
// API (its profile is written at exit) and prints where the time went, by function and by package.
// The .cpuprofile stays in the printed folder for Chrome DevTools.
'use strict';
const { readdirSync, readFileSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { courtOrderCase } = require('./lib/fixtures');
const { load } = require('./lib/load');
const { createEnvironment, startApi, staff } = require('./lib/system');

function summarise(profile, top = 25) {
  const self = new Map();
  const byPackage = new Map();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  let total = 0;
  for (const [id, count] of counts) {
    const { callFrame } = nodes.get(id);
    total += count;
    const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + count);
    const url = callFrame.url;
    const pkg = url.includes('node_modules/') ? url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1') : url.includes('/dist/') ? `ours:${url.replace(/^.*\/dist\//, '').split('/').slice(0, 2).join('/')}` : url.startsWith('node:') ? 'node:internal' : callFrame.functionName.startsWith('(') ? callFrame.functionName : 'other';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
  }
  const pct = (n) => `${((100 * n) / total).toFixed(1)}%`.padStart(6);
  console.log('self time by package:');
  for (const [pkg, n] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${pct(n)}  ${pkg}`);
  console.log('self time by function:');
  for (const [fn, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(n)}  ${fn}`);
}

async function main() {
  const kinds = process.argv.slice(2).length ? process.argv.slice(2) : ['status'];
  const seconds = Number(process.env.PROFILE_SECONDS ?? 8);
  const profileDir = mkdtempSync(join(tmpdir(), 'custodian-profile-'));
  const environment = await createEnvironment();
  try {
    const api = await startApi(environment, 'api', ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
    const users = await staff(api.baseUrl, environment);
    const created = await users.clerk.post('/api/cases', courtOrderCase(0));
    for (let i = 1; i < 30; i++) await users.clerk.post('/api/cases', courtOrderCase(i));
    const auth = { authorization: `Bearer ${users.clerk.token}` };
    const routes = {
      me: { path: '/api/auth/me' }, status: { path: `/api/cases/${created.body.id}/status` }, case: { path: `/api/cases/${created.body.id}` },
      list: { path: '/api/cases?pageSize=20' }, deadlines: { path: '/api/deadlines?within=P3D' },
      create: { path: '/api/cases', method: 'POST', body: JSON.stringify(courtOrderCase(1)), expectStatus: 201 },
    };
    for (const kind of kinds) {
      const route = routes[kind];
      const result = await load({ url: api.baseUrl + route.path, seconds, method: route.method, body: route.body, expectStatus: route.expectStatus, headers: route.method ? { ...auth, 'content-type': 'application/json' } : auth });
      console.log(`${kind}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.errors} errors, ${result.unexpected} unexpected`);
    }
    await api.stop();
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    console.log(`profile: ${join(profileDir, file)}`);
    summarise(JSON.parse(readFileSync(join(profileDir, file), 'utf8')));
  } finally {
    await environment.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
