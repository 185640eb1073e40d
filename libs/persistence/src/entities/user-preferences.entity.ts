import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person's own settings for reminders outside the app: e-mail opt-in and the private calendar feed. Only the
 * SHA-256 of the feed's secret is kept, so a database copy cannot be turned into working feed links.
 */
@Entity('user_preferences')
export class UserPreferencesEntity {
  @PrimaryColumn('varchar', { length: 36 }) userId: string;
  @Column('boolean', { default: false }) emailReminders: boolean;
  @Column('varchar', { length: 64, nullable: true, unique: true }) calendarTokenHash: string | null;
  @Column({ type: Date }) updatedAt: Date;
}
