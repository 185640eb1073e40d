import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RecordType } from '@custodian/domain';

/**
 * One imported responsive record. The record itself (patron identity, dates, titles) is AES-256-GCM
 * ciphertext; only what reporting needs stays in the clear. Rows are purged after the case closes.
 */
@Entity('patron_records')
@Index(['caseId', 'seq'], { unique: true })
@Index(['caseId', 'recordType', 'sourceTable', 'seq'])
export class PatronRecordEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 36 }) importId: string;
  /** Order of import within the case, for stable productions and paging. */
  @Column('integer') seq: number;
  @Column('varchar', { length: 16 }) recordType: RecordType;
  @Column('varchar', { length: 40 }) sourceTable: string;
  @Column('varchar', { length: 40 }) keyId: string;
  @Column('text') ciphertext: string;
}
