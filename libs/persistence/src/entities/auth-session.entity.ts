import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One issued access token (its jti), so it can be revoked before it expires: logout, or an admin ending it. */
@Entity('auth_sessions')
@Index(['userId'])
export class AuthSessionEntity {
  @PrimaryColumn('varchar', { length: 36 }) jti: string;
  @Column('varchar', { length: 36 }) userId: string;
  @Column({ type: Date }) createdAt: Date;
  @Column({ type: Date }) expiresAt: Date;
  @Column({ type: Date, nullable: true }) revokedAt: Date | null;
}
