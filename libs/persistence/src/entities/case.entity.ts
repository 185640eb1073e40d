import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { CaseScope, CaseState, Channel, RequestType } from '@custodian/domain';
import type { ClockExtensionRecord, GagLiftRecord, Instrument, NondisclosureBasis, Requester } from './case-details';

/** The case row is the state machine: workers check `status` and `pendingStep` before acting. */
@Entity('cases')
export class CaseEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 32, unique: true }) caseNumber: string;
  @Column('varchar', { length: 40 }) requestType: RequestType;
  @Column('varchar', { length: 32 }) status: CaseState;
  /** The queued step that will act on this case next (null when it waits for a person). */
  @Column('varchar', { length: 32, nullable: true }) pendingStep: string | null;
  @Column('varchar', { length: 32 }) channel: Channel;
  @Column({ type: Date }) receivedAt: Date;
  @Column('simple-json') requester: Requester;
  @Column('simple-json') instrument: Instrument;
  @Column('simple-json') scope: CaseScope;
  /** Scope after legal review (possibly narrowed); productions never go beyond it. */
  @Column('simple-json', { nullable: true }) approvedScope: CaseScope | null;
  @Column('varchar', { length: 10, nullable: true }) nondisclosureUntil: string | null;
  @Column('boolean', { default: false }) emergency: boolean;
  @Column('text', { default: '' }) summary: string;
  @Column('varchar', { length: 36, nullable: true }) intakeClerkId: string | null;
  @Column('varchar', { length: 36, nullable: true }) assignedAttorneyId: string | null;
  @Column('varchar', { length: 36, nullable: true }) reviewingAttorneyId: string | null;
  @Column('varchar', { length: 36, nullable: true }) assignedDirectorId: string | null;
  @Column('varchar', { length: 36, nullable: true }) decidingDirectorId: string | null;
  /** Something a person must look at, e.g. a production that failed verification. */
  @Column('text', { nullable: true }) alert: string | null;
  /** Spans the clocks stood still (needs_info), as {from, to?, reason}. */
  @Column('simple-json') clockPauses: { from: string; to?: string | null; reason: string }[];
  /** Extensions granted per clock, e.g. the one CPRA extension with its reason. */
  @Column('simple-json') clockExtensions: Record<string, ClockExtensionRecord>;
  /** The recorded event that lifted a statutory gag (NSL, FISA); such a gag binds until then, whatever date was typed. */
  @Column('simple-json', { nullable: true }) gagLift: GagLiftRecord | null;
  /** The law behind `nondisclosureUntil`: a CalECPA delayed-notice order (Penal Code § 1546.2) or another court order. */
  @Column('varchar', { length: 32, nullable: true }) nondisclosureBasis: NondisclosureBasis | null;
  /** The designee who may sign a public-records extension for the head of the agency (Gov. Code § 7922.535(b)). */
  @Column('varchar', { length: 36, nullable: true }) cpraDesigneeId: string | null;
  /** When the patron was told of the request; refused while a nondisclosure order runs. */
  @Column({ type: Date, nullable: true }) patronNotifiedAt: Date | null;
  @Column({ type: Date, nullable: true }) submittedAt: Date | null;
  @Column({ type: Date, nullable: true }) closedAt: Date | null;
  @Column({ type: Date, nullable: true }) recordsPurgedAt: Date | null;
  @VersionColumn() version: number;
  @Column({ type: Date }) createdAt: Date;
  @Column({ type: Date }) updatedAt: Date;
}
