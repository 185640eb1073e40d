import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A computed clock for a case, with the working that produced its date. */
@Entity('deadlines')
@Index(['caseId', 'clock'], { unique: true })
export class DeadlineEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 40 }) clock: string;
  @Column('varchar', { length: 200 }) label: string;
  /** YYYY-MM-DD; null while the clock is paused. */
  @Index() @Column('varchar', { length: 10, nullable: true }) dueDate: string | null;
  @Column('varchar', { length: 16 }) status: 'open' | 'paused' | 'met' | 'lapsed';
  @Column('simple-json') explanation: unknown;
  @Column({ type: Date }) computedAt: Date;
}
