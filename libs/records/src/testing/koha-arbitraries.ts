import { ResponsiveRecord } from '@custodian/domain';
import fc from 'fast-check';
import { FieldValue, toOccurredAt } from '../column-values';
import { ColumnSpec, TableSchema } from '../koha-schema';
import { KOHA_TABLES } from '../koha-tables';
import { GeneratedTable } from './serialise-export';

/** Characters that break naive CSV and JSON handling, mixed with any printable grapheme. */
const awkwardText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', "'", '-', 'é', '李', 'Ð', '\\', '{', '}'), minLength: 1, maxLength: 12 }),
);

const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

/** A value already in the form the import normalises to: trimmed text, numbers, ISO dates. */
function normalisedValue(spec: ColumnSpec): fc.Arbitrary<FieldValue> {
  switch (spec.type) {
    case 'integer':
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case 'decimal':
      return fc.integer({ min: -1e9, max: 1e9 }).map((cents) => cents / 100 || 0); // never -0
    case 'date':
      return day.map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return day.map((d) => d.toISOString().slice(0, 19));
    case 'string': {
      if (spec.pattern) return fc.stringMatching(/^[A-Za-z0-9]{1,32}$/);
      const max = spec.maxLength ?? Infinity;
      return awkwardText.map((text) => text.trim()).filter((text) => text !== '' && [...text].length <= max);
    }
  }
}

interface Patron {
  borrowernumber: number;
  cardnumber: string;
}

const patrons = fc
  .uniqueArray(fc.integer({ min: 1, max: 9_999_999 }), { minLength: 1, maxLength: 4 })
  .chain((numbers) => fc.tuple(...numbers.map((n) => fc.stringMatching(/^[A-Za-z]{0,6}$/).map((prefix): Patron => ({ borrowernumber: n, cardnumber: `${prefix}${n}` })))));

/** Columns a generated table uses: its required ones, its patron link, and a random pick of the rest. */
function columnsFor(schema: TableSchema): fc.Arbitrary<string[]> {
  const link = schema.table === 'sessions' ? schema.cardColumn : schema.borrowerColumn;
  // rows carry the patron by one column only, so they never contradict the borrowers rows
  const skipped = new Set([schema.table === 'sessions' ? schema.borrowerColumn : schema.cardColumn]);
  const fixed = Object.keys(schema.columns).filter((c) => schema.columns[c].required || c === link);
  const optional = Object.keys(schema.columns).filter((c) => !fixed.includes(c) && !skipped.has(c));
  return fc.subarray(optional, { maxLength: Math.min(6, optional.length) }).map((picked) => [...fixed, ...picked]);
}

function rowFor(schema: TableSchema, columns: string[], people: Patron[], borrower?: Patron): fc.Arbitrary<Record<string, FieldValue>> {
  const cells: Record<string, fc.Arbitrary<FieldValue>> = {};
  for (const column of columns) {
    const spec = schema.columns[column];
    if (borrower && column === 'borrowernumber') cells[column] = fc.constant(borrower.borrowernumber);
    else if (borrower && column === 'cardnumber') cells[column] = fc.constant(borrower.cardnumber);
    else if (column === schema.borrowerColumn) cells[column] = fc.option(fc.constantFrom(...people.map((p) => p.borrowernumber)), { nil: null });
    else if (column === schema.cardColumn) cells[column] = fc.option(fc.constantFrom(...people.map((p) => p.cardnumber)), { nil: null });
    else cells[column] = spec.required ? normalisedValue(spec) : fc.option(normalisedValue(spec), { nil: null });
  }
  return fc.record(cells);
}

function tableFor(schema: TableSchema, people: Patron[]): fc.Arbitrary<GeneratedTable> {
  return columnsFor(schema).chain((columns) => {
    const rows = schema.recordType === 'patron' ? fc.tuple(...people.map((p) => rowFor(schema, columns, people, p))) : fc.array(rowFor(schema, columns, people), { maxLength: 4 });
    return rows.map((generated) => ({ table: schema.table, columns, rows: generated }));
  });
}

/** A valid export: some patrons, and rows of a random choice of the other tables referring to them. */
export const validExport: fc.Arbitrary<GeneratedTable[]> = patrons.chain((people) => {
  const others = [...KOHA_TABLES.values()].filter((schema) => schema.recordType !== 'patron');
  return fc
    .subarray(others, { minLength: 1 })
    .chain((schemas) => fc.tuple(tableFor(KOHA_TABLES.get('borrowers') as TableSchema, people), ...schemas.map((schema) => tableFor(schema, people))))
    .chain((tables) => fc.shuffledSubarray(tables, { minLength: tables.length }));
});

/** The records an import of `tables` should produce, in file order. */
export function expectedRecords(tables: GeneratedTable[]): ResponsiveRecord[] {
  const cards = new Map<number, string>();
  for (const row of tables.find((t) => t.table === 'borrowers')?.rows ?? []) cards.set(row.borrowernumber as number, row.cardnumber as string);
  return tables.flatMap(({ table, rows }) => {
    const schema = KOHA_TABLES.get(table) as TableSchema;
    return rows.map((fields) => {
      const borrowernumber = schema.borrowerColumn ? fields[schema.borrowerColumn] : null;
      const ownCard = schema.cardColumn ? fields[schema.cardColumn] : null;
      const cardNumber = (typeof borrowernumber === 'number' ? cards.get(borrowernumber) : undefined) ?? (typeof ownCard === 'string' ? ownCard : null);
      return { recordType: schema.recordType, sourceTable: table, cardNumber, occurredAt: schema.dateColumn ? toOccurredAt(fields[schema.dateColumn] ?? null) : null, fields };
    });
  });
}

/** Text that a column of this kind must refuse, or null when the column accepts any text. */
export function invalidValueFor(spec: ColumnSpec): fc.Arbitrary<string> | null {
  switch (spec.type) {
    case 'integer':
      return fc.constantFrom('12a', '1.5', 'one', '1e3');
    case 'decimal':
      return fc.constantFrom('1,50', 'abc', '0.1234567', '$5');
    case 'date':
      return fc.constantFrom('2025-02-30', '31/01/2025', 'tomorrow', '2025-1-5');
    case 'datetime':
      return fc.constantFrom('2025-01-01 25:00:00', '2025-13-01 10:00:00', 'noon', '2025-01-01 10:61');
    case 'string':
      if (spec.pattern) return fc.constantFrom('bad card!', '2300-0001', 'café');
      return spec.maxLength !== undefined && spec.maxLength <= 255 ? fc.constant('x'.repeat(spec.maxLength + 1)) : null;
  }
}
