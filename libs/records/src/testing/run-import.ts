import { ResponsiveRecord } from '@custodian/domain';
import { ExportFile } from '../export-source';
import { ImportOutcome, importExport } from '../import-records';
import { ImportProgress } from '../import-progress';
import { ValidateOptions } from '../validate-export';

/** Runs both passes, collecting what reaches the sink and every progress report. */
export async function runImport(files: ExportFile[], options: ValidateOptions & { batchSize?: number } = {}) {
  const batches: ResponsiveRecord[][] = [];
  const progress: ImportProgress[] = [];
  const outcome: ImportOutcome = await importExport(files, (batch) => void batches.push(batch), { ...options, onProgress: (p) => progress.push(p) });
  return { outcome, batches, records: batches.flat(), progress, issues: outcome.validation.issues };
}
