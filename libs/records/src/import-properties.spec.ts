import fc from 'fast-check';
import { ExportFile } from './export-source';
import { TableSchema } from './koha-schema';
import { KOHA_TABLES } from './koha-tables';
import { csvExport, jsonExport } from './testing/export-fixtures';
import { ANONYMOUS_PATRON, expectedRecords, invalidValueFor, validExport } from './testing/koha-arbitraries';
import { importUploads, runImport } from './testing/run-import';
import { GeneratedTable, toCsvTable, toJsonExport } from './testing/serialise-export';

const format = fc.constantFrom('json' as const, 'csv' as const);

function serialise(tables: GeneratedTable[], kind: 'json' | 'csv', options: { quoteAll: boolean; kohaDates: boolean; chunkSize: number }, corrupt?: Corruption) {
  if (kind === 'json') {
    const { text, rowLines } = toJsonExport(tables, options.kohaDates, corrupt);
    return { files: [jsonExport(text, options.chunkSize)], lineOf: (table: string, row: number) => rowLines[table][row] };
  }
  const files: ExportFile[] = [];
  const lines: Record<string, number[]> = {};
  for (const table of tables) {
    const { text, rowLines } = toCsvTable(table, options.quoteAll, options.kohaDates, corrupt?.table === table.table ? corrupt : undefined);
    files.push(csvExport(table.table, text, options.chunkSize));
    lines[table.table] = rowLines;
  }
  return { files, lineOf: (table: string, row: number) => lines[table][row] };
}

interface Corruption {
  table: string;
  row: number;
  column: string;
  raw: string;
}

const serialisation = fc.record({ quoteAll: fc.boolean(), kohaDates: fc.boolean(), chunkSize: fc.integer({ min: 1, max: 64 }) });

/** A valid export plus one cell, anywhere, replaced by text its column must refuse. */
const corruptedExport = validExport.chain((tables) => {
  const cells = tables.flatMap((table) =>
    table.rows.flatMap((_, row) =>
      table.columns.flatMap((column) => {
        const invalid = invalidValueFor((KOHA_TABLES.get(table.table) as TableSchema).columns[column]);
        return invalid ? [invalid.map((raw): Corruption => ({ table: table.table, row, column, raw }))] : [];
      }),
    ),
  );
  return fc.tuple(fc.constant(tables), fc.oneof(...cells));
});

// 80 runs of two passes each: seconds, not the default 5, on a busy machine
describe('import properties', () => {
  it('imports any valid export, as JSON or CSV, back to exactly the rows that were written', async () => {
    await fc.assert(
      fc.asyncProperty(validExport, format, serialisation, async (tables, kind, options) => {
        const { files } = serialise(tables, kind, options);
        const { outcome, records } = await runImport(files);
        expect(outcome.validation.issues).toEqual([]);
        expect(records).toEqual(expectedRecords(tables));
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('reports any single corrupted value at its table, row, line and column, and imports nothing', async () => {
    await fc.assert(
      fc.asyncProperty(corruptedExport, format, serialisation, async ([tables, corrupt], kind, options) => {
        const { files, lineOf } = serialise(tables, kind, options, corrupt);
        const { outcome, batches, issues } = await runImport(files);
        expect(outcome.imported).toBe(false);
        expect(batches).toEqual([]);
        expect(issues).toContainEqual(expect.objectContaining({ table: corrupt.table, row: corrupt.row + 1, line: lineOf(corrupt.table, corrupt.row), field: corrupt.column }));
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe('import properties across uploads', () => {
  /** The tables split into uploads, in any order. */
  const uploadsOf = (tables: GeneratedTable[]) =>
    fc.shuffledSubarray(tables, { minLength: tables.length }).chain((shuffled) =>
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: shuffled.length, maxLength: shuffled.length }).map((slots) => {
        const uploads: GeneratedTable[][] = [[], [], [], []];
        shuffled.forEach((table, index) => uploads[slots[index]].push(table));
        return uploads.filter((upload) => upload.length > 0);
      }),
    );
  const sorted = (records: unknown[]) => records.map((r) => JSON.stringify(r)).sort();

  it('never refuses a valid export split into uploads in any order, and ends with the records of one import; never attributes an anonymised row', async () => {
    await fc.assert(
      fc.asyncProperty(validExport.chain((tables) => fc.tuple(fc.constant(tables), uploadsOf(tables))), format, serialisation, async ([tables, uploads], kind, options) => {
        const files = uploads.map((upload) => serialise(upload, kind, options).files);
        const { records, outcomes } = await importUploads(files);
        expect(outcomes.every((outcome) => outcome.imported)).toBe(true);
        expect(sorted(records)).toEqual(sorted(expectedRecords(tables)));
        for (const record of records) {
          const schema = KOHA_TABLES.get(record.sourceTable) as TableSchema;
          const borrower = schema.borrowerColumn ? record.fields[schema.borrowerColumn] : undefined;
          if (borrower === ANONYMOUS_PATRON) expect(record.cardNumber).toBeNull();
          if (borrower === null && !(schema.cardColumn && record.fields[schema.cardColumn])) expect(record.cardNumber).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
