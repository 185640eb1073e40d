import { ApiProperty } from '@nestjs/swagger';
import { RECORD_CLASSES } from '@custodian/domain';
import { Day, FreeForm, Int, Moment, NullableMoment, NullableText, OneOf, Text } from '../openapi/schema';

export class RecordClassScheduleView {
  @OneOf(RECORD_CLASSES, 'RecordClass') recordClass: string;
  @Text() label: string;
  @Text({ example: 'case closed' }) trigger: string;
  @Int({ description: 'The least the law lets the setting be' }) minimumDays: number;
  @Text() citation: string;
  @Text() note: string;
  @Text({ example: 'patronRecordsDays', description: 'The setting (PUT /api/settings/retention) that holds the days' }) setting: string;
  @Int() days: number;
  @Int() defaultDays: number;
}

export class RetentionScheduleView {
  @Text({ description: "The city's records-retention schedule these values implement" }) citySchedule: string;
  @ApiProperty({ type: [RecordClassScheduleView] }) classes: RecordClassScheduleView[];
}

export class PlannedCaseView {
  @Text({ format: 'uuid' }) caseId: string;
  @Text() caseNumber: string;
  @Int() items: number;
}

export class PurgeRuleView {
  @Int() days: number;
  @Text() citation: string;
  @Text() citySchedule: string;
  @Day({ description: 'Cases closed on or before this date are due' }) closedOnOrBefore: string;
}

export class PlannedClassView {
  @OneOf(['patron_records', 'documents', 'productions', 'letters', 'case_metadata']) recordClass: string;
  @Text() label: string;
  @ApiProperty({ type: PurgeRuleView }) rule: PurgeRuleView;
  @ApiProperty({ type: [PlannedCaseView] }) cases: PlannedCaseView[];
  @Int() items: number;
}

export class HoldRefView {
  @OneOf(['legal', 'preservation']) kind: 'legal' | 'preservation';
  @Text({ format: 'uuid' }) id: string;
}

export class BlockedCaseView {
  @Text({ format: 'uuid' }) caseId: string;
  @Text() caseNumber: string;
  @ApiProperty({ type: [String] }) classes: string[];
  @ApiProperty({ type: [HoldRefView] }) holds: HoldRefView[];
}

export class AuditEventsRuleView {
  @Int() days: number;
  @Text() citation: string;
  @ApiProperty({ enum: [0] }) purged: 0;
  @Text() note: string;
}

/** What a purge would delete on `today`, per class, and which due cases holds keep. */
export class PurgePlanContentView {
  @Day() today: string;
  @ApiProperty({ type: [PlannedClassView] }) classes: PlannedClassView[];
  @ApiProperty({ type: [BlockedCaseView] }) blocked: BlockedCaseView[];
  @ApiProperty({ type: AuditEventsRuleView }) auditEvents: AuditEventsRuleView;
}

export class PurgePlanView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(['proposed', 'approved', 'executed', 'superseded'], 'PurgePlanStatus') status: 'proposed' | 'approved' | 'executed' | 'superseded';
  @Moment() createdAt: Date;
  @NullableText({ format: 'uuid' }) createdById: string | null;
  @NullableText({ format: 'uuid' }) approvedById: string | null;
  @NullableMoment() approvedAt: Date | null;
  @NullableMoment() executedAt: Date | null;
  @ApiProperty({ type: PurgePlanContentView }) plan: PurgePlanContentView;
  @FreeForm('What the executed purge deleted, as the certificate PDF states it', { nullable: true }) certificate: unknown;
  @NullableText() certificateSha256: string | null;
}

export class PurgePlanListView {
  @ApiProperty({ type: [PurgePlanView], description: 'Newest first' }) items: PurgePlanView[];
}

export class LegalHoldView {
  @Text({ format: 'uuid' }) id: string;
  @Text({ format: 'uuid' }) caseId: string;
  @Text() reason: string;
  @Text({ format: 'uuid' }) placedById: string;
  @Moment() placedAt: Date;
  @NullableMoment() releasedAt: Date | null;
  @NullableText({ format: 'uuid' }) releasedById: string | null;
}

export class LegalHoldListView {
  @ApiProperty({ type: [LegalHoldView] }) items: LegalHoldView[];
}
