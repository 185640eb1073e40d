import { RawValue } from './column-values';
import { ImportIssue } from './import-issues';

/*
 * What a format reader (JSON, CSV) hands on: tables, raw rows and problems with the file's structure.
 * Readers know nothing about Koha's schema; row-normaliser checks rows against it.
 */

export interface TableStarted {
  kind: 'table';
  table: string;
  line: number | null;
  /** Header columns, for formats that declare them up front (CSV). */
  columns?: readonly string[];
  /** The file gave this name a value that is not a list of rows (JSON), e.g. the REST API's "balance". */
  notATable?: boolean;
}

export interface FieldProblem {
  field: string | null;
  message: string;
}

export interface RawRow {
  kind: 'row';
  table: string;
  /** 1-based within the table. */
  row: number;
  line: number | null;
  /** A Map, not an object: keys come from the file and "__proto__" must stay a plain key. */
  values: ReadonlyMap<string, RawValue>;
  /** Problems the reader saw in the row's shape (nested values, duplicate keys, wrong field count). */
  problems: readonly FieldProblem[];
  /** Columns whose nested list (or too deeply nested object) was not read. */
  skipped?: readonly string[];
}

export interface FileProblem {
  kind: 'problem';
  issue: ImportIssue;
}

export type ExportEvent = TableStarted | RawRow | FileProblem;

/** Bytes of one file, as the reader consumes them. */
export type ByteChunks = AsyncIterable<Buffer>;

/** A problem after which the rest of the file cannot be read. */
export class ExportFormatError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'ExportFormatError';
  }
}
