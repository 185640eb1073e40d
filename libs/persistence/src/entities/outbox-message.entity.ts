import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Transactional outbox: the job a transition asks for is written in the same transaction as the
 * transition, then relayed to BullMQ. A crash between commit and enqueue leaves the row for the sweep.
 */
@Entity('outbox')
export class OutboxMessageEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 40 }) queue: string;
  @Column('varchar', { length: 60 }) jobName: string;
  /** Deterministic `<caseId>-<step>` id: BullMQ ignores a second add with the same id. */
  @Column('varchar', { length: 120, unique: true }) jobId: string;
  @Column('simple-json') payload: Record<string, unknown>;
  /** When the job should run, for delayed jobs (reminders); null means at once. */
  @Column({ type: Date, nullable: true }) runAt: Date | null;
  @Index() @Column({ type: Date, nullable: true }) dispatchedAt: Date | null;
  @Column({ type: Date }) createdAt: Date;
}
