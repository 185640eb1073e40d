import { ApiProperty } from '@nestjs/swagger';
import { Flag, Int, Moment, NullableMoment, OneOf, Text } from '../openapi/schema';

export class PatronNoticeDecisionView {
  @Flag() allowed: boolean;
  @ApiProperty({ enum: ['NOT_APPLICABLE', 'NONDISCLOSURE_ORDER', 'STATUTORY_GAG', 'NO_PATRONS', 'STILL_IN_INTAKE'], nullable: true }) refusal: string | null;
  @Text() message: string;
  @Text() citation: string;
}

export class PatronNoticeRecordView {
  @Text({ format: 'uuid' }) id: string;
  @Text({ format: 'uuid' }) caseId: string;
  @OneOf(['mail', 'email', 'phone', 'in_person']) method: string;
  @Text({ format: 'date' }) sentOn: string;
  @Int() patrons: number;
  @Text({ format: 'uuid' }) recordedById: string;
  @Moment() recordedAt: Date;
}

export class PatronNoticeStatusView {
  @ApiProperty({ type: PatronNoticeDecisionView }) decision: PatronNoticeDecisionView;
  @Int() patrons: number;
  @NullableMoment() patronNotifiedAt: Date | null;
  @Flag({ description: 'The records were purged: no letters can be made' }) recordsPurged: boolean;
  @ApiProperty({ type: [PatronNoticeRecordView] }) notices: PatronNoticeRecordView[];
}
