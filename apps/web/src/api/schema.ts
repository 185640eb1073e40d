import type { components, paths } from './openapi';

/**
 * Names for the API's shapes as the screens use them. Every one is the generated OpenAPI schema (`openapi.d.ts`,
 * from `npm run openapi`), never restated here: when a server DTO changes, `npm run typecheck` points at the
 * screens that read it.
 */
type Schema = components['schemas'];

export type Role = Schema['Role'];
export type RequestType = Schema['RequestType'];
export type CaseState = Schema['CaseState'];
export type Channel = Schema['Channel'];
export type Verification = Schema['VerificationMethod'];
export type RecordType = Schema['RecordType'];
export type Urgency = Schema['Urgency'];
export type Sufficiency = Schema['Sufficiency'];
export type Recommendation = Schema['Recommendation'];
export type DocumentKind = Schema['DocumentKind'];
export type LetterKind = Schema['LetterKind'];

export type User = Schema['UserView'];
export type Me = Schema['ActorView'];
export type Session = Schema['SessionView'];
export type SecondFactorPending = Schema['SecondFactorPendingView'];
export type Person = Schema['PersonView'];
export type Scope = Schema['ScopeDto'];
export type CaseSummary = Schema['CaseSummaryView'];
export type CasePage = Schema['CasePageView'];
export type CaseStatus = Schema['CaseStatusView'];
export type CaseDetail = Schema['CaseDetailView'];
export type Caseload = Schema['CaseloadView'];
export type ReasonCodeEntry = Schema['ReasonCodeView'];
export type ReasonCodeTable = Record<string, ReasonCodeEntry>;
export type DeadlineExplanation = Schema['DeadlineExplanationView'];
export type TimeLeft = Schema['TimeLeftView'];
export type NextDeadline = Schema['NextDeadlineView'];
export type Deadline = Schema['DeadlineView'];
export type Contradiction = Schema['ContradictionView'];
export type Review = Schema['ReviewView'];
export type Decision = Schema['DecisionView'];
export type Production = Schema['ProductionView'];
export type Letter = Schema['LetterView'];
export type CaseDocument = Schema['CaseDocumentView'];
export type ImportIssue = Schema['ImportIssueView'];
export type RecordImport = Schema['RecordImportView'];
export type PreservationHold = Schema['PreservationHoldView'];
export type Assignments = Schema['AssignmentsView'];
export type CaseEvent = Schema['CaseEventView'];
export type DueItem = Schema['DueItemView'];
export type DueList = Schema['DueListView'];
export type ChecklistItem = Schema['ChecklistItemView'];
export type CounselQuestion = Schema['CounselQuestionView'];
export type Rule = Schema['RuleView'];
export type RuleTable = Record<string, Rule>;
export type Notification = Schema['NotificationView'];
export type AuditVerification = Schema['ChainVerificationView'];
export type Band = Schema['BandView'];
export type TransparencyRow = Schema['RequestRowView'];
export type NationalSecurityFigure = Schema['NationalSecurityFigureView'];
export type TransparencyReport = Schema['TransparencyReportView'];
export type ReleaseSummary = Schema['ReleaseSummaryView'];
export type Preferences = Schema['PreferencesView'];
export type SettingsView = Schema['SettingsView'];
export type RetentionSchedule = Schema['RetentionScheduleView'];
export type PurgePlan = Schema['PurgePlanView'];
export type PatronNoticeStatus = Schema['PatronNoticeStatusView'];
export type Delivery = Schema['DeliveryView'];

/** The transparency report's outcome columns, in the order the report prints them. */
export const OUTCOME_KEYS = ['produced_in_full', 'produced_in_part', 'produced_nothing', 'objected_or_denied', 'withdrawn', 'open'] as const satisfies readonly (keyof TransparencyRow['outcomes'])[];
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** The paths the client may GET (for screens that take a path as a prop). */
export type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];

/** The filters of GET /api/cases. */
export type CaseListQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;
export type DeliveryMethod = Schema['DeliveryMethod'];
export type PatronNoticeMethod = Schema['PatronNoticeDto']['method'];
export type ExtensionGround = Schema['ExtensionDto']['ground'];
export type CreateCaseBody = Schema['CreateCaseDto'];
export type ReviewBody = Schema['ReviewDto'];
export type GagLiftKind = Schema['GagLiftDto']['kind'];
export type SentBack = Schema['SentBackView'];
export type CreatedDelivery = Schema['DeliveryCreatedView'];
export type RetentionSettings = Schema['RetentionSettingsView'];
export type LegalHold = Schema['LegalHoldView'];
