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
    case 'boolean':
      return fc.constantFrom(0, 1);
    case 'integer':
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case 'decimal':
      return fc.integer({ min: -1e9, max: 1e9 }).map((cents) => cents / 100 || 0); // never -0
    case 'date':
      return day.map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return day.map((d) => d.toISOString().slice(0, 19));
    case 'string': {
      if (spec.pattern) return fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{0,30}[A-Za-z0-9]$/);
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

/** Columns a generated table uses: its patron link and any subset of its other real columns (credentials never: they are not stored). */
function columnsFor(schema: TableSchema): fc.Arbitrary<string[]> {
  const patronRow = schema.table === 'borrowers';
  const link = schema.table === 'sessions' ? schema.cardColumn : schema.borrowerColumn;
  // rows carry the patron by one column only, so they never contradict the borrowers rows
  const skipped = new Set([schema.table === 'sessions' ? schema.borrowerColumn : schema.cardColumn, 'title', 'author', 'barcode', 'itemcallnumber', 'surname', 'firstname', 'module']);
  if (patronRow) skipped.delete(schema.cardColumn);
  const fixed = Object.keys(schema.columns).filter((c) => c === link || (patronRow && c === schema.cardColumn));
  const optional = Object.keys(schema.columns).filter((c) => !fixed.includes(c) && !skipped.has(c) && !schema.neverStored.has(c) && !(schema.dateColumn === c));
  const dated = schema.dateColumn ? [schema.dateColumn] : [];
  return fc.subarray(optional, { maxLength: optional.length }).chain((picked) => fc.shuffledSubarray([...fixed, ...dated, ...picked], { minLength: fixed.length + dated.length + picked.length }));
}

function rowFor(schema: TableSchema, columns: string[], people: Patron[], borrower?: Patron): fc.Arbitrary<Record<string, FieldValue>> {
  const cells: Record<string, fc.Arbitrary<FieldValue>> = {};
  for (const column of columns) {
    const spec = schema.columns[column];
    if (borrower && column === 'borrowernumber') cells[column] = fc.constant(borrower.borrowernumber);
    else if (borrower && column === 'cardnumber') cells[column] = fc.constant(borrower.cardnumber);
    // NULL borrowernumbers and the AnonymousPatron's stand for anonymised history
    else if (column === schema.borrowerColumn) cells[column] = fc.option(fc.constantFrom(...people.map((p) => p.borrowernumber), ANONYMOUS_PATRON), { nil: null });
    else if (column === schema.cardColumn) cells[column] = fc.option(fc.constantFrom(...people.map((p) => p.cardnumber)), { nil: null });
    else cells[column] = fc.option(normalisedValue(spec), { nil: null });
  }
  // CSV cannot tell a row of nothing but empty cells from a blank line (spreadsheets leave those): not a Koha row
  return fc.record(cells).filter((row) => Object.values(row).some((value) => value !== null));
}

function tableFor(schema: TableSchema, people: Patron[]): fc.Arbitrary<GeneratedTable> {
  return columnsFor(schema).chain((columns) => {
    const rows = schema.recordType === 'patron' ? fc.tuple(...people.map((p) => rowFor(schema, columns, people, p))) : fc.array(rowFor(schema, columns, people), { maxLength: 4 });
    return rows.map((generated) => ({ table: schema.table, columns, rows: generated }));
  });
}

/** The borrowernumber generated exports name in a systempreferences row as Koha's AnonymousPatron. */
export const ANONYMOUS_PATRON = 10_000_001;

/** A valid export: some patrons, and rows of a random choice of the other tables referring to them. */
export const validExport: fc.Arbitrary<GeneratedTable[]> = patrons.chain((people) => {
  const others = [...KOHA_TABLES.values()].filter((schema) => schema.recordType !== null && schema.table !== 'borrowers' && schema.table !== 'deletedborrowers' && schema.table !== 'action_logs');
  const preferences: GeneratedTable = { table: 'systempreferences', columns: ['variable', 'value'], rows: [{ variable: 'AnonymousPatron', value: String(ANONYMOUS_PATRON) }] };
  return fc
    .subarray(others, { minLength: 1 })
    // the AnonymousPatron has a borrowers row with a card, as in Koha: its rows must never be attributed to that card
    .chain((schemas) => fc.tuple(fc.constant(preferences), tableFor(KOHA_TABLES.get('borrowers') as TableSchema, [...people, { borrowernumber: ANONYMOUS_PATRON, cardnumber: 'ANON1' }]), ...schemas.map((schema) => tableFor(schema, people))))
    .chain((tables) => fc.shuffledSubarray(tables, { minLength: tables.length }));
});

/** The records an import of `tables` should produce, in file order. */
export function expectedRecords(tables: GeneratedTable[]): ResponsiveRecord[] {
  const cards = new Map<number, string>();
  for (const row of tables.find((t) => t.table === 'borrowers')?.rows ?? []) cards.set(row.borrowernumber as number, row.cardnumber as string);
  return tables.flatMap(({ table, rows }) => {
    const schema = KOHA_TABLES.get(table) as TableSchema;
    if (schema.recordType === null) return [];
    const recordType = schema.recordType;
    return rows.map((fields): ResponsiveRecord => {
      const borrowernumber = schema.borrowerColumn ? fields[schema.borrowerColumn] : null;
      const ownCard = schema.cardColumn ? fields[schema.cardColumn] : null;
      const cardNumber =
        borrowernumber === ANONYMOUS_PATRON ? null : ((typeof borrowernumber === 'number' ? cards.get(borrowernumber) : undefined) ?? (typeof ownCard === 'string' ? ownCard : null));
      return { recordType, sourceTable: table, cardNumber, occurredAt: schema.dateColumn ? toOccurredAt(fields[schema.dateColumn] ?? null) : null, fields };
    });
  });
}

/** Text that a column of this kind must refuse, or null when the column accepts any text. */
export function invalidValueFor(spec: ColumnSpec): fc.Arbitrary<string> | null {
  switch (spec.type) {
    case 'boolean':
      return fc.constantFrom('2', 'maybe', '-1');
    case 'integer':
      return fc.constantFrom('12a', '1.5', 'one', '1e3');
    case 'decimal':
      return fc.constantFrom('1,50', 'abc', '0.1234567', '$5');
    case 'date':
      return fc.constantFrom('2025-02-30', '31/01/2025', 'tomorrow', '2025-1-5');
    case 'datetime':
      return fc.constantFrom('2025-01-01 25:00:00', '2025-13-01 10:00:00', 'noon', '2025-01-01 10:61');
    case 'string':
      if (spec.pattern) return fc.constantFrom('x'.repeat(33), 'tab\there');
      return spec.maxLength !== undefined && spec.maxLength <= 255 ? fc.constant('x'.repeat(spec.maxLength + 1)) : null;
  }
}
