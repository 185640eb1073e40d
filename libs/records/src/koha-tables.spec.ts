import { RECORD_TYPES } from '@custodian/domain';
import { KOHA_TABLES, KOHA_TABLE_NAMES } from './koha-tables';

describe('Koha table schemas', () => {
  const schemas = [...KOHA_TABLES.values()];

  it('accepts the tables the design names, plus sessions', () => {
    expect(KOHA_TABLE_NAMES).toEqual(['borrowers', 'issues', 'old_issues', 'reserves', 'old_reserves', 'accountlines', 'search_history', 'sessions']);
  });

  it('covers every record type a case can ask for', () => {
    expect(new Set(schemas.map((s) => s.recordType))).toEqual(new Set(RECORD_TYPES));
  });

  it.each(schemas.map((s) => [s.table, s] as const))('%s names only columns it has, and dates rows by a required date column', (_, schema) => {
    for (const column of [schema.borrowerColumn, schema.cardColumn, schema.dateColumn]) {
      if (column !== null) expect(Object.keys(schema.columns)).toContain(column);
    }
    if (schema.dateColumn !== null) {
      expect(['date', 'datetime']).toContain(schema.columns[schema.dateColumn].type);
      expect(schema.columns[schema.dateColumn].required).toBe(true);
    }
    if (schema.borrowerColumn !== null) expect(schema.columns[schema.borrowerColumn].type).toBe('integer');
    expect(schema.cardColumn === null || schema.columns[schema.cardColumn].maxLength === 32).toBe(true);
  });
});
