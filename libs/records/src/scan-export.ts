import { readCsvExport } from './csv-export-reader';
import { ByteMeter, ExportFile, meteredChunks } from './export-source';
import { ImportPhase, ProgressListener, ProgressReporter, totalSize } from './import-progress';
import { readJsonExport } from './json-export-reader';
import { NormalisedEvent, normaliseRows } from './row-normaliser';

/** Sent after each file: what was read, so the import pass can check it reads the same bytes. */
export interface FileScanned {
  kind: 'file';
  index: number;
  sha256: string;
  bytes: number;
}

export type ScanEvent = NormalisedEvent | FileScanned;

/** One streaming read of every file of an export: normalised rows and issues, in file order. Both passes use it. */
export async function* scanExport(files: readonly ExportFile[], phase: ImportPhase, onProgress?: ProgressListener, timeZone?: string): AsyncGenerator<ScanEvent> {
  const progress = new ProgressReporter(phase, totalSize(files), onProgress);
  for (const [index, file] of files.entries()) {
    const meter = new ByteMeter();
    const chunks = meteredChunks(file.open(), meter, (count) => progress.addBytes(count));
    const events = file.format === 'json' ? readJsonExport(chunks, file.table ?? null) : readCsvExport(chunks, file.table, file.delimiter);
    for await (const event of normaliseRows(events, timeZone)) {
      if (event.kind === 'row') progress.addRow();
      yield event;
    }
    yield { kind: 'file', index, sha256: meter.digest(), bytes: meter.bytes };
    progress.report();
  }
}
