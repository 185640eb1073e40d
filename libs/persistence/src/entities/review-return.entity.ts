import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A director sent the case back for another legal review, with the written reason; the review it answered loses its force. */
@Entity('review_returns')
export class ReviewReturnEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Index() @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 36 }) reviewId: string;
  @Column('varchar', { length: 36 }) directorId: string;
  @Column('text') reason: string;
  @Column({ type: Date }) createdAt: Date;
}
