// The audit log: appends/s with 50 concurrent writers (each waiting for its durable group commit) against 50 writers
// of plain autocommitted INSERTs into an unchained table of the same shape; then verification of a long chain
// (events/s) against a raw read of the same rows hashing each with SHA-256.
'use strict';
const { createHash, createHmac, randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { Pool } = require('pg');
const { pool: inParallel } = require('../lib/stats');
const { createEnvironment } = require('../lib/system');

const dist = join(__dirname, '../../dist/libs');
const WRITERS = 50;

function entry(i) {
  return { actor: { id: '00000000-0000-4000-8000-000000000001', username: 'bench.clerk' }, action: 'case.read', objectType: 'case', objectId: randomUUID(), caseId: randomUUID(), details: { n: i } };
}

/** `count` appends from WRITERS concurrent callers; returns appends/s. */
async function timedAppends(count, append) {
  const started = process.hrtime.bigint();
  await inParallel(count, WRITERS, append);
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** Writes a valid keyed chain of `events` events straight into the table, in multi-row INSERTs of 10k (no API). */
async function writeChain(databaseUrl, events, keys, hashing) {
  const db = new Pool({ connectionString: databaseUrl, max: 2 });
  let prevHash = hashing.GENESIS_HASH;
  const at = new Date();
  try {
    for (let from = 1; from <= events; from += 10_000) {
      const columns = { seq: [], at: [], actorId: [], actorName: [], action: [], objectType: [], objectId: [], caseId: [], outcome: [], details: [], prevHash: [], hash: [] };
      for (let seq = from; seq < Math.min(from + 10_000, events + 1); seq++) {
        const event = { seq, at, ...entry(seq), actorId: '00000000-0000-4000-8000-000000000001', actorName: 'bench.clerk', outcome: 'success', details: { n: seq }, prevHash, alg: hashing.KEYED };
        delete event.actor;
        event.hash = hashing.hashEvent(event, keys.chain);
        prevHash = event.hash;
        for (const key of Object.keys(columns)) columns[key].push(key === 'details' ? JSON.stringify(event.details) : event[key]);
      }
      await db.query(`INSERT INTO audit_events (seq, at, "actorId", "actorName", action, "objectType", "objectId", "caseId", outcome, details, "prevHash", hash, alg)
        SELECT *, 'hmac-sha256' FROM unnest($1::int[], $2::timestamptz[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[], $10::text[], $11::varchar[], $12::varchar[])`,
      Object.values(columns));
    }
  } finally {
    await db.end();
  }
}

/** Raw baseline for verification: page through the same rows by seq and SHA-256 each row's text. */
async function rawRead(databaseUrl, events) {
  const db = new Pool({ connectionString: databaseUrl, max: 1 });
  const started = process.hrtime.bigint();
  let after = 0;
  let read = 0;
  try {
    for (;;) {
      const { rows } = await db.query('SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT 5000', [after]);
      for (const row of rows) createHash('sha256').update(row.prevHash).update(row.action).update(row.details ?? '').digest('hex');
      read += rows.length;
      if (rows.length < 5000) break;
      after = rows[rows.length - 1].seq;
    }
  } finally {
    await db.end();
  }
  if (read !== events) throw new Error(`raw read saw ${read} of ${events} events`);
  return read / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function run({ size, report }) {
  const appends = size(20_000, 300);
  const chainLength = size(1_000_000, 5_000);
  const environment = await createEnvironment();
  const { openDatabase, UnitOfWork } = require(join(dist, 'persistence/src'));
  const audit = require(join(dist, 'audit/src'));
  const dataSource = await openDatabase({ url: environment.databaseUrl, sqlitePath: ':memory:' });
  try {
    const keys = audit.auditKeysFrom(environment.env);
    const log = new audit.AuditLog(new UnitOfWork(dataSource), keys);
    await timedAppends(Math.min(500, appends), (i) => log.record(entry(i)));
    const ours = await timedAppends(appends, (i) => log.record(entry(i)));

    await dataSource.query('CREATE TABLE bench_plain_events (LIKE audit_events INCLUDING DEFAULTS)');
    const raw = new Pool({ connectionString: environment.databaseUrl, max: 10 });
    let seq = 0;
    const rawInsert = (i) => {
      const e = entry(i);
      return raw.query('INSERT INTO bench_plain_events (seq, at, "actorId", "actorName", action, "objectType", "objectId", "caseId", outcome, details, "prevHash", hash) VALUES ($1, now(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
        [++seq, e.actor.id, e.actor.username, e.action, e.objectType, e.objectId, e.caseId, 'success', JSON.stringify(e.details), '0'.repeat(64), createHmac('sha256', keys.chain).update(String(i)).digest('hex')]);
    };
    const baseline = await timedAppends(appends, rawInsert);
    await raw.end();
    const verified = await log.verify();
    if (!verified.ok || verified.events !== appends + Math.min(500, appends)) throw new Error(`chain after appends: ${JSON.stringify(verified)}`);
    report({ id: `audit appends/s (${WRITERS} writers)`, ours, baseline, unit: 'events/s', target: '>= 5000 events/s', met: ours >= 5000 });

    await dataSource.query('DROP TABLE bench_plain_events');
    await dataSource.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await dataSource.query('DELETE FROM audit_events');
    await dataSource.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    await writeChain(environment.databaseUrl, chainLength, keys, audit);
    await dataSource.query('VACUUM ANALYZE audit_events');
    const started = process.hrtime.bigint();
    const result = await log.verify();
    const perSecond = result.events / (Number(process.hrtime.bigint() - started) / 1e9);
    if (!result.ok || result.events !== chainLength) throw new Error(`verification of the written chain failed: ${JSON.stringify(result)}`);
    const rawPerSecond = await rawRead(environment.databaseUrl, chainLength);
    report({ id: `audit verify ${chainLength} events`, ours: perSecond, baseline: rawPerSecond, unit: 'events/s', target: '>= 200000 events/s', met: perSecond >= 200_000 });
  } finally {
    await dataSource.destroy();
    await environment.dispose();
  }
}

module.exports = { run };
