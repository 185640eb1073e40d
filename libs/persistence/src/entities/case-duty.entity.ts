import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Duty } from '@custodian/domain';

/**
 * Who has done which duty's acts on a case (any edit, import or submission is intake; any review is review; any
 * decision is decision), written in the transaction of the act itself. Separation of duties reads it.
 */
@Entity('case_duties')
export class CaseDutyEntity {
  @PrimaryColumn('varchar', { length: 36 }) caseId: string;
  @PrimaryColumn('varchar', { length: 36 }) userId: string;
  @PrimaryColumn('varchar', { length: 16 }) duty: Duty;
  @Column({ type: Date }) firstAt: Date;
}
