import { Column, Entity, PrimaryColumn } from 'typeorm';

/** That a notification was handed to the mail server (or why it was not), so each is e-mailed at most once. */
@Entity('notification_emails')
export class NotificationEmailEntity {
  @PrimaryColumn('varchar', { length: 36 }) notificationId: string;
  /** sending (claimed by a worker); sent; skipped (not opted in, no address); failed (retried; the error is logged, not stored). */
  @Column('varchar', { length: 16 }) status: 'sending' | 'sent' | 'skipped' | 'failed';
  @Column('integer', { default: 0 }) attempts: number;
  @Column({ type: Date }) updatedAt: Date;
}
