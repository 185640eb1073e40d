import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ApiClient } from '../support/api-client';
import { callerKindFor } from '../support/route-policy-table';
import { Operation, OpenApiDocument, SchemaObject, documentedOperations, fillPath, jsonBodySchema, resolveSchema } from '../support/route-table';
import { withDatabase } from '../support/services';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(900_000);

/** Inputs per route; with 86 routes this is well over 10,000 a run. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 120);
const REQUEST_TIMEOUT_MS = 30_000;

// Strings that have broken parsers, validators, databases and renderers somewhere: lone surrogates, bidi controls,
// NUL and C0 controls, astral and combining characters, several scripts, SQL and path tricks, huge, prototype names.
const NASTY_STRINGS = [
  '', ' ', '\ud800', 'a\udfffb', '\u202eevil', '\u2066x\u2069', '\u0000', 'a\u0007b', '\u200b', '\ufeff', '𝕳𝖊𝖑𝖑𝖔', 'e\u0301\u0301\u0301',
  'Nguyễn Thảo', 'Ибрагимов', '山田太郎', 'محمد', 'שלום', 'ศรีสุข', '🙂‍↔️', "' OR 1=1--", '"; DROP TABLE cases; --', '../../etc/passwd', '%00',
  '<script>alert(1)</script>', '${7*7}', '__proto__', 'constructor', 'toString', 'null', 'NaN', 'Infinity', '-0', '1e309',
  '2026-02-30', '9999-12-31T23:59:59Z', '0000-00-00', '2026-11-20T10:15:00-08:00', randomUUID(), 'x'.repeat(70_000),
];
const BOUNDARY_NUMBERS = [0, -0, 1, -1, 0.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2, 1e308, -1e308, 5e-324, 1e21];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

/**
 * JSON text, not a JS value: `__proto__` and lone surrogates must reach the server as written. `mustRefuse` marks
 * bodies built to be refused whatever the route (so a 2xx for them is a failure, and they may go to real cases).
 */
type Json = { text: string; mustRefuse?: boolean };
const raw = (text: string): Json => ({ text });
const refused = (body: Json): Json => ({ ...body, mustRefuse: true });
const jsonString = (value: string): Json => raw(JSON.stringify(value));
function jsonObject(entries: [string, Json][]): Json {
  return raw(`{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value.text}`).join(',')}}`);
}

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom(...NASTY_STRINGS));
const anyNumber = fc.oneof(fc.constantFrom(...BOUNDARY_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
/** Any JSON value of any kind, nested a little. */
const anyJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyString.map(jsonString),
    anyNumber.map((n) => raw(JSON.stringify(n))),
    fc.constantFrom(raw('true'), raw('false'), raw('null')),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => raw(`[${items.map((i) => i.text).join(',')}]`)),
    fc.array(fc.tuple(anyString, tie('value')), { maxLength: 4 }).map((entries) => jsonObject(entries)),
  ),
})).value;

/** A value shaped like `schema` (right kinds, enum members, required fields), its strings and numbers hostile. */
function shaped(schema: SchemaObject, document: OpenApiDocument, depth = 0): fc.Arbitrary<Json> {
  const resolved = resolveSchema(schema, document);
  if (resolved.enum) return fc.constantFrom(...resolved.enum).map((value) => raw(JSON.stringify(value)));
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  if (type === 'object' || resolved.properties) {
    if (depth > 3 || !resolved.properties) return fc.constant(raw('{}'));
    const names = Object.keys(resolved.properties);
    const required = new Set(resolved.required ?? []);
    return fc.tuple(...names.map((name) => fc.tuple(fc.boolean(), shaped(resolved.properties![name], document, depth + 1)))).map((parts) =>
      jsonObject(parts.flatMap(([keep, value], index) => (keep || required.has(names[index]) ? [[names[index], value] as [string, Json]] : []))),
    );
  }
  if (type === 'array') return fc.array(shaped(resolved.items ?? {}, document, depth + 1), { maxLength: 3 }).map((items) => raw(`[${items.map((i) => i.text).join(',')}]`));
  if (type === 'string') return anyString.map(jsonString);
  if (type === 'number' || type === 'integer') return anyNumber.map((n) => raw(JSON.stringify(n)));
  if (type === 'boolean') return fc.boolean().map((b) => raw(String(b)));
  return anyJson;
}

/** Replaces one property of a JSON object text's top level with another value (wrong kind, array for object...). */
function withProperty(objectText: string, key: string, value: Json): Json {
  const parsed = JSON.parse(objectText) as Record<string, unknown>;
  const entries = Object.entries(parsed).filter(([name]) => name !== key).map(([name, v]) => [name, raw(JSON.stringify(v))] as [string, Json]);
  return jsonObject([...entries, [key, value]]);
}

/**
 * A body no route may accept, whatever its DTO: refused by the request hygiene in front of every route (not an
 * object, too deep, a prototype key, a lone surrogate or bidi/NUL control inside) or too large.
 */
const refusedEverywhere: fc.Arbitrary<Json> = fc.oneof<fc.Arbitrary<Json>[]>(
  fc.oneof(anyString.map(jsonString), anyNumber.map((n) => raw(JSON.stringify(n))), fc.constantFrom(raw('null'), raw('true'), raw('[]'), raw('[{}]'))),
  fc.integer({ min: 33, max: 3000 }).map((levels) => raw(`{"a":${'['.repeat(levels)}1${']'.repeat(levels)}}`)),
  fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), anyJson).map(([key, value]) => raw(`{${JSON.stringify(key)}:${value.text}}`)),
  fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), anyJson).map(([key, value]) => raw(`{"nested":{${JSON.stringify(key)}:${value.text}}}`)),
  fc.constantFrom('\ud800', '\udc00x', '\u202e', '\u2067', '\u0000', '\u001b[31m').chain((bad) => anyString.map((s) => jsonObject([[s.replace(/[\ud800-\udfff\u202a-\u202e\u2066-\u2069\u0000-\u001f]/g, '') || 'k', jsonString(`${s}${bad}`)]]))),
  fc.constant(raw(JSON.stringify({ filler: 'x'.repeat(1_100_000) }))),
).map(refused);

/** A body the route's DTO must refuse: hostile everywhere, and at least one unknown key or one required field missing. */
function refusedByDto(schema: SchemaObject, document: OpenApiDocument): fc.Arbitrary<Json> {
  const properties = Object.keys(schema.properties ?? {});
  const required = schema.required ?? [];
  const base = shaped(schema, document);
  const unknownKey = fc.tuple(base, anyString.filter((key) => !properties.includes(key) && key.length > 0), anyJson).map(([body, key, value]) => withProperty(body.text, key, value));
  const variants: fc.Arbitrary<Json>[] = [unknownKey, refusedEverywhere];
  // Wrong kinds ride on bodies that stay refused whatever one known property holds; a body refused only for a missing
  // required field is not among them (setting that field again could make it valid, e.g. {"anonymousPatrons":[]}).
  const stayRefused = fc.oneof(unknownKey, refusedEverywhere);
  if (required.length) {
    variants.push(fc.tuple(base, fc.constantFrom(...required)).map(([body, key]) => {
      const parsed = JSON.parse(body.text) as Record<string, unknown>;
      delete parsed[key];
      return raw(JSON.stringify(parsed));
    }));
  }
  // Wrong kinds (arrays for objects, objects for strings...) ride along with one of the refusals above.
  const wrongKinds = properties.length ? fc.tuple(stayRefused, fc.constantFrom(...properties), anyJson).map(([body, key, value]) => (body.text.startsWith('{') && body.text.length < 200_000 ? withProperty(body.text, key, value) : body)) : fc.oneof(...variants);
  return fc.oneof(...variants, wrongKinds).map(refused);
}

/** Query strings: the documented parameters with hostile values, plus keys no route knows. */
function hostileQuery(operation: Operation): fc.Arbitrary<string> {
  const names = (operation.entry.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const value = fc.oneof(anyString.map((s) => s.slice(0, 3000)), anyNumber.map(String), fc.constantFrom('', '[]', '{}', 'a&b=c', '%', '%zz', '%ud800'));
  const pairs = fc.array(fc.tuple(fc.oneof(names.length ? fc.constantFrom(...names) : fc.constant('q'), fc.constantFrom(...PROTOTYPE_KEYS), anyString.map((s) => s.slice(0, 30)), fc.constantFrom('page[0]', 'a[b]', 'status[]')), value), { maxLength: 5 });
  return pairs.map((list) => list.map(([k, v]) => `${percentEncoded(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${v.startsWith('%') ? v : percentEncoded(v)}`).join('&'));
}

/** Percent-encodes a string; a lone surrogate (which has no UTF-8) goes out as the invalid bytes ED A0 80. */
function percentEncoded(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, (unit, index: number) => (isPaired(value, index) ? unit : "")))}%ED%A0%80`;
  }
}

/** Path ids that are not ids: the route must refuse or not find them, never fail. */
const hostileId = fc.oneof(fc.constantFrom('0', '-1', 'null', 'undefined', '..', '%2e%2e', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000', "1' OR '1'='1", '%00', '%F0%9F%99%82'), fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent));

/** Domain tables, counted and hashed; the audit log is read apart (refusals may be audited, by design). */
async function snapshot(databaseUrl: string): Promise<Record<string, string>> {
  return withDatabase(databaseUrl, async (db) => {
    const tables: string[] = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_events', 'migrations') ORDER BY tablename`)).rows.map((r: { tablename: string }) => r.tablename);
    const result: Record<string, string> = {};
    for (const table of tables) {
      const row = (await db.query(`SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`)).rows[0];
      result[table] = `${row.n} ${row.h}`;
    }
    return result;
  });
}

// "Every input validated; bad input → clear 4xx JSON, nothing changed." (house rules; issue 8)
describe('fuzzing every documented body, query and path id', () => {
  let system: TestSystem;
  let operations: Operation[];
  let document: OpenApiDocument;
  let visibleCaseId: string;
  const callers: Record<ReturnType<typeof callerKindFor>, ApiClient> = {} as never;

  beforeAll(async () => {
    // No worker: nothing a refused request could have queued may run and write behind the test's back.
    // The public delivery routes' per-address limit would answer most fuzzed inputs with 429 before validation.
    system = await TestSystem.start('input-fuzzing', { worker: false, env: { PUBLIC_DELIVERY_MAX_REQUESTS_PER_ADDRESS: '100000' } });
    const allRounder = await system.as('allRounder');
    await system.as('attorney');
    await system.as('director');
    Object.assign(callers, { caseStaff: allRounder, admin: system.admin, auditor: await system.as('auditor') });
    visibleCaseId = (await allRounder.post('/api/cases', courtOrderCase())).body.id;
    ({ operations, document } = await documentedOperations(system.admin));
  });
  afterAll(() => system?.stop());

  // Found by this fuzzer on a seed of 2028: PostgreSQL cannot hold a NUL, and the search passed one to it (500).
  it('refuses control characters and bidi overrides in the query string with a 400 naming the parameter', async () => {
    for (const [query, field] of [['q=%00', 'q'], ['q=Ruiz%E2%80%AEevil', 'q'], ['status=intake&q=a%01b', 'q'], ['q[x]=%00', 'q[x]']]) {
      const response = await callers.caseStaff.get(`/api/cases?${query}`);
      expect({ query, status: response.status, fields: Object.keys(response.body.fields ?? {}) }).toEqual({ query, status: 400, fields: [field] });
    }
    expect((await callers.caseStaff.get('/api/cases?q=Nguy%E1%BB%85n')).status).toBe(200);
  });

  it(`answers ≥ 10,000 hostile inputs with a 4xx JSON body (2xx only for reads), never a 5xx or a hang, and writes nothing`, async () => {
    const before = await snapshot(system.environment.databaseUrl!);
    const auditBefore = await withDatabase(system.environment.databaseUrl!, async (db) => Number((await db.query('SELECT coalesce(max(seq), 0) AS n FROM audit_events')).rows[0].n));
    const statuses: Record<string, number> = {};
    const failures: string[] = [];
    let inputs = 0;
    for (const op of operations) {
      // A caller the route's policy lets through, so that every input reaches the route's own validation.
      const caller = callers[callerKindFor(op.key)];
      const schema = jsonBodySchema(op, document);
      const hasDto = !!schema?.properties;
      const caseBound = /^\/api\/(cases|productions)\/\{id\}/.test(op.path);
      const isRead = op.method === 'GET';
      // The real case gets only inputs that must be refused; a missing or malformed id gets any input.
      const refusal = isRead ? fc.constant(undefined) : hasDto ? refusedByDto(schema!, document) : refusedEverywhere;
      const anything = isRead ? fc.constant(undefined) : fc.oneof(refusal, hasDto ? shaped(schema!, document) : anyJson);
      const input = caseBound
        ? fc.oneof(fc.tuple(fc.constant('visible'), refusal), fc.tuple(fc.oneof(fc.constant('missing'), hostileId), anything))
        : fc.tuple(fc.oneof(fc.constant('missing'), hostileId), refusal);
      const property = fc.asyncProperty(input, hostileQuery(op), async ([where, payload], query) => {
        inputs++;
        const id = where === 'visible' ? visibleCaseId : where === 'missing' ? randomUUID() : where;
        const url = `${fillPath(op.path, { caseId: id, productionId: where === 'visible' ? randomUUID() : id, other: where === 'visible' ? randomUUID() : id })}${query ? `?${query}` : ''}`;
        const label = `${op.key} ${url.slice(0, 100)} ${payload?.text.slice(0, 160) ?? ''}`;
        let response;
        try {
          response = await caller.raw(op.method, url, { body: payload?.text, contentType: payload ? 'application/json' : undefined, timeoutMs: REQUEST_TIMEOUT_MS });
        } catch (error) {
          failures.push(`${label}: no answer (${(error as Error).name})`);
          return;
        }
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        // Without a worker /health is rightly 503 "degraded"; that is its answer, not a failure.
        const degradedHealth = op.path === '/health' && response.status === 503 && (response.body as { status?: string })?.status === 'degraded';
        if (response.status >= 500 && !degradedHealth) failures.push(`${label}: ${response.status} ${text.slice(0, 200)}`);
        else if (response.status >= 400 && !degradedHealth) {
          const body = response.body as { statusCode?: number; message?: unknown };
          if (!/^application\/json/.test(response.headers.get('content-type') ?? '') || body?.statusCode !== response.status || body?.message === undefined) failures.push(`${label}: ${response.status} without a JSON error body: ${text.slice(0, 120)}`);
        } else if (payload?.mustRefuse || (!isRead && where === 'visible')) failures.push(`${label}: accepted with ${response.status}`);
      });
      const result = await fc.check(property, { numRuns: RUNS_PER_ROUTE, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true });
      if (result.failed && result.errorInstance) failures.push(`${op.key}: ${String(result.errorInstance)}`);
      if (failures.length > 40) break;
    }
    const after = await snapshot(system.environment.databaseUrl!);
    const audited = await withDatabase(system.environment.databaseUrl!, async (db) => (await db.query('SELECT action, outcome, count(*)::int AS n FROM audit_events WHERE seq > $1 GROUP BY action, outcome ORDER BY action', [auditBefore])).rows as { action: string; outcome: string; n: number }[]);
    process.stdout.write(`input fuzzing: ${inputs} inputs over ${operations.length} routes; statuses ${JSON.stringify(statuses)}; audit events written: ${JSON.stringify(audited.map((a) => `${a.action}/${a.outcome}: ${a.n}`))}\n`);
    expect(failures).toEqual([]);
    expect(inputs).toBeGreaterThanOrEqual(10_000);
    expect(after).toEqual(before);
    // Refusals and reads are audited by design; nothing else may be.
    expect(audited.filter((a) => a.outcome !== 'denied' && !READ_ACTIONS.test(a.action))).toEqual([]);
  });
});

const READ_ACTIONS = /\.(read|viewed|downloaded|listed|exported|verified)$|^audit\.|^report\./;


function isPaired(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) return index + 1 < text.length && text.charCodeAt(index + 1) >= 0xdc00 && text.charCodeAt(index + 1) <= 0xdfff;
  return index > 0 && text.charCodeAt(index - 1) >= 0xd800 && text.charCodeAt(index - 1) <= 0xdbff;
}
