import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Records identified and kept, nothing released: placed for emergency requests pending a court order. */
@Entity('preservation_holds')
export class PreservationHoldEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Index() @Column('varchar', { length: 36 }) caseId: string;
  @Column('varchar', { length: 16 }) status: 'active' | 'released' | 'expired';
  @Column({ type: Date }) placedAt: Date;
  @Column('varchar', { length: 10 }) expiresOn: string;
  @Column('integer', { default: 0 }) renewals: number;
  @Column({ type: Date, nullable: true }) releasedAt: Date | null;
  @Column('varchar', { length: 36, nullable: true }) releasedById: string | null;
}
