import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const SCRIPT = join(ROOT, 'dist/scripts/openapi.js');
const COMMITTED = join(ROOT, 'docs/openapi.json');

function check(against?: string) {
  return spawnSync(process.execPath, [SCRIPT, '--check', ...(against ? ['--against', against] : [])], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

jest.setTimeout(180_000);

/** The committed OpenAPI document is what the compiled controllers and DTOs describe; regenerate with npm run openapi. */
describe('OpenAPI document drift', () => {
  it('matches the API as built', () => {
    const result = check();
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('is caught out when a DTO field is not in the document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-drift-'));
    try {
      const doc = JSON.parse(readFileSync(COMMITTED, 'utf8'));
      const scope = doc.components.schemas.ScopeDto;
      delete scope.properties.includeContactDetails;
      const stale = join(dir, 'openapi.json');
      writeFileSync(stale, `${JSON.stringify(doc, null, 2)}\n`);
      const result = check(stale);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/out of date.*npm run openapi/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives every operation a summary and documents its errors', () => {
    const doc = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item as Record<string, { summary?: string; responses: Record<string, unknown> }>).map(([method, op]) => ({ route: `${method} ${path}`, op })));
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter(({ op }) => !op.summary || op.summary.includes('Controller')).map((o) => o.route)).toEqual([]);
    expect(operations.filter(({ route, op }) => route !== 'get /health' && !route.startsWith('post /api/auth/login') && !route.startsWith('get /calendar') && !op.responses['401']).map((o) => o.route)).toEqual([]);
    expect(doc.components.schemas.ErrorBody.required).toEqual(['statusCode', 'error', 'message']);
  });
});
