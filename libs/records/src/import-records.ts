import { RecordType, ResponsiveRecord } from '@custodian/domain';
import { ExportFile } from './export-source';
import { ProgressListener } from './import-progress';
import { scanExport } from './scan-export';
import { toResponsiveRecord } from './to-responsive-record';
import { ExportValidation, ValidateOptions, ValidatedExport, isValidated, validateExport } from './validate-export';

export const DEFAULT_BATCH_SIZE = 500;

export interface ImportOptions {
  /** Records per batch handed to the sink (default 500). */
  batchSize?: number;
  onProgress?: ProgressListener;
}

/** Receives the records batch by batch; write them in one transaction, so a failed import leaves nothing. */
export type RecordSink = (batch: ResponsiveRecord[]) => Promise<void> | void;

/** The file read differently in the import pass than in validation (replaced on disk, or a source that is not re-readable). */
export class ExportChangedError extends Error {
  constructor(detail: string) {
    super(`the export changed between validation and import: ${detail}`);
    this.name = 'ExportChangedError';
  }
}

/**
 * Pass 2: reads the files again and yields normalised records in batches. Only a validated export is
 * accepted. If the bytes differ from what was validated, it throws ExportChangedError, at the latest
 * when the changed file ends (batches already yielded must then be rolled back by the caller).
 */
export async function* readRecordBatches(files: readonly ExportFile[], validation: ValidatedExport, options: ImportOptions = {}): AsyncGenerator<ResponsiveRecord[]> {
  if (!isValidated(validation)) throw new Error('refusing to import an export that did not pass validation');
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let batch: ResponsiveRecord[] = [];
  for await (const event of scanExport(files, 'importing', options.onProgress)) {
    if (event.kind === 'issue') {
      throw new ExportChangedError(`it now has a problem: ${event.issue.message}`);
    } else if (event.kind === 'file') {
      if (event.sha256 !== validation.sha256[event.index]) throw new ExportChangedError(`file ${event.index + 1} has different content`);
    } else {
      if (event.issues.length > 0) throw new ExportChangedError(`${event.location.table} row ${event.location.row} now has a problem`);
      batch.push(toResponsiveRecord(event, validation.patronCards));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

export type ImportOutcome =
  | { imported: false; validation: ExportValidation }
  | { imported: true; validation: ValidatedExport; records: number; recordsByType: Partial<Record<RecordType, number>>; batches: number };

/** Both passes: validates, and only if the whole export is valid hands every record to `sink`. */
export async function importExport(files: readonly ExportFile[], sink: RecordSink, options: ValidateOptions & ImportOptions = {}): Promise<ImportOutcome> {
  const validation = await validateExport(files, options);
  if (!isValidated(validation)) return { imported: false, validation };
  const recordsByType: Partial<Record<RecordType, number>> = {};
  let records = 0;
  let batches = 0;
  for await (const batch of readRecordBatches(files, validation, options)) {
    await sink(batch);
    batches++;
    records += batch.length;
    for (const record of batch) recordsByType[record.recordType] = (recordsByType[record.recordType] ?? 0) + 1;
  }
  return { imported: true, validation, records, recordsByType, batches };
}
