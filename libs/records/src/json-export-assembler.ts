import { RawValue } from './column-values';
import { ExportEvent, ExportFormatError, FieldProblem } from './export-events';
import { JsonToken } from './json-tokenizer';

interface OpenRow {
  row: number;
  line: number;
  values: Map<string, RawValue>;
  /** Every key seen, including those whose nested value was skipped. */
  keys: Set<string>;
  problems: FieldProblem[];
}

/** Nesting levels of `{ "table": [ { "column": value } ] }`. */
const enum Level {
  Outside = 0,
  Tables = 1,
  Rows = 2,
  Columns = 3,
}

/**
 * Turns the token stream of `{"borrowers": [{...}, ...], "issues": [...]}` into table and row events,
 * one row in memory at a time. Values nested deeper than a row's columns are skipped and reported.
 */
export class JsonExportAssembler {
  private level = Level.Outside;
  /** >0 while skipping a nested value we will not read; counts its open containers. */
  private skipping = 0;
  private started = false;
  private closed = false;
  private table = '';
  private tableLine = 0;
  private column = '';
  private openRow: OpenRow | null = null;
  private readonly rowCounts = new Map<string, number>();

  accept(token: JsonToken, line: number, out: ExportEvent[]): void {
    if (token.name === 'whitespace') return;
    if (this.skipping > 0) {
      if (opens(token)) this.skipping++;
      else if (closes(token)) this.skipping--;
      return;
    }
    switch (this.level) {
      case Level.Outside:
        return this.atTopLevel(token, line);
      case Level.Tables:
        return this.inTables(token, line, out);
      case Level.Rows:
        return this.inRows(token, line, out);
      case Level.Columns:
        return this.inColumns(token, out);
    }
  }

  /** Throws when the text ended before the top-level object closed. */
  finish(line: number): void {
    if (!this.started) throw new ExportFormatError(null, 'the file is empty');
    if (!this.closed) throw new ExportFormatError(line, 'the JSON ends before its top-level object closes (was the upload cut short?)');
  }

  private atTopLevel(token: JsonToken, line: number): void {
    if (token.name !== 'startObject' || this.started) {
      throw new ExportFormatError(line, 'expected a JSON object keyed by Koha table names, e.g. {"borrowers": [...], "issues": [...]}');
    }
    this.started = true;
    this.level = Level.Tables;
  }

  private inTables(token: JsonToken, line: number, out: ExportEvent[]): void {
    if (token.name === 'keyValue') {
      this.table = token.value;
      this.tableLine = line;
    } else if (token.name === 'startArray') {
      this.level = Level.Rows;
      out.push({ kind: 'table', table: this.table, line: this.tableLine });
    } else if (token.name === 'endObject') {
      this.level = Level.Outside;
      this.closed = true;
    } else {
      out.push({ kind: 'problem', issue: { table: this.table, row: null, line, field: null, message: `table "${this.table}" must be an array of row objects` } });
      this.skipIfContainer(token);
    }
  }

  private inRows(token: JsonToken, line: number, out: ExportEvent[]): void {
    if (token.name === 'endArray') {
      this.level = Level.Tables;
    } else if (token.name === 'startObject') {
      this.level = Level.Columns;
      this.openRow = { row: this.nextRowNumber(), line, values: new Map(), keys: new Set(), problems: [] };
    } else {
      const row = this.nextRowNumber();
      out.push({ kind: 'problem', issue: { table: this.table, row, line, field: null, message: 'a row must be an object of column names and values' } });
      this.skipIfContainer(token);
    }
  }

  private inColumns(token: JsonToken, out: ExportEvent[]): void {
    const row = this.openRow as OpenRow;
    if (token.name === 'keyValue') {
      this.column = token.value;
      if (row.keys.has(this.column)) row.problems.push({ field: this.column, message: 'the column appears twice in the row' });
      row.keys.add(this.column);
    } else if (token.name === 'endObject') {
      this.level = Level.Rows;
      this.openRow = null;
      out.push({ kind: 'row', table: this.table, row: row.row, line: row.line, values: row.values, problems: row.problems });
    } else if (opens(token)) {
      row.problems.push({ field: this.column, message: 'expected a single value, got a nested object or list' });
      this.skipping = 1;
    } else {
      row.values.set(this.column, scalarOf(token));
    }
  }

  private nextRowNumber(): number {
    const next = (this.rowCounts.get(this.table) ?? 0) + 1;
    this.rowCounts.set(this.table, next);
    return next;
  }

  private skipIfContainer(token: JsonToken): void {
    if (opens(token)) this.skipping = 1;
  }
}

function opens(token: JsonToken): boolean {
  return token.name === 'startObject' || token.name === 'startArray';
}

function closes(token: JsonToken): boolean {
  return token.name === 'endObject' || token.name === 'endArray';
}

function scalarOf(token: JsonToken): RawValue {
  switch (token.name) {
    case 'stringValue':
    case 'numberValue': // the literal text: card numbers written as numbers keep every digit
      return token.value;
    case 'trueValue':
    case 'falseValue':
      return token.value;
    default:
      return null;
  }
}
