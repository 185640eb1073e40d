import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATES, CaseState, REQUEST_TYPES, RequestType, URGENCIES, Urgency } from '@custodian/domain';
import { DeadlineExplanationView, TimeLeftView } from '../cases/dto/case.view';
import { Day, Int, OneOf, Text } from '../openapi/schema';

export class DueItemView {
  @Text({ format: 'uuid' }) caseId: string;
  @Text({ example: 'PR-2026-0042' }) caseNumber: string;
  @OneOf(REQUEST_TYPES, 'RequestType') requestType: RequestType;
  @OneOf(CASE_STATES, 'CaseState') status: CaseState;
  @Text({ example: 'cpra_determination' }) clock: string;
  @Text() label: string;
  @Day() dueDate: string;
  @OneOf(URGENCIES, 'Urgency') urgency: Urgency;
  @ApiProperty({ type: TimeLeftView, nullable: true }) timeLeft: TimeLeftView | null;
  @ApiProperty({ type: DeadlineExplanationView, nullable: true }) explanation: DeadlineExplanationView | null;
}

/** Open deadlines due by `until` or overdue, overdue first. */
export class DueListView {
  @Day() today: string;
  @Day() until: string;
  @ApiProperty({ type: [DueItemView] }) items: DueItemView[];
  @Int() total: number;
}
