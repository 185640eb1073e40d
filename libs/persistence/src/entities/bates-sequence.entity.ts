import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The next Bates number of one library prefix: one sequence per prefix, continuing across productions. */
@Entity('bates_sequences')
export class BatesSequenceEntity {
  @PrimaryColumn('varchar', { length: 12 }) prefix: string;
  @Column('integer') next: number;
}
