import { FieldValue, parseColumnValue } from './column-values';
import { ExportEvent, RawRow, TableStarted } from './export-events';
import { ImportIssue, RowLocation } from './import-issues';
import { ColumnSpec, TableSchema } from './koha-schema';
import { KOHA_TABLE_NAMES, tableSchema } from './koha-tables';
import { restTable } from './rest-shape';

export interface NormalisedRow {
  kind: 'row';
  schema: TableSchema;
  location: RowLocation;
  /**
   * The row's columns with normalised values; columns with problems are left out, credentials are never in it.
   * Columns Koha does not have are kept as text (sealed with the row, withheld by the redaction policy).
   */
  fields: Record<string, FieldValue>;
  /** Empty when the row is valid. */
  issues: ImportIssue[];
}

export interface NormalisedIssue {
  kind: 'issue';
  issue: ImportIssue;
}

/** Something the clerk should know that does not stop the import (an unknown column or table, a credential not stored). */
export interface NormalisedWarning {
  kind: 'warning';
  issue: ImportIssue;
}

export type NormalisedEvent = NormalisedRow | NormalisedIssue | NormalisedWarning;

/** What has been said about one table of one file already, so a header is reported once, not per row. */
interface TableState {
  schema: TableSchema | undefined;
  /** The schema's columns as a Map: fast, and a column named "constructor" finds nothing inherited. */
  columns: ReadonlyMap<string, ColumnSpec>;
  /** REST API names → Koha column names. */
  renames: ReadonlyMap<string, string>;
  reported: Set<string>;
}

/** Names a plain object would treat specially; such a column is reported and not kept. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks a reader's rows against Koha's table schemas: known columns, each value's type and length. Rows come out
 * normalised (trimmed, '' → null, numbers, 0/1 flags, local ISO dates). Koha's REST names are mapped to Koha's.
 */
export async function* normaliseRows(events: AsyncIterable<ExportEvent>, timeZone?: string): AsyncGenerator<NormalisedEvent> {
  const tables = new Map<string, TableState>();
  for await (const event of events) {
    if (event.kind === 'problem') {
      yield { kind: 'issue', issue: event.issue };
    } else if (event.kind === 'table') {
      let state = tables.get(event.table);
      if (!state) {
        state = startTable(event.table);
        tables.set(event.table, state);
      }
      yield* tableIssues(event, state);
    } else {
      const state = tables.get(event.table);
      if (!state?.schema) continue;
      const warnings: NormalisedWarning[] = [];
      const row = normaliseRow(event, state.schema, state, warnings, timeZone);
      if (warnings.length > 0) yield* warnings;
      yield row;
    }
  }
}

function startTable(name: string): TableState {
  const rest = tableSchema(name) ? undefined : restTable(name);
  const schema = tableSchema(rest?.table ?? name);
  const columns = new Map(schema ? Object.entries(schema.columns) : []);
  return { schema, columns, renames: new Map(Object.entries(rest?.columns ?? {})), reported: new Set() };
}

function* tableIssues(event: TableStarted, state: TableState): Generator<NormalisedEvent> {
  const at = { table: event.table, row: null, line: event.line };
  if (!state.schema) {
    if (state.reported.has('\u0000table')) return;
    state.reported.add('\u0000table');
    const message = `"${event.table}" is not a table Custodian imports; its rows were left out (tables: ${KOHA_TABLE_NAMES.join(', ')}, or the REST names patrons, checkouts, holds, account_lines)`;
    yield { kind: 'warning', issue: { ...at, field: null, message } };
    return;
  }
  if (event.notATable) {
    yield { kind: 'issue', issue: { ...at, field: null, message: `table "${event.table}" must be an array of row objects` } };
    return;
  }
  if (!event.columns) return;
  for (const column of event.columns) if (column !== '') yield* columnWarnings(column, state, at);
}

/** Warnings about a column, once per table: not a Koha column (kept sealed, withheld), or a credential (not stored). */
function* columnWarnings(column: string, state: TableState, at: { table: string; row: number | null; line: number | null }): Generator<NormalisedWarning> {
  const name = state.renames.get(column) ?? column;
  if (state.reported.has(name)) return;
  const schema = state.schema as TableSchema;
  if (schema.neverStored.has(name)) {
    state.reported.add(name);
    yield { kind: 'warning', issue: { ...at, field: column, message: 'a credential column: its values were not stored' } };
  } else if (RESERVED_NAMES.has(name)) {
    state.reported.add(name);
    yield { kind: 'warning', issue: { ...at, field: column, message: 'not a column name Custodian can keep; its values were left out' } };
  } else if (!state.columns.has(name)) {
    state.reported.add(name);
    yield { kind: 'warning', issue: { ...at, field: column, message: `not a column of Koha's ${schema.table} table: kept sealed and withheld from productions until counsel classifies it` } };
  }
}

/** Plain function, not a generator: it runs once per row, and generator delegation per row costs. Warnings go to `warnings`. */
function normaliseRow(raw: RawRow, schema: TableSchema, state: TableState, warnings: NormalisedWarning[], timeZone?: string): NormalisedRow {
  const location: RowLocation = { table: raw.table, row: raw.row, line: raw.line };
  const issues: ImportIssue[] = raw.problems.length === 0 ? [] : raw.problems.map((problem) => ({ ...location, ...problem }));
  const fields: Record<string, FieldValue> = {};
  for (const column of raw.skipped ?? []) {
    const key = `\u0000list:${column}`;
    if (state.reported.has(key)) continue;
    state.reported.add(key);
    warnings.push({ kind: 'warning', issue: { ...location, field: column, message: 'a nested list (or deeper object) was not read' } });
  }
  const renames = state.renames.size > 0 ? state.renames : null;
  for (const [column, value] of raw.values) {
    const name = renames?.get(column) ?? column;
    const spec = state.columns.get(name);
    if (!spec || schema.neverStored.has(name) || RESERVED_NAMES.has(name)) {
      for (const warning of columnWarnings(column, state, location)) warnings.push(warning);
      if (!schema.neverStored.has(name) && !RESERVED_NAMES.has(name) && typeof value === 'string' && value.trim() !== '') fields[name] = value.trim();
      else if (!schema.neverStored.has(name) && !RESERVED_NAMES.has(name) && typeof value === 'boolean') fields[name] = value ? 1 : 0;
      continue;
    }
    const parsed = parseColumnValue(value, spec, timeZone);
    if (parsed.ok) {
      // a REST embed (item.external_id) and a plain column (external_id) may both name the barcode: first value wins
      const previous = fields[name];
      if (previous === undefined || previous === null) fields[name] = parsed.value;
    } else {
      issues.push({ ...location, field: column, message: parsed.message });
    }
  }
  return { kind: 'row', schema, location, fields, issues };
}
