import { RawValue } from './column-values';
import { ExportEvent, ExportFormatError, FieldProblem } from './export-events';
import { JsonToken } from './json-tokenizer';

/** No Koha value comes near this (longtext columns are capped at 65,535 characters on import). */
export const MAX_JSON_VALUE_CHARACTERS = 1_000_000;
/** Table and column names. */
export const MAX_JSON_KEY_CHARACTERS = 1000;
/** Columns in one row, nested objects' columns included. */
export const MAX_JSON_ROW_COLUMNS = 2000;
/** Nested objects flattened into "item.barcode" style columns up to this depth (the REST API's embeds). */
const MAX_NESTING = 3;

interface OpenRow {
  row: number;
  line: number;
  values: Map<string, RawValue>;
  /** Every key seen, including those whose nested value was skipped. */
  keys: Set<string>;
  problems: FieldProblem[];
  /** Columns holding a list, which is not read (the REST API's extended_attributes). */
  skipped: string[];
}

/** Nesting levels of `{ "table": [ { "column": value } ] }`, or `[ { "column": value } ]` for one named table. */
const enum Level {
  Outside = 0,
  Tables = 1,
  Rows = 2,
  Columns = 3,
}

/** A key, string or number arriving in chunks: kept up to its limit, and only its length counted after that. */
class ScalarBuffer {
  text = '';
  length = 0;
  constructor(private limit: number) {}

  reset(limit: number): void {
    this.text = '';
    this.length = 0;
    this.limit = limit;
  }

  add(chunk: string): void {
    this.length += chunk.length;
    if (this.length <= this.limit) this.text += chunk;
  }

  get overflowed(): boolean {
    return this.length > this.limit;
  }
}

/**
 * Turns the token stream of `{"borrowers": [{...}, ...], "issues": [...]}` (or, given a table, a bare array of
 * rows as the Koha REST API returns) into table and row events, one row in memory at a time. Every key and value
 * is bounded: a value of any size is refused with a clear error without being held. Nested objects are flattened
 * into dotted columns ("item.external_id"); lists inside a row are skipped and named.
 */
export class JsonExportAssembler {
  private level = Level.Outside;
  /** >0 while skipping a nested value we will not read; counts its open containers. */
  private skipping = 0;
  private started = false;
  private closed = false;
  private shape: 'object' | 'array' = 'object';
  private table = '';
  private tableLine = 0;
  /** The row's current column (with the dotted prefix of the nested objects it is in). */
  private column = '';
  private readonly prefixes: string[] = [];
  private openRow: OpenRow | null = null;
  private readonly rowCounts = new Map<string, number>();
  private readonly buffer = new ScalarBuffer(MAX_JSON_KEY_CHARACTERS);
  private scalar: 'key' | 'string' | 'number' | null = null;
  private scalarLine = 0;

  /** `table` names the rows of a top-level array (a REST response saved as checkouts.json). */
  constructor(private readonly defaultTable: string | null = null) {}

  accept(token: JsonToken, line: number, out: ExportEvent[]): void {
    if (token.name === 'whitespace') return;
    if (this.scalar !== null) return this.inScalar(token, line, out);
    if (token.name === 'startKey' || token.name === 'startString' || token.name === 'startNumber') {
      this.scalar = token.name === 'startKey' ? 'key' : token.name === 'startString' ? 'string' : 'number';
      this.scalarLine = line;
      this.buffer.reset(this.scalar === 'key' ? MAX_JSON_KEY_CHARACTERS : MAX_JSON_VALUE_CHARACTERS);
      return;
    }
    this.structural(token, line, out, null);
  }

  /** Throws when the text ended before the top-level value closed. */
  finish(line: number): void {
    if (!this.started) throw new ExportFormatError(null, 'the file is empty');
    if (!this.closed) throw new ExportFormatError(line, 'the JSON ends before its top-level value closes (was the upload cut short?)');
  }

  private inScalar(token: JsonToken, line: number, out: ExportEvent[]): void {
    if (token.name === 'stringChunk' || token.name === 'numberChunk') {
      this.buffer.add(token.value);
      return;
    }
    const kind = this.scalar;
    this.scalar = null;
    if (this.buffer.overflowed) {
      if (kind === 'key' || this.level !== Level.Columns || this.skipping > 0) {
        const what = kind === 'key' ? `a name longer than ${MAX_JSON_KEY_CHARACTERS} characters` : `a value longer than ${MAX_JSON_VALUE_CHARACTERS} characters`;
        throw new ExportFormatError(this.scalarLine, `${what} (${this.buffer.length} characters); not a Koha export`);
      }
    }
    if (kind === 'key') this.structural({ name: 'keyValue', value: this.buffer.text }, line, out, null);
    else this.structural({ name: kind === 'string' ? 'stringValue' : 'numberValue', value: this.buffer.text } as JsonToken, line, out, this.buffer.overflowed ? this.buffer.length : null);
  }

  private structural(token: JsonToken, line: number, out: ExportEvent[], overflowLength: number | null): void {
    if (this.skipping > 0) {
      if (opens(token)) this.skipping++;
      else if (closes(token)) this.skipping--;
      return;
    }
    switch (this.level) {
      case Level.Outside:
        return this.atTopLevel(token, line, out);
      case Level.Tables:
        return this.inTables(token, line, out);
      case Level.Rows:
        return this.inRows(token, line, out);
      case Level.Columns:
        return this.inColumns(token, out, overflowLength);
    }
  }

  private atTopLevel(token: JsonToken, line: number, out: ExportEvent[]): void {
    if (this.started) throw new ExportFormatError(line, 'more than one JSON value in the file');
    if (token.name === 'startObject') {
      this.started = true;
      this.level = Level.Tables;
    } else if (token.name === 'startArray' && this.defaultTable !== null) {
      this.started = true;
      this.shape = 'array';
      this.table = this.defaultTable;
      this.level = Level.Rows;
      out.push({ kind: 'table', table: this.table, line });
    } else {
      throw new ExportFormatError(line, 'expected a JSON object keyed by Koha table names, e.g. {"borrowers": [...], "issues": [...]} (or name the table of a list of rows)');
    }
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
      out.push({ kind: 'table', table: this.table, line: this.tableLine, notATable: true });
      this.skipIfContainer(token);
    }
  }

  private inRows(token: JsonToken, line: number, out: ExportEvent[]): void {
    if (token.name === 'endArray') {
      if (this.shape === 'array') {
        this.level = Level.Outside;
        this.closed = true;
      } else this.level = Level.Tables;
    } else if (token.name === 'startObject') {
      this.level = Level.Columns;
      this.openRow = { row: this.nextRowNumber(), line, values: new Map(), keys: new Set(), problems: [], skipped: [] };
    } else {
      const row = this.nextRowNumber();
      out.push({ kind: 'problem', issue: { table: this.table, row, line, field: null, message: 'a row must be an object of column names and values' } });
      this.skipIfContainer(token);
    }
  }

  private inColumns(token: JsonToken, out: ExportEvent[], overflowLength: number | null): void {
    const row = this.openRow as OpenRow;
    if (token.name === 'keyValue') {
      this.column = this.prefixes.join('') + token.value;
      if (row.keys.has(this.column)) row.problems.push({ field: this.column, message: 'the column appears twice in the row' });
      row.keys.add(this.column);
      if (row.keys.size > MAX_JSON_ROW_COLUMNS) throw new ExportFormatError(row.line, `a row has more than ${MAX_JSON_ROW_COLUMNS} columns; not a Koha export`);
    } else if (token.name === 'endObject') {
      if (this.prefixes.length > 0) {
        this.prefixes.pop();
        return;
      }
      this.level = Level.Rows;
      this.openRow = null;
      out.push({ kind: 'row', table: this.table, row: row.row, line: row.line, values: row.values, problems: row.problems, skipped: row.skipped });
    } else if (token.name === 'startObject') {
      if (this.prefixes.length + 1 >= MAX_NESTING) {
        row.skipped.push(this.column);
        this.skipping = 1;
      } else this.prefixes.push(`${this.column.slice(this.prefixes.join('').length)}.`);
    } else if (token.name === 'startArray') {
      row.skipped.push(this.column);
      this.skipping = 1;
    } else if (overflowLength !== null) {
      row.problems.push({ field: this.column, message: `the value is longer than ${MAX_JSON_VALUE_CHARACTERS} characters (${overflowLength})` });
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
