import { createHash } from 'crypto';
import { basename, extname } from 'path';
import { Readable } from 'stream';
import { CsvDelimiter } from './csv-export-reader';
import { KOHA_TABLES } from './koha-tables';
import { REST_TABLES } from './rest-shape';

export type ExportFormat = 'json' | 'csv';

/**
 * Opens the upload afresh on every call (e.g. `() => fs.createReadStream(path)`): validation and import
 * each read it once, so nothing of a large file has to be held in memory between them.
 */
export type OpenExport = () => Readable;

interface ExportFileBase {
  open: OpenExport;
  /** Bytes, when known, for progress reports. */
  size?: number;
}

/** JSON holds every table: `{ "borrowers": [...], "issues": [...] }`, or one named table as a list of rows (a REST response). */
export interface JsonExportFile extends ExportFileBase {
  format: 'json';
  /** The table of a top-level list of rows. */
  table?: string;
}

/** CSV holds one table, named by the caller (file name or form field); its header row names Koha columns. */
export interface CsvExportFile extends ExportFileBase {
  format: 'csv';
  table: string;
  /** Sniffed from the header line when absent. */
  delimiter?: CsvDelimiter;
}

export type ExportFile = JsonExportFile | CsvExportFile;

/** An upload that cannot be read as a Koha export; the message says what to do. */
export class UnsupportedExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedExportError';
  }
}

const CSV_EXTENSIONS = new Set(['.csv', '.tab', '.tsv', '.txt']);

/** Every table name an upload may carry: Koha's and the REST API's. */
export const IMPORTABLE_TABLE_NAMES: readonly string[] = [...KOHA_TABLES.keys(), ...REST_TABLES.keys()];

/**
 * The table a file holds, from its name: exactly a table's name (old_issues.csv is old_issues, never issues),
 * case-insensitively. Koha's Reports download (`<report>-reportresults.csv`) and any other name need the table
 * given explicitly; undefined then.
 */
export function tableForFileName(fileName: string): string | undefined {
  const base = basename(fileName, extname(fileName)).trim().toLowerCase();
  return IMPORTABLE_TABLE_NAMES.find((table) => table.toLowerCase() === base);
}

/** Describes an uploaded file by its name: `export.json`, or `old_issues.csv` for old_issues unless `table` says otherwise. */
export function exportFileFor(fileName: string, open: OpenExport, options: { size?: number; table?: string } = {}): ExportFile {
  const extension = extname(fileName).toLowerCase();
  const table = options.table ?? tableForFileName(fileName);
  if (options.table !== undefined && !IMPORTABLE_TABLE_NAMES.includes(options.table)) {
    throw new UnsupportedExportError(`"${options.table}" is not a table Custodian imports; name one of: ${IMPORTABLE_TABLE_NAMES.join(', ')}`);
  }
  if (extension === '.json') return { format: 'json', open, size: options.size, ...(table ? { table } : {}) };
  if (CSV_EXTENSIONS.has(extension)) {
    if (!table) {
      throw new UnsupportedExportError(
        `"${basename(fileName)}" does not say which Koha table it holds: name the file after the table (e.g. old_issues.csv) or give the table with the upload (Koha's Reports downloads are named "<report>-reportresults.csv")`,
      );
    }
    return { format: 'csv', table, open, size: options.size, ...(extension === '.tab' || extension === '.tsv' ? { delimiter: '\t' as const } : {}) };
  }
  throw new UnsupportedExportError(
    `"${basename(fileName)}" is neither .json nor .csv/.tab: upload a JSON export keyed by Koha table names, or one CSV (or tab-separated) file per table (e.g. issues.csv)`,
  );
}

/** Counts and hashes the bytes of a file as they are read. */
export class ByteMeter {
  bytes = 0;
  private readonly hash = createHash('sha256');

  add(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

export async function* meteredChunks(source: Readable, meter: ByteMeter, onChunk: (bytes: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const buffer: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    meter.add(buffer);
    onChunk(buffer.length);
    yield buffer;
  }
}
