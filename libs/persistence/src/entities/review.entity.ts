import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseScope } from '@custodian/domain';

export type Sufficiency = 'sufficient' | 'insufficient' | 'needs_info';
export type Recommendation = 'fulfil' | 'partial' | 'deny';

/** An attorney's legal review. `memo` is privileged: only attorneys and the director may read it. */
@Entity('reviews')
export class ReviewEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Index() @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 36 }) attorneyId: string;
  @Column('simple-json') checklist: Record<string, boolean>;
  @Column('varchar', { length: 16 }) sufficiency: Sufficiency;
  @Column('varchar', { length: 16 }) recommendation: Recommendation;
  @Column('simple-json') reasons: string[];
  @Column('simple-json', { nullable: true }) scope: CaseScope | null;
  @Column('text', { default: '' }) memo: string;
  /** What must be cured when sufficiency is needs_info. */
  @Column('text', { nullable: true }) cureRequest: string | null;
  @Column('simple-json', { nullable: true }) contradictions: unknown[] | null;
  @Column('text', { nullable: true }) overrideReason: string | null;
  @Column({ type: Date }) createdAt: Date;
}
