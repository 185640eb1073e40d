import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type RecordImportStatus = 'queued' | 'validating' | 'importing' | 'completed' | 'failed';

export interface RecordImportFile {
  filename: string;
  format: 'json' | 'csv';
  table: string | null;
  sha256: string;
  bytes: number;
}

/** One upload of an ILS export; its progress and row errors are shown to the clerk. */
@Entity('record_imports')
export class RecordImportEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Index() @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 16 }) status: RecordImportStatus;
  @Column('varchar', { length: 8 }) format: 'json' | 'csv';
  /** For CSV: the Koha table the file holds. */
  @Column('varchar', { length: 40, nullable: true }) table: string | null;
  /** Sealed with the records cipher (apps/api UploadNames): a staff-chosen name can name a patron. */
  @Column('varchar', { length: 1024 }) filename: string;
  @Column('varchar', { length: 64 }) sha256: string;
  @Column('integer') bytes: number;
  @Column('integer', { default: 0 }) bytesRead: number;
  @Column('integer', { default: 0 }) rowsRead: number;
  @Column('integer', { default: 0 }) rowsImported: number;
  /** Row errors: table, row, line, field, message; never the value itself. */
  @Column('simple-json', { nullable: true }) errors: unknown[] | null;
  @Column('integer', { default: 0 }) errorCount: number;
  /** What did not stop the import: unknown columns and tables, credentials not stored, rows waiting for their patron. */
  @Column('simple-json', { nullable: true }) warnings: unknown[] | null;
  @Column('integer', { default: 0 }) warningCount: number;
  /** Rows whose borrowernumber has no borrowers row in the case yet; re-checked when one arrives. */
  @Column('integer', { default: 0 }) pendingRows: number;
  /** Rows that are no one's (anonymised history, the AnonymousPatron): never produced, counted on the withholding log. */
  @Column('integer', { default: 0 }) notAttributableRows: number;
  /** Every file of a multi-file upload (per-table CSVs validated together); null for a single file (sha256/table above). */
  @Column('simple-json', { nullable: true }) files: RecordImportFile[] | null;
  /** Loans and holds that do not say what was borrowed; the AnonymousPatron borrowernumbers this upload named. */
  @Column('simple-json', { nullable: true }) stats: { undescribed?: Record<string, number>; anonymousPatrons?: number[] } | null;
  @Column('varchar', { length: 36 }) createdById: string;
  @Column({ type: Date }) createdAt: Date;
  @Column({ type: Date, nullable: true }) completedAt: Date | null;
}
