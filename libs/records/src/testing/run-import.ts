import { ResponsiveRecord } from '@custodian/domain';
import { ExportFile } from '../export-source';
import { ImportOutcome, importExport, recheckAttribution } from '../import-records';
import { ImportProgress } from '../import-progress';
import { ValidateOptions } from '../validate-export';

/** Runs both passes, collecting what reaches the sink and every progress report. */
export async function runImport(files: ExportFile[], options: ValidateOptions & { batchSize?: number } = {}) {
  const batches: ResponsiveRecord[][] = [];
  const progress: ImportProgress[] = [];
  const outcome: ImportOutcome = await importExport(files, (batch) => void batches.push(batch), { ...options, onProgress: (p) => progress.push(p) });
  return { outcome, batches, records: batches.flat(), progress, issues: outcome.validation.issues };
}

/**
 * Imports uploads one after another as a case does (apps/worker/src/records/case-patrons.ts): each upload knows the
 * patrons and the AnonymousPatron of the ones before it, and after each, every record is re-checked.
 */
export async function importUploads(uploads: ExportFile[][]) {
  const cards = new Map<number, string>();
  const anonymous = new Set<number>();
  let records: ResponsiveRecord[] = [];
  const outcomes: ImportOutcome[] = [];
  for (const files of uploads) {
    const { outcome, records: imported } = await runImport(files, { knownPatrons: new Map(cards), anonymousPatrons: [...anonymous] });
    outcomes.push(outcome);
    if (!outcome.imported) break;
    for (const [borrowernumber, card] of outcome.validation.directory.cards) cards.set(borrowernumber, card);
    for (const borrowernumber of outcome.validation.directory.anonymous) {
      anonymous.add(borrowernumber);
      cards.delete(borrowernumber);
    }
    records = [...records, ...imported].map((record) => recheckAttribution(record, { cards, anonymous }) ?? record);
  }
  return { records, outcomes };
}
