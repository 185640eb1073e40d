import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One link of the hash chain. Rows are append-only (database triggers refuse UPDATE and DELETE);
 * `hash` is an HMAC (key from configuration) of `prevHash` and the event's canonical content. Never holds patron data.
 */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryColumn('integer') seq: number;
  @Column({ type: Date }) at: Date;
  @Column('varchar', { length: 36, nullable: true }) actorId: string | null;
  @Column('varchar', { length: 64, nullable: true }) actorName: string | null;
  @Column('varchar', { length: 64 }) action: string;
  @Column('varchar', { length: 32 }) objectType: string;
  @Column('varchar', { length: 64, nullable: true }) objectId: string | null;
  @Index() @Column('varchar', { length: 36, nullable: true }) caseId: string | null;
  @Column('varchar', { length: 16 }) outcome: 'success' | 'denied' | 'failure';
  @Column('simple-json', { nullable: true }) details: Record<string, unknown> | null;
  @Column('varchar', { length: 64 }) prevHash: string;
  @Column('varchar', { length: 64 }) hash: string;
  /** `hmac-sha256` (keyed, since 1765600000000) or `sha256` (the unkeyed prefix of older databases). */
  @Column('varchar', { length: 16 }) alg: 'sha256' | 'hmac-sha256';
}
