import { createHash } from 'crypto';
import { basename, extname } from 'path';
import { Readable } from 'stream';

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

/** JSON holds every table: `{ "borrowers": [...], "issues": [...] }`. */
export interface JsonExportFile extends ExportFileBase {
  format: 'json';
}

/** CSV holds one table, named by the caller (file name or form field); its header row names Koha columns. */
export interface CsvExportFile extends ExportFileBase {
  format: 'csv';
  table: string;
}

export type ExportFile = JsonExportFile | CsvExportFile;

export class UnsupportedExportError extends Error {
  constructor(fileName: string) {
    super(`"${basename(fileName)}" is neither .json nor .csv: upload a JSON export keyed by Koha table names, or one CSV file per table (e.g. issues.csv)`);
    this.name = 'UnsupportedExportError';
  }
}

/** Describes an uploaded file by its name: `export.json`, or `issues.csv` for the issues table unless `table` says otherwise. */
export function exportFileFor(fileName: string, open: OpenExport, options: { size?: number; table?: string } = {}): ExportFile {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.json') return { format: 'json', open, size: options.size };
  if (extension === '.csv') {
    const table = options.table ?? basename(fileName, extname(fileName)).trim().toLowerCase();
    return { format: 'csv', table, open, size: options.size };
  }
  throw new UnsupportedExportError(fileName);
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
