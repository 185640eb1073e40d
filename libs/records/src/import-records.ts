import { RecordType, ResponsiveRecord } from '@custodian/domain';
import { ExportFile } from './export-source';
import { saysWhatWasBorrowed } from './item-catalogue';
import { tableSchema } from './koha-tables';
import { PatronDirectory, patronReference } from './patron-directory';
import { ProgressListener } from './import-progress';
import { scanExport } from './scan-export';
import { toResponsiveRecord } from './to-responsive-record';
import { ExportValidation, ValidateOptions, ValidatedExport, isValidated, validateExport } from './validate-export';

export const DEFAULT_BATCH_SIZE = 500;

export interface ImportOptions {
  /** Records per batch handed to the sink (default 500). */
  batchSize?: number;
  onProgress?: ProgressListener;
  timeZone?: string;
  /** Filled in as records are read: what the import result tells the clerk. */
  stats?: ImportStats;
}

/** Counts the import pass keeps, for the warnings on the import result. */
export interface ImportStats {
  /** Loans and holds whose row (and the upload's items/biblio) gives neither a title nor a barcode. */
  undescribed: Partial<Record<RecordType, number>>;
  /** Rows not attributable to anyone (anonymised history, the AnonymousPatron, no borrowernumber): never produced. */
  notAttributable: number;
}

export function emptyImportStats(): ImportStats {
  return { undescribed: {}, notAttributable: 0 };
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
  const stats = options.stats ?? emptyImportStats();
  let batch: ResponsiveRecord[] = [];
  for await (const event of scanExport(files, 'importing', options.onProgress, options.timeZone)) {
    if (event.kind === 'issue') {
      throw new ExportChangedError(`it now has a problem: ${event.issue.message}`);
    } else if (event.kind === 'warning') {
      continue;
    } else if (event.kind === 'file') {
      if (event.sha256 !== validation.sha256[event.index]) throw new ExportChangedError(`file ${event.index + 1} has different content`);
    } else {
      if (event.issues.length > 0) throw new ExportChangedError(`${event.location.table} row ${event.location.row} now has a problem`);
      const record = toResponsiveRecord(event, validation.directory, validation.catalogue);
      if (!record) continue;
      if (record.cardNumber === null && !isPending(record, validation)) stats.notAttributable++;
      if ((record.recordType === 'loans' || record.recordType === 'holds') && !saysWhatWasBorrowed(record.fields)) {
        stats.undescribed[record.recordType] = (stats.undescribed[record.recordType] ?? 0) + 1;
      }
      batch.push(record);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** A row whose patron is not known yet (it will be re-checked), as opposed to one that is nobody's. */
function isPending(record: ResponsiveRecord, validation: ValidatedExport): boolean {
  const borrowernumber = pendingBorrowernumber(record);
  return borrowernumber !== null && !validation.directory.anonymous.has(borrowernumber);
}

/** The borrowernumber an unattributed record waits for, or null. */
export function pendingBorrowernumber(record: ResponsiveRecord): number | null {
  const schema = tableSchema(record.sourceTable);
  if (record.cardNumber !== null || !schema) return null;
  return patronReference(schema, record.fields).borrowernumber;
}

/**
 * The re-check when a later upload brings patrons (or names the AnonymousPatron): a record that waited for its
 * borrowernumber gets the card number the case now knows for it, and a record of a borrowernumber now known to be
 * the AnonymousPatron's loses its attribution. Null when the record stays as it is.
 */
export function recheckAttribution(record: ResponsiveRecord, directory: PatronDirectory): ResponsiveRecord | null {
  const schema = tableSchema(record.sourceTable);
  if (!schema) return null;
  const { borrowernumber } = patronReference(schema, record.fields);
  if (borrowernumber === null) return null;
  if (directory.anonymous.has(borrowernumber)) return record.cardNumber === null ? null : { ...record, cardNumber: null };
  if (record.cardNumber !== null) return null;
  const card = directory.cards.get(borrowernumber);
  return card === undefined ? null : { ...record, cardNumber: card };
}

/** "240 loans have no title or barcode": the warning on the import result, and what the production repeats. */
export function undescribedWarnings(stats: ImportStats): string[] {
  const nouns: Partial<Record<RecordType, [string, string]>> = { loans: ['loan', 'loans'], holds: ['hold', 'holds'] };
  return Object.entries(stats.undescribed).map(([type, count]) => {
    const [one, many] = nouns[type as RecordType] ?? [type, type];
    return `${count} ${count === 1 ? `${one} has` : `${many} have`} no title or barcode: add the items and biblio tables (or a circulation report joining barcode, title, author and itemcallnumber) to say what was borrowed`;
  });
}

export type ImportOutcome =
  | { imported: false; validation: ExportValidation }
  | { imported: true; validation: ValidatedExport; records: number; recordsByType: Partial<Record<RecordType, number>>; batches: number; stats: ImportStats };

/** Both passes: validates, and only if the whole export is valid hands every record to `sink`. */
export async function importExport(files: readonly ExportFile[], sink: RecordSink, options: ValidateOptions & ImportOptions = {}): Promise<ImportOutcome> {
  const validation = await validateExport(files, options);
  if (!isValidated(validation)) return { imported: false, validation };
  const recordsByType: Partial<Record<RecordType, number>> = {};
  const stats = emptyImportStats();
  let records = 0;
  let batches = 0;
  for await (const batch of readRecordBatches(files, validation, { ...options, stats })) {
    await sink(batch);
    batches++;
    records += batch.length;
    for (const record of batch) recordsByType[record.recordType] = (recordsByType[record.recordType] ?? 0) + 1;
  }
  return { imported: true, validation, records, recordsByType, batches, stats };
}
