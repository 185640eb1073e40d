import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A notice sent to the patrons whose records a case sought: how and when (the letters themselves are not kept). */
@Entity('patron_notices')
export class PatronNoticeEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Index() @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 16 }) method: string;
  @Column('varchar', { length: 10 }) sentOn: string;
  @Column('integer') patrons: number;
  @Column('varchar', { length: 36 }) recordedById: string;
  @Column({ type: Date }) recordedAt: Date;
}

/** A litigation hold placed by counsel: while active, nothing of the case is purged. */
@Entity('legal_holds')
export class LegalHoldEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Index() @Column('varchar', { length: 36 }) caseId: string;
  @Column('text') reason: string;
  @Column('varchar', { length: 36 }) placedById: string;
  @Column({ type: Date }) placedAt: Date;
  @Column({ type: Date, nullable: true }) releasedAt: Date | null;
  @Column('varchar', { length: 36, nullable: true }) releasedById: string | null;
}

export type PurgePlanStatus = 'proposed' | 'approved' | 'executed' | 'superseded';

/** A dry run of the retention schedule: an admin reviews it, approves it, and the worker executes exactly it. */
@Entity('purge_plans')
export class PurgePlanEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 16 }) status: PurgePlanStatus;
  @Column('simple-json') plan: unknown;
  @Column('varchar', { length: 36, nullable: true }) createdById: string | null;
  @Column({ type: Date }) createdAt: Date;
  @Column('varchar', { length: 36, nullable: true }) approvedById: string | null;
  @Column({ type: Date, nullable: true }) approvedAt: Date | null;
  @Column({ type: Date, nullable: true }) executedAt: Date | null;
  @Column('simple-json', { nullable: true }) certificate: unknown | null;
  @Column('varchar', { length: 64, nullable: true }) certificateSha256: string | null;
  @Column('integer', { nullable: true }) certificateBytes: number | null;
}
