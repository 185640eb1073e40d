import type { components } from './openapi';
/** Shapes of the Custodian HTTP API as the web workspace reads them (see /docs on the API). */

export type Role = 'clerk' | 'attorney' | 'director' | 'auditor' | 'admin';
export type RequestType =
  | 'patron_consent' | 'court_order' | 'search_warrant' | 'civil_subpoena' | 'criminal_subpoena'
  | 'national_security_letter' | 'fisa_order' | 'emergency' | 'public_records' | 'internal'
  | 'federal_search_warrant' | 'sca_2703_process' | 'federal_administrative_subpoena' | 'immigration_administrative_warrant' | 'federal_civil_subpoena';
export type CaseState = 'intake' | 'legal_review' | 'needs_info' | 'awaiting_approval' | 'fulfilling' | 'fulfilled' | 'denied' | 'closed' | 'withdrawn';
export type Channel = 'in_person' | 'mail' | 'email' | 'fax' | 'portal' | 'phone' | 'internal';
export type Verification = 'id_copied' | 'callback_published_number' | 'government_email' | 'court_record' | 'patron_id_checked' | 'not_verified';
export type RecordType = 'patron' | 'loans' | 'holds' | 'fines' | 'searches' | 'sessions';
export type Urgency = 'overdue' | 'due_today' | 'due_soon' | 'later';
export type Sufficiency = 'sufficient' | 'insufficient' | 'needs_info';
export type Recommendation = 'fulfil' | 'partial' | 'deny';
export type DocumentKind = 'instrument' | 'consent' | 'requester_id' | 'correspondence' | 'court_filing' | 'other';
export type LetterKind = 'denial' | 'objection' | 'needs_info' | 'extension';

export interface User {
  id: string;
  username: string;
  displayName: string;
  title: string;
  email?: string | null;
  roles: Role[];
  active?: boolean;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}

export interface Person {
  id: string;
  displayName: string;
  title: string;
}

export interface Requester {
  name: string;
  agency?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  badgeNumber?: string | null;
  barNumber?: string | null;
  verification: Verification;
  verificationNote?: string | null;
}

export interface Instrument {
  issuedBy?: string | null;
  judge?: string | null;
  docketNumber?: string | null;
  issuedAt?: string | null;
  complianceDate?: string | null;
  consentingCardNumber?: string | null;
  description?: string | null;
}

export interface Scope {
  cardNumbers: string[];
  from: string;
  to: string;
  recordTypes: RecordType[];
  includeContactDetails?: boolean;
}

export interface CaseSummary {
  id: string;
  caseNumber: string;
  requestType: RequestType;
  status: CaseState;
  pendingStep: string | null;
  assignedAttorneyId: string | null;
  assignedDirectorId: string | null;
  receivedAt: string;
  requesterName: string;
  agency: string | null;
  emergency: boolean;
  nondisclosureUntil: string | null;
  submittedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  nextDue: string | null;
  /** The earliest open deadline, named, with how long is left. */
  nextDeadline?: NextDeadline | null;
  /** The director's decision, once made. */
  decision: 'approve' | 'deny' | null;
  decidedAt: string | null;
}

/** GET /api/cases/:id/status: where a case stands, for polling while a step runs (not an audited read). */
export interface CaseStatus {
  id: string;
  status: CaseState;
  pendingStep: string | null;
  version: number;
  updatedAt: string;
  alert: string | null;
  production: { id: string; status: Production['status']; progress: number } | null;
  imports: { id: string; status: RecordImport['status']; progress: number }[];
  letters: { id: string; kind: LetterKind; reference: string }[];
}

/** GET /api/reports/caseload: counts of the cases the caller may see. */
export interface Caseload {
  byState: Partial<Record<CaseState, number>>;
  byRequestType: Partial<Record<RequestType, number>>;
  total: number;
}

export type ReasonLevel = 'case' | 'record' | 'field';

export interface ReasonCodeEntry {
  label: string;
  citation: string;
  levels: ReasonLevel[];
}

/** GET /api/reason-codes: every reason code with its label, citation and the levels it applies to. */
export type ReasonCodeTable = Record<string, ReasonCodeEntry>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SkippedDay {
  date: string;
  reason: string;
  phase: 'counting' | 'roll_forward';
}

export interface PauseSummary {
  from: string;
  to: string | null;
  reason: string;
  open?: boolean;
  daysNotCounted?: number;
}

export interface ExtensionSummary {
  requestedDays: number;
  grantedDays: number;
  maxDays: number;
  capped: boolean;
  reason: string;
  grantedOn: string;
  citation: string | null;
}

export interface DeadlineExplanation {
  kind?: string;
  start: string;
  startsFrom?: string;
  rule: string;
  citation: string;
  counting: 'calendar' | 'court' | 'working';
  /** The calendar the deadline was counted on, with its citation (court days or the city's closures). */
  calendar?: { name: string; citation: string };
  baseDays: number;
  daysAdded: number;
  daysCounted: number;
  skipped: SkippedDay[];
  pauses: PauseSummary[];
  extension: ExtensionSummary | null;
  steps: string[];
}

/** How long is left before a deadline, counted as its clock counts: "due in 2 working days", "3 days overdue". */
export interface TimeLeft {
  days: number;
  unit: 'working_days' | 'days';
  phrase: string;
}

export interface NextDeadline {
  clock: string;
  label: string;
  dueDate: string;
  timeLeft: TimeLeft | null;
}

export interface Deadline {
  clock: string;
  label: string;
  dueDate: string | null;
  status: 'open' | 'paused' | 'met';
  timeLeft?: TimeLeft | null;
  explanation: DeadlineExplanation | null;
}

export interface Contradiction {
  code: string;
  message: string;
  citation: string;
  checklistKey?: string;
}

export interface Review {
  id: string;
  attorney?: Person;
  checklist: Record<string, boolean>;
  sufficiency: Sufficiency;
  recommendation: Recommendation;
  reasons: string[];
  scope: Scope | null;
  cureRequest: string | null;
  contradictions: Contradiction[] | null;
  overrideReason: string | null;
  memo: string | null;
  memoWithheld?: boolean;
  createdAt: string;
}

export interface Decision {
  id: string;
  decision: 'approve' | 'deny';
  note: string;
  reasons: string[] | null;
  director?: Person;
  createdAt: string;
}

export interface Production {
  id: string;
  status: 'rendering' | 'ready' | 'failed';
  progress: number;
  sha256: string | null;
  bytes: number | null;
  pages: number | null;
  batesFirst: string | null;
  batesLast: string | null;
  manifest: unknown;
  failure: string | null;
  createdAt?: string;
  completedAt?: string | null;
}

export interface Letter {
  id: string;
  kind: LetterKind;
  reference: string;
  sha256?: string;
  bytes?: number;
  createdAt: string;
}

export interface CaseDocument {
  id: string;
  kind: DocumentKind;
  filename: string;
  mediaType: string;
  sha256: string;
  size: number;
  createdAt: string;
}

export interface ImportIssue {
  table: string | null;
  row: number | null;
  line: number | null;
  field: string | null;
  message: string;
}

export interface RecordImport {
  id: string;
  status: 'queued' | 'validating' | 'importing' | 'completed' | 'failed';
  format?: 'json' | 'csv';
  table?: string | null;
  filename?: string;
  progress: number;
  rowsRead: number;
  rowsImported: number;
  errorCount: number;
  errors: ImportIssue[] | null;
  createdAt?: string;
  completedAt?: string | null;
}

export interface PreservationHold {
  id: string;
  status: 'active' | 'released' | 'expired';
  placedAt: string;
  expiresOn: string;
  renewals: number;
  releasedAt: string | null;
}

export interface Assignments {
  intakeClerk?: Person;
  assignedAttorney?: Person;
  reviewingAttorney?: Person;
  assignedDirector?: Person;
  decidingDirector?: Person;
}

/** The full case (an audited read). Its `decision` is the whole decision, not the list entry's word. */
export interface CaseDetail extends Omit<CaseSummary, 'decision' | 'decidedAt' | 'nextDue' | 'nextDeadline'> {
  channel: Channel;
  requester: Requester;
  instrument: Instrument;
  scope: Scope;
  approvedScope: Scope | null;
  summary: string;
  alert: string | null;
  version: number;
  underNondisclosure: boolean;
  patronNotifiedAt?: string | null;
  /** The gag in force: statutory (NSL, FISA: until a recorded lift) or ordered (until its date). */
  gag?: { active: boolean; kind: 'statutory' | 'ordered'; citation: string; text: string; until: string | null; endsBy: 'recorded_event' | 'date'; lifted?: { kind: GagLiftKind; liftedOn: string } | null } | null;
  /** Each time a director returned the review to legal review, with the written reason. */
  sentBack?: SentBack[];
  /** Who may sign a public-records extension for the head of the agency (Gov. Code § 7922.535(b)). */
  cpraDesigneeId?: string | null;
  cpraDesignee?: Person | null;
  assignments: Assignments;
  deadlines: Deadline[];
  reviews: Review[];
  decision: Decision | null;
  production: Production | null;
  letters: Letter[];
  documents: CaseDocument[];
  recordImports: RecordImport[];
  preservationHolds: PreservationHold[];
}

export interface CaseEvent {
  seq: number;
  at: string;
  /** The username; `actorName` is the person's name. */
  actor: string | null;
  actorName?: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
}

export interface DueItem {
  caseId: string;
  caseNumber: string;
  requestType: RequestType;
  status: CaseState;
  clock: string;
  label: string;
  dueDate: string;
  urgency: Urgency;
  timeLeft?: TimeLeft | null;
  explanation: DeadlineExplanation | null;
}

export interface DueList {
  today: string;
  until: string;
  items: DueItem[];
  total: number;
}

export interface ChecklistItem {
  key: string;
  label: string;
  citation: string;
  required: boolean;
  supportingAnswer: boolean;
  /** Done after the review, at this step: the review does not ask for it. */
  checkedAt?: 'decision' | 'delivery';
}

export interface CounselQuestion {
  setting: string;
  question: string;
  citation: string;
  value: unknown;
}

export interface Rule {
  requestType: RequestType;
  label: string;
  basisForRelease: { text: string; citation: string } | null;
  releaseRoutes?: { text: string; citation: string; requires: string[] }[];
  checklist: ChecklistItem[];
  defaultRecommendation: Recommendation;
  defaultReasonCodes: string[];
  clocks: string[];
  counselQuestions: CounselQuestion[];
  notes?: string[];
  gagHandling?: { when: string; text: string; citation: string } | null;
}

export type RuleTable = Record<RequestType, Rule>;

export interface Notification {
  id: string;
  caseId: string | null;
  caseNumber?: string | null;
  kind: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  firstBroken: { seq: number; reason: string } | null;
}

export interface Band {
  band: string;
  low: number;
  high: number;
}

export const OUTCOME_KEYS = ['produced_in_full', 'produced_in_part', 'produced_nothing', 'objected_or_denied', 'withdrawn', 'open'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

export interface TransparencyRow {
  requestType: RequestType | 'total';
  label: string;
  received: number;
  outcomes: Record<OutcomeKey, number>;
  patronsAffected: number;
}

export interface ReportUnit<T> {
  from: string;
  to: string;
  status: 'reported' | 'period_not_over';
  figures: T;
}

export interface NationalSecurityFigure {
  key: string;
  label: string;
  requests: Band | null;
  patronsTargeted: Band | null;
  availableOn: string;
  status: 'reported' | 'publication_delay';
}

/** GET /api/reports/transparency: exact counts for ordinary requests, bands for national-security process. */
export interface TransparencyReport {
  period: { from: string; to: string; timeZone: string; start: string; end: string };
  generatedOn: string;
  filters: { requestTypes: RequestType[] | null };
  requests: { rows: TransparencyRow[]; total: TransparencyRow };
  responseTimes: { decided: number; medianDays: number | null; p90Days: number | null; buckets: { label: string; count: number }[] };
  preservationHolds: { placed: number; released: number };
  emergencyRequests: number;
  narrowedByCounsel: number;
  nondisclosureOrders: { counting: string; note: string; periods: ReportUnit<{ count: number | null; fewerThan: number | null }>[] };
  nationalSecurity: { option: string; citation: string; description: string; note: string; periods: ReportUnit<NationalSecurityFigure[]>[] };
  methodology: string;
  citations: string[];
}

/** GET /api/cases/:id/release-summary: what a production under the scope in force would release. */
export interface ReleaseSummary {
  scope: Scope;
  scopeSource: 'approved' | 'narrowed_by_review' | 'requested';
  rowsImported: number;
  parts: {
    recordType: RecordType;
    rowsImported: number;
    released: boolean;
    withheldBecause: { code: string; label: string; basis: string } | null;
    withheldFields: { code: string; label: string; basis: string; fields: string[] }[];
  }[];
}

/*
 * The shapes below come from the OpenAPI document (openapi.d.ts, `npm run openapi`), not restated by hand.
 */
type Schemas = components['schemas'];
export type GagLiftKind = Schemas['GagLiftedView']['kind'];
export type SentBack = Schemas['SentBackView'];
export type DeliveryMethod = Schemas['DeliveryMethod'];
/** One delivery of the production or the denial letter; a secure link's state travels with it. */
export type Delivery = Schemas['DeliveryView'];
/** POST /api/cases/:id/deliveries: for a secure link, the token is in this answer only. */
export type CreatedDelivery = Schemas['DeliveryCreatedView'];

/** GET/PUT /api/settings/retention: days kept per record class, by setting name. */
export type RetentionSettings = Record<string, number>;

/** A litigation hold (GET /api/cases/:id/legal-holds): while active, nothing of the case is purged. */
export type LegalHold = Schemas['LegalHoldView'];
