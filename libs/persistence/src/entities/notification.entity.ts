import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Something a person should act on: a deadline coming due, an overdue case, a lapsed gag order. */
@Entity('notifications')
@Index(['userId', 'readAt'])
export class NotificationEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) userId: string;
  @Column('varchar', { length: 36, nullable: true }) caseId: string | null;
  @Column('varchar', { length: 32 }) kind: 'due_soon' | 'overdue' | 'gag_lapsed' | 'production_failed' | 'assigned' | 'notice_due' | 'purge_review' | 'sent_back';
  @Column('text') message: string;
  @Column({ type: Date }) createdAt: Date;
  @Column({ type: Date, nullable: true }) readAt: Date | null;
}
