import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@custodian/domain';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 64, unique: true }) username: string;
  @Column('varchar', { length: 200 }) displayName: string;
  /** Printed on letters: Gov. Code § 7922.540 requires the name and title of each person responsible for a denial. */
  @Column('varchar', { length: 200, default: '' }) title: string;
  @Column('varchar', { length: 320, nullable: true }) email: string | null;
  @Column('varchar', { length: 200 }) passwordHash: string;
  @Column('simple-json') roles: Role[];
  @Column('boolean', { default: true }) active: boolean;
  /** Bumped by a password change, reset or deactivation: every token carrying an older version is dead. */
  @Column('integer', { default: 0 }) tokenVersion: number;
  /** Base32 TOTP secret, sealed with the records key; set at enrolment, used once `totpEnabled`. */
  @Column('text', { nullable: true }) totpSecret: string | null;
  @Column('boolean', { default: false }) totpEnabled: boolean;
  @Column({ type: Date }) createdAt: Date;
  @Column({ type: Date }) updatedAt: Date;
}
