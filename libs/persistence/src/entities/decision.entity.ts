import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The director's decision; one per case (a unique caseId makes a double click harmless). */
@Entity('decisions')
export class DecisionEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36, unique: true }) caseId: string;
  @Column('varchar', { length: 36 }) reviewId: string;
  @Column('varchar', { length: 36 }) directorId: string;
  @Column('varchar', { length: 8 }) decision: 'approve' | 'deny';
  @Column('text', { default: '' }) note: string;
  @Column('simple-json', { nullable: true }) reasons: string[] | null;
  @Column({ type: Date }) createdAt: Date;
}
