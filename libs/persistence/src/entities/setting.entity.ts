import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Admin-editable settings (counsel rule choices, city holidays, internal targets); each change is audited. */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn('varchar', { length: 64 }) key: string;
  @Column('simple-json') value: unknown;
  @Column('varchar', { length: 36, nullable: true }) updatedById: string | null;
  @Column({ type: Date }) updatedAt: Date;
}
