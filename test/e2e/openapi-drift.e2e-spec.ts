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

  it('gives every operation a success response with a schema (204 aside), and no schema is an empty object', () => {
    const doc = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    expect(successGaps(doc)).toEqual([]);
    expect(emptySchemas(doc)).toEqual([]);
  });

  it('is caught out by an operation without a response schema, an empty object schema and a DTO without documented fields', () => {
    const doc = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    delete doc.paths['/api/cases/{id}'].get.responses['200'].content;
    doc.components.schemas.CaseDetailView.properties.gag = { type: 'object', nullable: true };
    doc.components.schemas.SendBackDto = { type: 'object', properties: {} };
    expect(successGaps(doc)).toEqual(['get /api/cases/{id}: 200 without a schema']);
    expect(emptySchemas(doc)).toEqual(['components.schemas.CaseDetailView.properties.gag', 'components.schemas.SendBackDto']);
  });
});

type Schema = Record<string, unknown>;
type Document = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>; components: { schemas: Record<string, Schema> } };

/** Operations with no 2xx answer, or a 2xx (other than 204 No Content) whose body has no schema. */
function successGaps(doc: Document): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, op]) => {
      const success = Object.entries(op.responses).filter(([code]) => code.startsWith('2'));
      if (success.length === 0) return [`${method} ${path}: no success response`];
      return success
        .filter(([code, response]) => code !== '204' && !(response.content && Object.values(response.content).every((media) => media.schema)))
        .map(([code]) => `${method} ${path}: ${code} without a schema`);
    }),
  );
}

const COMPOSED = ['$ref', 'oneOf', 'anyOf', 'allOf', 'enum', 'items', 'properties', 'additionalProperties'];

/**
 * Places whose schema says nothing: `{type: object}` (what Nest writes for a TypeScript union or a bare object), `{}`,
 * or an object without properties (a DTO whose fields carry no `@ApiProperty`: the web client could send nothing).
 */
function emptySchemas(doc: Document): string[] {
  const found: string[] = [];
  const visit = (schema: unknown, at: string): void => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema as Schema;
    const hasProperties = s.properties !== undefined && Object.keys(s.properties as object).length > 0;
    const saysWhat = hasProperties || COMPOSED.some((key) => key !== 'properties' && key in s) || (s.type !== undefined && s.type !== 'object');
    if (!saysWhat) found.push(at);
    for (const [name, sub] of Object.entries((s.properties as Record<string, unknown>) ?? {})) visit(sub, `${at}.properties.${name}`);
    if (typeof s.additionalProperties === 'object') visit(s.additionalProperties, `${at}.additionalProperties`);
    if (s.items) visit(s.items, `${at}.items`);
    for (const key of ['oneOf', 'anyOf', 'allOf']) ((s[key] as unknown[]) ?? []).forEach((sub, i) => visit(sub, `${at}.${key}[${i}]`));
  };
  for (const [name, schema] of Object.entries(doc.components.schemas)) visit(schema, `components.schemas.${name}`);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [media, body] of Object.entries(op.requestBody?.content ?? {})) visit(body.schema, `${method} ${path} request ${media}`);
      for (const [code, response] of Object.entries(op.responses)) {
        for (const [media, body] of Object.entries(response.content ?? {})) visit(body.schema, `${method} ${path} ${code} ${media}`);
      }
    }
  }
  return found;
}
