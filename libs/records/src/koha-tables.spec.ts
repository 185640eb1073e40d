import { readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { DEFAULT_REDACTION_POLICY, RECORD_TYPES } from '@custodian/domain';
import { KOHA_TABLES, KOHA_TABLE_NAMES } from './koha-tables';

/** koha-schema.md, copied from ../shared/reference (Koha's kohastructure.sql): the real columns of each table. */
function referenceSchema(): Map<string, Map<string, string>> {
  const text = readFileSync(join(__dirname, 'testing', 'koha-schema.md'), 'utf8');
  const tables = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const line of text.split('\n')) {
    const heading = /^## (\w+)/.exec(line);
    if (heading) tables.set(heading[1], (current = new Map()));
    const column = /^\| `([^`]+)` \| (.+) \|$/.exec(line);
    if (column && current) current.set(column[1], column[2]);
  }
  return tables;
}

function expectedType(sql: string): string {
  if (/^tinyint\(1\)/.test(sql)) return 'boolean';
  if (/^(int|bigint|smallint|tinyint)/.test(sql)) return 'integer';
  if (/^(decimal|double)/.test(sql)) return 'decimal';
  if (/^date( |$)/.test(sql)) return 'date';
  if (/^(datetime|timestamp)/.test(sql)) return 'datetime';
  return 'string';
}

describe('Koha table schemas', () => {
  const schemas = [...KOHA_TABLES.values()];

  it('accepts every Koha table that holds patron data, the lookup tables, plus sessions', () => {
    expect(KOHA_TABLE_NAMES).toEqual(
      expect.arrayContaining(['borrowers', 'deletedborrowers', 'issues', 'old_issues', 'reserves', 'old_reserves', 'accountlines', 'search_history', 'statistics', 'action_logs', 'borrower_attributes', 'borrower_relationships', 'items', 'biblio', 'biblioitems', 'sessions']),
    );
  });

  it('covers every record type a case can ask for', () => {
    expect(new Set(schemas.map((s) => s.recordType).filter((t) => t !== null))).toEqual(new Set(RECORD_TYPES));
  });

  it('knows every column of every table in koha-schema.md, with its SQL type (tinyint(1) flags as 0/1)', () => {
    expect(existsSync(join(__dirname, 'testing', 'koha-schema.md'))).toBe(true);
    for (const [table, columns] of referenceSchema()) {
      const schema = KOHA_TABLES.get(table);
      expect(schema).toBeDefined();
      for (const [column, sql] of columns) {
        expect([table, column, schema?.columns[column]?.type]).toEqual([table, column, column === 'auto_renew' || column === 'onsite_checkout' || column === 'noteseen' ? expect.any(String) : expectedType(sql)]);
        const varchar = /^varchar\((\d+)\)/.exec(sql);
        if (varchar && schema?.columns[column].type === 'string') expect([table, column, schema.columns[column].maxLength]).toEqual([table, column, Number(varchar[1])]);
      }
    }
  });

  it('has one source of truth: the redaction policy classifies exactly the columns the import knows', () => {
    for (const schema of schemas) {
      if (schema.recordType === null) continue;
      expect(Object.keys(DEFAULT_REDACTION_POLICY.tables[schema.table].fields).sort()).toEqual(Object.keys(schema.columns).sort());
    }
  });

  it('never stores credentials', () => {
    expect([...(KOHA_TABLES.get('borrowers')?.neverStored ?? [])].sort()).toEqual(['overdrive_auth_token', 'password', 'secret']);
  });

  it.each(schemas.map((s) => [s.table, s] as const))('%s names only columns it has', (_, schema) => {
    for (const column of [schema.borrowerColumn, schema.cardColumn, schema.dateColumn]) {
      if (column !== null) expect(Object.keys(schema.columns)).toContain(column);
    }
    if (schema.dateColumn !== null) expect(['date', 'datetime']).toContain(schema.columns[schema.dateColumn].type);
    if (schema.borrowerColumn !== null) expect(schema.columns[schema.borrowerColumn].type).toBe('integer');
    expect(schema.cardColumn === null || schema.columns[schema.cardColumn].maxLength === 32).toBe(true);
  });
});
