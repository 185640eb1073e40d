import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPROVAL_REFUSALS, CASE_STATES, CHANNELS, CaseState, Channel, GAG_LIFT_KINDS, NONDISCLOSURE_BASES, REQUEST_TYPES, RequestType, VERIFICATION_METHODS,
  VerificationMethod,
} from '@custodian/domain';
import { Day, Flag, FreeForm, Int, MapOf, Moment, NullableDay, NullableInt, NullableMoment, NullableText, OneOf, Text, Texts } from '../../openapi/schema';
import { ScopeDto } from './scope.dto';

/**
 * What the case routes answer. The controllers declare these as their return types, so the compiler checks that
 * what the queries build has every field with its type, and the OpenAPI document (and the web app's types
 * generated from it) say the same.
 */

export const PRODUCTION_STATUSES = ['rendering', 'ready', 'failed'] as const;
export const LETTER_KINDS = ['denial', 'objection', 'needs_info', 'extension'] as const;
export const IMPORT_STATUSES = ['queued', 'validating', 'importing', 'completed', 'failed'] as const;
export const DOCUMENT_KINDS = ['instrument', 'consent', 'requester_id', 'correspondence', 'court_filing', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export class PersonView {
  @Text({ format: 'uuid' }) id: string;
  @Text({ example: 'Maria Lopez' }) displayName: string;
  @Text({ example: 'Senior Librarian' }) title: string;
}

export class RequesterView {
  @Text({ example: 'Det. A. Ruiz' }) name: string;
  @NullableText({ required: false, example: 'Palm Desert Police' }) agency?: string | null;
  @NullableText({ required: false }) email?: string | null;
  @NullableText({ required: false }) phone?: string | null;
  @NullableText({ required: false }) address?: string | null;
  @NullableText({ required: false }) badgeNumber?: string | null;
  @NullableText({ required: false }) barNumber?: string | null;
  @OneOf(VERIFICATION_METHODS, 'VerificationMethod') verification: VerificationMethod;
  @NullableText({ required: false }) verificationNote?: string | null;
}

export class InstrumentView {
  @NullableText({ required: false }) issuedBy?: string | null;
  @NullableText({ required: false }) judge?: string | null;
  @NullableText({ required: false }) docketNumber?: string | null;
  @NullableDay({ required: false }) issuedAt?: string | null;
  @NullableDay({ required: false }) complianceDate?: string | null;
  @NullableText({ required: false }) consentingCardNumber?: string | null;
  @NullableText({ required: false }) description?: string | null;
  @NullableText({ required: false }) cityPortalNumber?: string | null;
  @NullableText({ required: false, format: 'date-time' }) cityReceivedAt?: string | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) electronicRecords?: boolean | null;
}

export class TimeLeftView {
  @Int({ description: 'Negative once overdue', example: 2 }) days: number;
  @OneOf(['working_days', 'days']) unit: 'working_days' | 'days';
  @Text({ example: 'due in 2 working days' }) phrase: string;
}

export class NextDeadlineView {
  @Text({ example: 'cpra_determination' }) clock: string;
  @Text({ example: 'CPRA determination' }) label: string;
  @Day() dueDate: string;
  @ApiProperty({ type: TimeLeftView, nullable: true }) timeLeft: TimeLeftView | null;
}

export class CalendarNameView {
  @Text({ example: 'City closures' }) name: string;
  @Text() citation: string;
}

export class SkippedDayView {
  @Day() date: string;
  @Text({ example: 'Saturday' }) reason: string;
  @Texts({ example: ['weekend'] }) kinds: string[];
  @OneOf(['counting', 'roll_forward']) phase: 'counting' | 'roll_forward';
}

export class PauseSummaryView {
  @Day() from: string;
  @NullableDay() to: string | null;
  @Text() reason: string;
  @Flag() open: boolean;
  @Int() daysNotCounted: number;
}

export class ExtensionSummaryView {
  @Int() requestedDays: number;
  @Int() grantedDays: number;
  @Int() maxDays: number;
  @Flag() capped: boolean;
  @Text() reason: string;
  @Day() grantedOn: string;
  @NullableText() citation: string | null;
  @NullableDay() dueDateWithoutExtension: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) grantedWithinOriginalPeriod: boolean | null;
}

/** How a deadline was counted, step by step, with the rule and its citation. */
export class DeadlineExplanationView {
  @ApiProperty({ type: CalendarNameView }) calendar: CalendarNameView;
  @Day() start: string;
  @Text() startInput: string;
  @Text({ example: 'receipt' }) startsFrom: string;
  @Text({ example: 'America/Los_Angeles' }) timeZone: string;
  @Text({ example: '10 calendar days from receipt' }) rule: string;
  @Text({ example: 'Gov. Code § 7922.535(a)' }) citation: string;
  @OneOf(['calendar', 'court', 'working']) counting: 'calendar' | 'court' | 'working';
  @Int() baseDays: number;
  @Int() daysAdded: number;
  @Int() daysCounted: number;
  @Flag() excludedStartDay: boolean;
  @NullableDay() lastCountedDay: string | null;
  @Flag() rolledForward: boolean;
  @ApiProperty({ type: [SkippedDayView] }) skipped: SkippedDayView[];
  @ApiProperty({ type: [PauseSummaryView] }) pauses: PauseSummaryView[];
  @ApiProperty({ type: ExtensionSummaryView, nullable: true }) extension: ExtensionSummaryView | null;
  @Texts() steps: string[];
}

export class DeadlineView {
  @Text({ example: 'cpra_determination' }) clock: string;
  @Text() label: string;
  @NullableDay({ description: 'Null while an open pause stops the clock' }) dueDate: string | null;
  @OneOf(['open', 'paused', 'met', 'lapsed'], 'DeadlineStatus') status: 'open' | 'paused' | 'met' | 'lapsed';
  @ApiProperty({ type: TimeLeftView, nullable: true }) timeLeft: TimeLeftView | null;
  @ApiProperty({ type: DeadlineExplanationView, nullable: true }) explanation: DeadlineExplanationView | null;
  @Moment() computedAt: Date;
}

export class ContradictionView {
  @Text({ example: 'REQUIRED_ITEM_UNSATISFIED' }) code: string;
  @Text() message: string;
  @Text({ example: 'Gov. Code § 7927.105(c)(3)' }) citation: string;
  @Text({ required: false }) checklistKey?: string;
}

export class ReviewView {
  @Text({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ type: PersonView }) attorney?: PersonView;
  @MapOf({ type: 'boolean' }, { example: { signed_by_magistrate: true } }) checklist: Record<string, boolean>;
  @OneOf(['sufficient', 'insufficient', 'needs_info'], 'Sufficiency') sufficiency: 'sufficient' | 'insufficient' | 'needs_info';
  @OneOf(['fulfil', 'partial', 'deny'], 'Recommendation') recommendation: 'fulfil' | 'partial' | 'deny';
  @Texts({ example: ['NO_LEGAL_BASIS'] }) reasons: string[];
  @ApiProperty({ type: ScopeDto, nullable: true, description: 'The narrowed scope, when the review narrowed it' }) scope: ScopeDto | null;
  @NullableText() cureRequest: string | null;
  @ApiProperty({ type: [ContradictionView], nullable: true }) contradictions: ContradictionView[] | null;
  @NullableText() overrideReason: string | null;
  @NullableText({ description: 'Null for readers other than attorneys and directors' }) memo: string | null;
  @Flag({ required: false, description: 'True when a memo exists but the reader may not see it' }) memoWithheld?: boolean;
  @Moment() createdAt: Date;
}

export class DecisionView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(['approve', 'deny'], 'DecisionKind') decision: 'approve' | 'deny';
  @Text() note: string;
  @ApiProperty({ type: [String], nullable: true }) reasons: string[] | null;
  @ApiPropertyOptional({ type: PersonView }) director?: PersonView;
  @Moment() createdAt: Date;
}

/** Whether approval is possible today, and on what (the gate the decision route and the worker apply). */
export class ApprovalView {
  @Flag() allowed: boolean;
  @NullableText({ format: 'uuid', description: 'The review an approval would rest on' }) reviewId: string | null;
  @ApiPropertyOptional({ type: ScopeDto, description: 'When allowed: the scope an approval would release' }) scope?: ScopeDto;
  @Flag({ required: false }) narrowed?: boolean;
  @OneOf(Object.keys(APPROVAL_REFUSALS), undefined, { required: false, description: 'When refused: why' }) code?: string;
  @Text({ required: false }) message?: string;
  @Text({ required: false }) citation?: string;
}

export class SentBackView {
  @Text({ format: 'uuid' }) id: string;
  @NullableText({ format: 'uuid' }) reviewId: string | null;
  @ApiPropertyOptional({ type: PersonView }) director?: PersonView;
  @Text() reason: string;
  @Moment() createdAt: Date;
}

export class GagLiftedView {
  @OneOf(GAG_LIFT_KINDS) kind: string;
  @Day() liftedOn: string;
}

export class GagView {
  @Flag() active: boolean;
  @OneOf(['statutory', 'ordered']) kind: 'statutory' | 'ordered';
  @Text() citation: string;
  @Text() text: string;
  @NullableDay({ description: "The order's end date; null for a statutory gag" }) until: string | null;
  @OneOf(['recorded_event', 'date']) endsBy: 'recorded_event' | 'date';
  @ApiProperty({ type: GagLiftedView, nullable: true }) lifted: GagLiftedView | null;
}

export class ProductionView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(PRODUCTION_STATUSES, 'ProductionStatus') status: (typeof PRODUCTION_STATUSES)[number];
  @Int({ description: 'Percent rendered', example: 100 }) progress: number;
  @NullableText() sha256: string | null;
  @NullableInt() bytes: number | null;
  @NullableInt() pages: number | null;
  @NullableText({ example: 'PDPL-000001' }) batesFirst: string | null;
  @NullableText({ example: 'PDPL-000042' }) batesLast: string | null;
  @FreeForm('What the production holds: patrons, record types and counts, withholdings (as rendered on its manifest page)', { nullable: true }) manifest: unknown;
  @NullableText() failure: string | null;
  @Moment() createdAt: Date;
  @NullableMoment() completedAt: Date | null;
}

export class LetterView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(LETTER_KINDS, 'LetterKind') kind: (typeof LETTER_KINDS)[number];
  @Text() reference: string;
  @Text() sha256: string;
  @Int() bytes: number;
  @Moment() createdAt: Date;
}

export class CaseDocumentView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(DOCUMENT_KINDS, 'DocumentKind') kind: DocumentKind;
  @Text({ example: 'warrant.pdf' }) filename: string;
  @Text({ example: 'application/pdf', description: 'Sniffed from the bytes' }) mediaType: string;
  @Text() sha256: string;
  @Int() size: number;
  @Moment() createdAt: Date;
}

export class ImportIssueView {
  @NullableText({ example: 'issues' }) table: string | null;
  @NullableInt() row: number | null;
  @NullableInt() line: number | null;
  @NullableText({ example: 'issuedate' }) field: string | null;
  @Text({ example: 'expected a date' }) message: string;
}

export class ImportFileView {
  @Text() filename: string;
  @OneOf(['json', 'csv']) format: 'json' | 'csv';
  @NullableText() table: string | null;
  @Int() bytes: number;
}

export class RecordImportView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(IMPORT_STATUSES, 'ImportStatus') status: (typeof IMPORT_STATUSES)[number];
  @OneOf(['json', 'csv']) format: 'json' | 'csv';
  @NullableText() table: string | null;
  @Text() filename: string;
  @Int() bytes: number;
  @Int() bytesRead: number;
  @Int({ description: 'Percent of the bytes read' }) progress: number;
  @Int() rowsRead: number;
  @Int() rowsImported: number;
  @Int() errorCount: number;
  @ApiProperty({ type: [ImportIssueView], nullable: true }) errors: ImportIssueView[] | null;
  @Int() warningCount: number;
  @ApiProperty({ type: [ImportIssueView] }) warnings: ImportIssueView[];
  @Int({ description: 'Rows waiting for a borrowers file (re-checked when one arrives)' }) pendingRows: number;
  @Int({ description: "Rows that are no one's (never produced)" }) notAttributableRows: number;
  @ApiProperty({ type: [ImportFileView] }) files: ImportFileView[];
  @Moment() createdAt: Date;
  @NullableMoment() completedAt: Date | null;
}

export class PreservationHoldView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(['active', 'released', 'expired']) status: 'active' | 'released' | 'expired';
  @Moment() placedAt: Date;
  @Day() expiresOn: string;
  @Int() renewals: number;
  @NullableMoment() releasedAt: Date | null;
}

export class AssignmentsView {
  @ApiPropertyOptional({ type: PersonView }) intakeClerk?: PersonView;
  @ApiPropertyOptional({ type: PersonView }) assignedAttorney?: PersonView;
  @ApiPropertyOptional({ type: PersonView }) reviewingAttorney?: PersonView;
  @ApiPropertyOptional({ type: PersonView }) assignedDirector?: PersonView;
  @ApiPropertyOptional({ type: PersonView }) decidingDirector?: PersonView;
}

/** The fields every case answer starts with (list entry and full case). */
export class CaseHeadView {
  @Text({ format: 'uuid' }) id: string;
  @Text({ example: 'PR-2026-0042' }) caseNumber: string;
  @OneOf(REQUEST_TYPES, 'RequestType') requestType: RequestType;
  @OneOf(CASE_STATES, 'CaseState') status: CaseState;
  @NullableText({ description: 'The worker step queued or running on the case', example: 'intake' }) pendingStep: string | null;
  @NullableText({ format: 'uuid' }) assignedAttorneyId: string | null;
  @NullableText({ format: 'uuid' }) assignedDirectorId: string | null;
  @Moment() receivedAt: Date;
  @Text() requesterName: string;
  @NullableText() agency: string | null;
  @Flag() emergency: boolean;
  @NullableDay() nondisclosureUntil: string | null;
  @NullableMoment() submittedAt: Date | null;
  @NullableMoment() closedAt: Date | null;
  @Moment() updatedAt: Date;
}

export class CaseSummaryView extends CaseHeadView {
  @NullableDay({ description: 'The earliest open due date' }) nextDue: string | null;
  @ApiProperty({ type: NextDeadlineView, nullable: true, description: 'The earliest open deadline, named, with how long is left' }) nextDeadline: NextDeadlineView | null;
  @ApiProperty({ enum: ['approve', 'deny'], nullable: true }) decision: 'approve' | 'deny' | null;
  @NullableMoment() decidedAt: Date | null;
}

export class CasePageView {
  @ApiProperty({ type: [CaseSummaryView] }) items: CaseSummaryView[];
  @Int({ example: 1 }) total: number;
  @Int({ example: 1 }) page: number;
  @Int({ example: 50 }) pageSize: number;
}

/** The full case (an audited read). */
export class CaseDetailView extends CaseHeadView {
  @OneOf(CHANNELS, 'Channel') channel: Channel;
  @ApiProperty({ type: RequesterView }) requester: RequesterView;
  @ApiProperty({ type: InstrumentView }) instrument: InstrumentView;
  @ApiProperty({ type: ScopeDto }) scope: ScopeDto;
  @ApiProperty({ type: ScopeDto, nullable: true }) approvedScope: ScopeDto | null;
  @Text() summary: string;
  @NullableText({ description: 'Why a step failed or what needs attention' }) alert: string | null;
  @Int() version: number;
  @Flag() underNondisclosure: boolean;
  @ApiProperty({ type: GagView, nullable: true }) gag: GagView | null;
  @ApiProperty({ enum: NONDISCLOSURE_BASES, nullable: true }) nondisclosureBasis: string | null;
  @NullableText({ format: 'uuid' }) cpraDesigneeId: string | null;
  @NullableMoment() patronNotifiedAt: Date | null;
  @ApiProperty({ type: AssignmentsView }) assignments: AssignmentsView;
  @ApiProperty({ type: [DeadlineView] }) deadlines: DeadlineView[];
  @ApiProperty({ type: [ReviewView] }) reviews: ReviewView[];
  @ApiProperty({ type: DecisionView, nullable: true }) decision: DecisionView | null;
  @ApiProperty({ type: ApprovalView, nullable: true, description: 'While awaiting approval: whether approval is possible and on what' }) approval: ApprovalView | null;
  @ApiProperty({ type: [SentBackView] }) sentBack: SentBackView[];
  @ApiProperty({ type: PersonView, nullable: true }) cpraDesignee: PersonView | null;
  @ApiProperty({ type: ProductionView, nullable: true }) production: ProductionView | null;
  @ApiProperty({ type: [LetterView] }) letters: LetterView[];
  @ApiProperty({ type: [CaseDocumentView] }) documents: CaseDocumentView[];
  @ApiProperty({ type: [RecordImportView] }) recordImports: RecordImportView[];
  @ApiProperty({ type: [PreservationHoldView] }) preservationHolds: PreservationHoldView[];
}

export class StatusProductionView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(PRODUCTION_STATUSES, 'ProductionStatus') status: (typeof PRODUCTION_STATUSES)[number];
  @Int() progress: number;
}

export class StatusImportView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(IMPORT_STATUSES, 'ImportStatus') status: (typeof IMPORT_STATUSES)[number];
  @Int() progress: number;
}

export class StatusLetterView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(LETTER_KINDS, 'LetterKind') kind: (typeof LETTER_KINDS)[number];
  @Text() reference: string;
}

/** Where a case stands, for polling (no case content). */
export class CaseStatusView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(CASE_STATES, 'CaseState') status: CaseState;
  @NullableText() pendingStep: string | null;
  @Int() version: number;
  @Moment() updatedAt: Date;
  @NullableText() alert: string | null;
  @ApiProperty({ type: StatusProductionView, nullable: true }) production: StatusProductionView | null;
  @ApiProperty({ type: [StatusImportView] }) imports: StatusImportView[];
  @ApiProperty({ type: [StatusLetterView] }) letters: StatusLetterView[];
}

export class CaseloadView {
  @MapOf({ type: 'integer' }, { description: 'Case state → count', example: { intake: 2, legal_review: 1 } }) byState: Record<string, number>;
  @MapOf({ type: 'integer' }, { description: 'Request type → count', example: { search_warrant: 3 } }) byRequestType: Record<string, number>;
  @Int() total: number;
}

