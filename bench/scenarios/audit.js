// The audit log: appends/s with 50 concurrent writers (each waiting for its durable group commit) against 50 writers
// of plain autocommitted INSERTs into an unchained table of the same shape; then verification of a long chain
// (events/s) against a raw COPY read of the same rows hashing each line with SHA-256. The million-event chain is
// written by one COPY FROM, so its setup takes seconds.
'use strict';
const { createHash, createHmac, randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { Client, Pool } = require('pg');
const { from: copyFrom, to: copyTo } = require('pg-copy-streams');
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

/**
 * Writes a valid keyed chain of `events` events straight into the table with one COPY FROM STDIN (no API), each link
 * computed by the library's `hashEvent` (createHmac), not by the verifier's own hasher.
 */
async function writeChain(databaseUrl, events, keys, hashing) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const at = new Date();
  const atText = at.toISOString();
  function* lines() {
    let prevHash = hashing.GENESIS_HASH;
    let chunk = '';
    for (let seq = 1; seq <= events; seq++) {
      const e = entry(seq);
      const event = { seq, at, actorId: e.actor.id, actorName: e.actor.username, action: e.action, objectType: e.objectType, objectId: e.objectId, caseId: e.caseId, outcome: 'success', details: e.details, prevHash, alg: hashing.KEYED };
      const hash = hashing.hashEvent(event, keys.chain);
      chunk += `${seq}\t${atText}\t${event.actorId}\t${event.actorName}\t${event.action}\t${event.objectType}\t${event.objectId}\t${event.caseId}\tsuccess\t${JSON.stringify(event.details)}\t${prevHash}\t${hash}\t${hashing.KEYED}\n`;
      prevHash = hash;
      if (seq % 2000 === 0) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  try {
    await pipeline(Readable.from(lines()), db.query(copyFrom('COPY audit_events (seq, at, "actorId", "actorName", action, "objectType", "objectId", "caseId", outcome, details, "prevHash", hash, alg) FROM STDIN')));
  } finally {
    await db.end();
  }
}

/** Raw baseline for verification: the same rows streamed by COPY TO, split into columns, each line SHA-256'd. */
async function rawRead(databaseUrl, events) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const started = process.hrtime.bigint();
  let read = 0;
  try {
    let rest = '';
    for await (const chunk of db.query(copyTo('COPY (SELECT seq, at, "actorId", "actorName", action, "objectType", "objectId", "caseId", outcome, details, "prevHash", hash, alg FROM audit_events ORDER BY seq) TO STDOUT'))) {
      const text = rest + chunk.toString('utf8');
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        const line = text.slice(start, end);
        if (line.split('\t').length === 13) createHash('sha256').update(line).digest('hex');
        read += 1;
        start = end + 1;
      }
      rest = text.slice(start);
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

module.exports = { run, writeChain, rawRead };
