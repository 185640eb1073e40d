import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

jest.setTimeout(600_000);

/** Every row the bench's table must have, by scenario: a scenario that rots loses rows and fails here. */
const EXPECTED: Record<string, RegExp[]> = {
  api: ['GET /api/auth/me', 'GET /api/cases/:id/status', 'GET /api/cases/:id', 'GET /api/cases\\?pageSize=20', 'POST /api/cases']
    .flatMap((route) => ['req/s', 'p50', 'p99'].map((figure) => new RegExp(`^api ${route} ${figure}$`))),
  pipeline: [/^pipeline intake step cases\/s$/, /^pipeline review step cases\/s$/, /approvals → fulfilled cases\/s$/, /decision → fulfilled p95$/, /denials → denied cases\/s$/, /decision → denied p95$/, /2 API \+ 3 workers cases\/s$/, /steps run twice/],
  productions: [/^productions \d+ rows rows\/s$/, /^productions \d+ rows peak RSS$/, /^productions \d+\/\d+ retained heap$/, /^productions \d+\/\d+ peak RSS$/, /^productions \d+ rows verified rows\/s$/, /^productions verified \d+\/\d+ peak RSS$/],
  fulfilment: [/^fulfilment \d+ small productions\/s$/, /^fulfilment decision → ready p95$/],
  import: [/^import \d+ rows JSON rows\/s$/, /^import \d+ rows CSV rows\/s$/, /^import \d+ rows JSON peak RSS$/, /^import \d+ rows CSV peak RSS$/],
  deadlines: [/^deadlines P3D p50$/, /^deadlines P3D p99$/],
  audit: [/^audit appends\/s/, /^audit verify \d+ events$/],
};

interface Row { scenario: string; id: string; ours: number; baseline?: number }

/** `npm run bench` at tiny sizes: every scenario runs against real services and reports every figure (no timing goal). */
describe('npm run bench (smoke sizes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every scenario and writes every row of the table with its raw baseline', async () => {
    const results = join(dir, 'results.json');
    const run = await promisify(execFile)(process.execPath, [join(__dirname, '../../bench/run.js')], {
      env: { ...process.env, BENCH_SCALE: 'smoke', BENCH_RESULTS: results },
      maxBuffer: 16 << 20,
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    const parsed = JSON.parse(readFileSync(results, 'utf8')) as { failures: string[]; rows: Row[] };
    expect({ failures: parsed.failures, stderr: parsed.failures.length ? run.stderr.slice(-4000) : '' }).toEqual({ failures: [], stderr: '' });
    for (const [scenario, patterns] of Object.entries(EXPECTED)) {
      const ids = parsed.rows.filter((r) => r.scenario === scenario).map((r) => r.id);
      for (const pattern of patterns) expect({ scenario, pattern: String(pattern), found: ids.some((id) => pattern.test(id)) }).toEqual({ scenario, pattern: String(pattern), found: true });
    }
    for (const row of parsed.rows) expect(typeof row.ours === 'number' && Number.isFinite(row.ours)).toBe(true);
    // Ratios need a baseline measured in the same run: the rate rows all have one.
    for (const row of parsed.rows.filter((r) => /(req|rows|cases|events)\/s$/.test(r.id) && !/1 connection|step run/.test(r.id))) expect({ id: row.id, baseline: typeof row.baseline }).toEqual({ id: row.id, baseline: 'number' });
    expect(run.stdout).toContain('bench smoke:');
  });
});
