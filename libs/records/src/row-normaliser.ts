import { FieldValue, parseColumnValue } from './column-values';
import { ExportEvent, RawRow, TableStarted } from './export-events';
import { ImportIssue, RowLocation } from './import-issues';
import { ColumnSpec, TableSchema } from './koha-schema';
import { KOHA_TABLE_NAMES, tableSchema } from './koha-tables';

export interface NormalisedRow {
  kind: 'row';
  schema: TableSchema;
  location: RowLocation;
  /** The row's known columns with normalised values; columns with problems are left out. */
  fields: Record<string, FieldValue>;
  /** Empty when the row is valid. */
  issues: ImportIssue[];
}

export interface NormalisedIssue {
  kind: 'issue';
  issue: ImportIssue;
}

export type NormalisedEvent = NormalisedRow | NormalisedIssue;

/** What has been said about one table of one file already, so a wrong header is reported once, not per row. */
interface TableState {
  schema: TableSchema | undefined;
  /** The schema's columns as a Map: fast, and a column named "constructor" finds nothing inherited. */
  columns: ReadonlyMap<string, ColumnSpec>;
  required: string[];
  reportedColumns: Set<string>;
}

/**
 * Checks a reader's rows against Koha's table schemas: known table, known columns, required values,
 * each value's type and length. Rows come out normalised (trimmed, '' → null, numbers, ISO dates).
 */
export async function* normaliseRows(events: AsyncIterable<ExportEvent>): AsyncGenerator<NormalisedEvent> {
  const tables = new Map<string, TableState>();
  for await (const event of events) {
    if (event.kind === 'problem') {
      yield { kind: 'issue', issue: event.issue };
    } else if (event.kind === 'table') {
      if (!tables.has(event.table)) {
        const state = startTable(event.table);
        tables.set(event.table, state);
        yield* tableIssues(event, state);
      }
    } else {
      const state = tables.get(event.table);
      if (state?.schema) yield normaliseRow(event, state.schema, state);
    }
  }
}

function startTable(table: string): TableState {
  const schema = tableSchema(table);
  const columns = new Map(schema ? Object.entries(schema.columns) : []);
  const required = [...columns].filter(([, spec]) => spec.required).map(([name]) => name);
  return { schema, columns, required, reportedColumns: new Set() };
}

function* tableIssues(event: TableStarted, state: TableState): Generator<NormalisedIssue> {
  const at = { table: event.table, row: null, line: event.line };
  if (!state.schema) {
    yield { kind: 'issue', issue: { ...at, field: null, message: `unknown table "${event.table}"; expected one of ${KOHA_TABLE_NAMES.join(', ')}` } };
    return;
  }
  if (!event.columns) return;
  for (const column of event.columns) {
    if (column !== '' && !state.columns.has(column) && !state.reportedColumns.has(column)) {
      state.reportedColumns.add(column);
      yield { kind: 'issue', issue: { ...at, field: column, message: unknownColumnMessage(state.schema) } };
    }
  }
  for (const column of state.required) {
    if (!event.columns.includes(column)) {
      state.reportedColumns.add(column);
      yield { kind: 'issue', issue: { ...at, field: column, message: 'a required column is missing from the header' } };
    }
  }
}

function normaliseRow(raw: RawRow, schema: TableSchema, state: TableState): NormalisedRow {
  const location: RowLocation = { table: raw.table, row: raw.row, line: raw.line };
  const issues: ImportIssue[] = raw.problems.length === 0 ? [] : raw.problems.map((problem) => ({ ...location, ...problem }));
  const fields: Record<string, FieldValue> = {};
  let invalidColumns: Set<string> | undefined; // most rows have none: allocated on the first
  for (const [column, value] of raw.values) {
    const spec = state.columns.get(column);
    if (!spec) {
      if (!state.reportedColumns.has(column)) {
        state.reportedColumns.add(column);
        issues.push({ ...location, field: column, message: unknownColumnMessage(schema) });
      }
      continue;
    }
    const parsed = parseColumnValue(value, spec);
    if (parsed.ok) {
      fields[column] = parsed.value;
    } else {
      (invalidColumns ??= new Set()).add(column);
      issues.push({ ...location, field: column, message: parsed.message });
    }
  }
  for (const column of state.required) {
    // a column missing from the header was reported once already
    if ((fields[column] ?? null) === null && !invalidColumns?.has(column) && !state.reportedColumns.has(column)) {
      issues.push({ ...location, field: column, message: 'a value is required' });
    }
  }
  return { kind: 'row', schema, location, fields, issues };
}

function unknownColumnMessage(schema: TableSchema): string {
  return `not a column of Koha's ${schema.table} table`;
}
