import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type RecordImportStatus = 'queued' | 'validating' | 'importing' | 'completed' | 'failed';

/** One upload of an ILS export; its progress and row errors are shown to the clerk. */
@Entity('record_imports')
export class RecordImportEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Index() @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 16 }) status: RecordImportStatus;
  @Column('varchar', { length: 8 }) format: 'json' | 'csv';
  /** For CSV: the Koha table the file holds. */
  @Column('varchar', { length: 40, nullable: true }) table: string | null;
  @Column('varchar', { length: 255 }) filename: string;
  @Column('varchar', { length: 64 }) sha256: string;
  @Column('integer') bytes: number;
  @Column('integer', { default: 0 }) bytesRead: number;
  @Column('integer', { default: 0 }) rowsRead: number;
  @Column('integer', { default: 0 }) rowsImported: number;
  /** Row errors: table, row, line, field, message; never the value itself. */
  @Column('simple-json', { nullable: true }) errors: unknown[] | null;
  @Column('integer', { default: 0 }) errorCount: number;
  @Column('varchar', { length: 36 }) createdById: string;
  @Column({ type: Date }) createdAt: Date;
  @Column({ type: Date, nullable: true }) completedAt: Date | null;
}
