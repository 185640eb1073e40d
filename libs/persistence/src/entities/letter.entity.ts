import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type LetterKind = 'denial' | 'objection' | 'needs_info' | 'extension';

/** A letter PDF written for a case; `reference` keeps one letter per kind and occasion. */
@Entity('letters')
@Index(['caseId', 'kind', 'reference'], { unique: true })
export class LetterEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 16 }) kind: LetterKind;
  @Column('varchar', { length: 64 }) reference: string;
  @Column('varchar', { length: 64 }) sha256: string;
  @Column('integer') bytes: number;
  @Column({ type: Date }) createdAt: Date;
}
