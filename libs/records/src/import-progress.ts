export type ImportPhase = 'validating' | 'importing';

export interface ImportProgress {
  phase: ImportPhase;
  /** Across all files of the export, in this phase. */
  bytesRead: number;
  /** Sum of the files' sizes, when every size is known. */
  totalBytes?: number;
  /** Rows read so far in this phase. */
  rows: number;
}

export type ProgressListener = (progress: ImportProgress) => void;

/** Report at most this often, so a progress bar does not cost more than the import. */
const ROWS_PER_REPORT = 1000;

export class ProgressReporter {
  private bytesRead = 0;
  private rows = 0;
  private rowsAtLastReport = 0;

  constructor(
    private readonly phase: ImportPhase,
    private readonly totalBytes: number | undefined,
    private readonly listener: ProgressListener | undefined,
  ) {}

  addBytes(count: number): void {
    this.bytesRead += count;
  }

  addRow(): void {
    this.rows++;
    if (this.rows - this.rowsAtLastReport >= ROWS_PER_REPORT) this.report();
  }

  report(): void {
    this.rowsAtLastReport = this.rows;
    const progress: ImportProgress = { phase: this.phase, bytesRead: this.bytesRead, rows: this.rows };
    if (this.totalBytes !== undefined) progress.totalBytes = this.totalBytes;
    this.listener?.(progress);
  }
}

/** Total size of the files, or undefined if any size is unknown. */
export function totalSize(files: readonly { size?: number }[]): number | undefined {
  let total = 0;
  for (const file of files) {
    if (file.size === undefined) return undefined;
    total += file.size;
  }
  return total;
}
