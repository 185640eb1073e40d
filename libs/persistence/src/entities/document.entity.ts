import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An uploaded file (instrument scan, consent letter, correspondence); bytes live in content-addressed storage. */
@Entity('documents')
export class DocumentEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Index() @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 32 }) kind: string;
  /** Sealed with the records cipher (apps/api UploadNames): a staff-chosen name can name a patron. */
  @Column('varchar', { length: 1024 }) filename: string;
  @Column('varchar', { length: 100 }) mediaType: string;
  @Column('varchar', { length: 64 }) sha256: string;
  @Column('integer') size: number;
  @Column('varchar', { length: 36 }) uploadedById: string;
  @Column({ type: Date }) createdAt: Date;
}
