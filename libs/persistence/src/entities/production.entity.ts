import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ProductionStatus = 'rendering' | 'ready' | 'failed';

/** The redacted, Bates-numbered PDF of an approved case. At most one per case, enforced by the unique caseId. */
@Entity('productions')
export class ProductionEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36, unique: true }) caseId: string;
  @Column('varchar', { length: 36 }) decisionId: string;
  @Column('varchar', { length: 16 }) status: ProductionStatus;
  @Column('integer', { default: 0 }) progress: number;
  @Column('varchar', { length: 64, nullable: true }) sha256: string | null;
  @Column('integer', { nullable: true }) bytes: number | null;
  @Column('integer', { nullable: true }) pages: number | null;
  @Column('varchar', { length: 20, nullable: true }) batesFirst: string | null;
  @Column('varchar', { length: 20, nullable: true }) batesLast: string | null;
  /** The range reserved in bates_sequences for this production (null until reserved); kept across re-renders. */
  @Column('varchar', { length: 12, nullable: true }) batesPrefix: string | null;
  @Column('integer', { nullable: true }) batesStart: number | null;
  @Column('integer', { nullable: true }) batesEnd: number | null;
  @Column('simple-json', { nullable: true }) manifest: unknown | null;
  @Column('text', { nullable: true }) failure: string | null;
  @Column({ type: Date }) createdAt: Date;
  @Column({ type: Date, nullable: true }) completedAt: Date | null;
}
