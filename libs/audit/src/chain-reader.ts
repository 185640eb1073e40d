import { types, type Pool, type PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { StringDecoder } from 'node:string_decoder';
import { DataSource } from 'typeorm';
import { canonicalJson } from './canonical-json';
import { ChainAlgorithm, StoredLink } from './hash-chain';

const COLUMNS = 'seq, at, "actorId", "actorName", action, "objectType", "objectId", "caseId", outcome, details, "prevHash", hash, alg';
const NULL = '\\N';
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const parseTimestamptz = types.getTypeParser(1184) as (text: string) => Date;

/**
 * The whole chain in order from PostgreSQL as one `COPY ... TO STDOUT` in text form, parsed here a line at a time
 * and handed out in batches. A paged SELECT through node-postgres (a row object and a Date per event, a query per
 * page) read about a third as fast as COPY on this machine, which made the database read the bound of verification.
 * One statement also reads one snapshot. Breaking out of the loop early ends the COPY by dropping its connection.
 */
export async function* copyChain(dataSource: DataSource, batchSize = 5000): AsyncGenerator<StoredLink[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const client: PoolClient = await pool.connect();
  let finished = false;
  try {
    await client.query('BEGIN READ ONLY');
    // The text of a timestamptz follows the session's zone: UTC makes it the ISO instant the link was computed over.
    await client.query("SET LOCAL TimeZone TO 'UTC'");
    const stream = client.query(copyTo(`COPY (SELECT ${COLUMNS} FROM audit_events ORDER BY seq) TO STDOUT`));
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let batch: StoredLink[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        batch.push(storedLinkFromCopyLine(text.slice(start, end)));
        start = end + 1;
      }
      rest = text.slice(start);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (rest + decoder.end()) throw new Error('the audit chain COPY ended in the middle of a row');
    if (batch.length) yield batch;
    await client.query('COMMIT');
    finished = true;
  } finally {
    // A consumer that stopped early leaves the COPY running on this connection: it is closed, not reused.
    client.release(finished ? undefined : true);
  }
}

/** One line of COPY's text format: tab-separated columns, `\N` for NULL, backslash escapes for the rest. */
export function storedLinkFromCopyLine(line: string): StoredLink {
  const f = line.split('\t');
  if (f.length !== 13) throw new Error(`an audit chain COPY row has ${f.length} columns, not 13`);
  const details = f[9] === NULL ? null : unescapeCopy(f[9]);
  return {
    seq: Number(f[0]),
    at: isoInstant(f[1]),
    actorId: nullable(f[2]),
    actorName: nullable(f[3]),
    action: unescapeCopy(f[4]),
    objectType: unescapeCopy(f[5]),
    objectId: nullable(f[6]),
    caseId: nullable(f[7]),
    outcome: unescapeCopy(f[8]),
    // Stored as JSON.stringify of the object in insertion order; the link covers its canonical form.
    details: details === null ? 'null' : canonicalJson(JSON.parse(details)),
    prevHash: unescapeCopy(f[10]),
    hash: unescapeCopy(f[11]),
    alg: unescapeCopy(f[12]) as ChainAlgorithm,
  };
}

const nullable = (field: string): string | null => (field === NULL ? null : unescapeCopy(field));

function unescapeCopy(field: string): string {
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

/**
 * `Date.toISOString()` of a timestamptz as PostgreSQL writes it in UTC ("2026-12-01 20:25:33.123+00"), without a
 * Date: the milliseconds are computed as node-postgres's parser computes them (truncated), so the text is the same
 * as before. Anything else (BC years, more than four year digits) goes through node-postgres's own parser.
 */
export function isoInstant(text: string): string {
  const length = text.length;
  const plain = length >= 22 && length <= 29 && text[4] === '-' && text[10] === ' ' && text.endsWith('+00') && (length === 22 || text[19] === '.');
  if (!plain) return parseTimestamptz(text).toISOString();
  const millis = length === 22 ? 0 : Math.trunc(1000 * parseFloat(text.slice(19, length - 3)));
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
