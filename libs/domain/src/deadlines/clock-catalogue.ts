import { RequestType, hasStatutoryGag } from '../request-types';
import type { CaseClockFacts, ClockFact } from './case-facts';
import type { DayCounting, DeadlineKind, DeadlineRuleMeta } from './deadline-types';
import type { DeadlineSettings } from './deadline-settings';
import type { CalendarKind } from './calendars';

export const CLOCK_NAMES = [
  'cpra_determination',
  'cpra_extension_notice',
  'search_warrant_expiry',
  'federal_warrant_expiry',
  'instrument_compliance',
  'evidence_code_1560_criminal',
  'evidence_code_1560_civil',
  'preservation_hold',
  'nondisclosure_lapse',
  'rule45_objections',
  'emergency_review_target',
  'legal_review_target',
  'director_approval_target',
] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

export function isClockName(value: unknown): value is ClockName {
  return (CLOCK_NAMES as readonly unknown[]).includes(value);
}

export interface ClockDefinition {
  clock: ClockName;
  label: string;
  citation: string;
  kind: DeadlineKind;
  startsFrom: string;
  /** Facts the clock may start from, first present wins. */
  startFacts: readonly ClockFact[];
  /** 'not_started' when a missing start means the step has not happened yet, not a gap in intake. */
  whenStartMissing: 'missing_fact' | 'not_started';
  counting: DayCounting;
  /** Court days for court-facing deadlines, the city's closure calendar for the library's own (domain.md § 8). */
  calendar: CalendarKind;
  excludeStartDay: boolean;
  rollForwardPastHolidays: boolean;
  days: (settings: DeadlineSettings) => number;
  maxExtensionDays?: (settings: DeadlineSettings) => number;
  extensionCitation?: string;
  /** Off unless settings turn it on (counsel questions). */
  enabled?: (settings: DeadlineSettings) => boolean;
  /** Applies to any request type when the facts call for it (an emergency flag, a nondisclosure date). */
  alsoWhen?: (facts: CaseClockFacts) => boolean;
  /** The due date is never later than this fact (Rule 45: the earlier of the compliance date or 14 days). */
  capFact?: ClockFact;
  /** Why the clock is set up the way it is, for readers of the catalogue and the UI. */
  note: string;
}

export const CLOCKS: Record<ClockName, ClockDefinition> = {
  cpra_determination: {
    clock: 'cpra_determination',
    label: 'Public-records determination',
    citation: 'Gov. Code § 7922.535(a)',
    kind: 'respond_by',
    startsFrom: "receipt of the request (the city's receipt when it came through the city portal)",
    startFacts: ['cityReceivedAt', 'receivedAt'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'city',
    excludeStartDay: true,
    rollForwardPastHolidays: true,
    days: (s) => s.cpraDeterminationDays,
    maxExtensionDays: (s) => s.cpraMaxExtensionDays,
    extensionCitation: 'Gov. Code § 7922.535(b) (unusual circumstances; written notice with reasons and the expected date)',
    note: 'Counted in calendar days, as practised, from the city\'s receipt when the request came through the city portal. One extension only; the notice must give reasons and the date a determination is expected (the extended due date).',
  },
  cpra_extension_notice: {
    clock: 'cpra_extension_notice',
    label: 'Last day to give written notice of an extension',
    citation: 'Gov. Code § 7922.535(b)',
    kind: 'respond_by',
    startsFrom: "receipt of the request (the city's receipt when it came through the city portal)",
    startFacts: ['cityReceivedAt', 'receivedAt'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'city',
    excludeStartDay: true,
    rollForwardPastHolidays: true,
    days: (s) => s.cpraDeterminationDays,
    note: 'An extension is valid only if its written notice, from the head of the agency or a designee, is given within the 10 days; after this date no extension may be granted.',
  },
  search_warrant_expiry: {
    clock: 'search_warrant_expiry',
    label: 'Search warrant void if not executed by',
    citation: 'Penal Code § 1534(a)',
    kind: 'expires',
    startsFrom: 'issuance of the warrant',
    startFacts: ['instrument.issuedAt'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'court',
    excludeStartDay: true,
    rollForwardPastHolidays: false,
    days: (s) => s.searchWarrantValidityDays,
    note: 'Runs from issuance, not receipt. Not moved past weekends: a warrant is never treated as valid longer than its ten days.',
  },
  federal_warrant_expiry: {
    clock: 'federal_warrant_expiry',
    label: 'Federal warrant must be executed by',
    citation: 'Fed. R. Crim. P. 41(e)(2)(A)(i)',
    kind: 'expires',
    startsFrom: 'issuance of the warrant',
    startFacts: ['instrument.issuedAt'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'court',
    excludeStartDay: true,
    rollForwardPastHolidays: false,
    days: () => 14,
    note: 'The warrant names a time for execution of no more than 14 days; the date on the warrant governs when it is shorter.',
  },
  instrument_compliance: {
    clock: 'instrument_compliance',
    label: 'Compliance date stated on the instrument',
    citation: 'Date set by the order or subpoena itself (Code Civ. Proc. § 1985.3 for civil subpoenas)',
    kind: 'comply_by',
    startsFrom: 'the compliance date named in the instrument',
    startFacts: ['instrument.complianceDate'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'court',
    excludeStartDay: true,
    rollForwardPastHolidays: false,
    days: () => 0,
    note: 'The date on the paper; not moved, so any objection or motion is prepared in time for the stated date.',
  },
  evidence_code_1560_criminal: {
    clock: 'evidence_code_1560_criminal',
    label: 'Records custodian delivery (criminal action)',
    citation: 'Evid. Code § 1560(b)(1)',
    kind: 'comply_by',
    startsFrom: 'receipt of the subpoena',
    startFacts: ['receivedAt'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'court',
    excludeStartDay: true,
    rollForwardPastHolidays: true,
    days: (s) => s.evidenceCode1560CriminalDays,
    enabled: (s) => s.evidenceCode1560Enabled,
    note: 'Counsel question: whether § 1560 delivery applies to patron records that Gov. Code § 7927.105 bars releasing without a court order. Off by default, so no date suggests production is due.',
  },
  evidence_code_1560_civil: {
    clock: 'evidence_code_1560_civil',
    label: 'Records custodian delivery (civil action)',
    citation: 'Evid. Code § 1560(b)(2)',
    kind: 'comply_by',
    startsFrom: 'receipt of the subpoena',
    startFacts: ['receivedAt'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'court',
    excludeStartDay: true,
    rollForwardPastHolidays: true,
    days: (s) => s.evidenceCode1560CivilDays,
    enabled: (s) => s.evidenceCode1560Enabled,
    note: 'Counsel question, as for the criminal period. Off by default.',
  },
  preservation_hold: {
    clock: 'preservation_hold',
    label: 'Preservation hold lapses',
    citation: 'Industry practice: 90 days, renewable (ALA key concepts; cf. 18 U.S.C. § 2703(f)(2))',
    kind: 'lapses',
    startsFrom: 'placement of the preservation hold',
    startFacts: ['preservationHoldPlacedAt', 'receivedAt'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'city',
    excludeStartDay: true,
    rollForwardPastHolidays: false,
    days: (s) => s.preservationHoldDays,
    maxExtensionDays: (s) => s.preservationHoldDays,
    extensionCitation: 'Renewal for a further period (cf. 18 U.S.C. § 2703(f)(2))',
    alsoWhen: (facts) => facts.emergency === true,
    note: 'Records are kept, nothing is released, until a court order arrives or the hold lapses.',
  },
  nondisclosure_lapse: {
    clock: 'nondisclosure_lapse',
    label: 'Nondisclosure order lapses',
    citation: "The court's nondisclosure order (Penal Code § 1546.2(b) for CalECPA delayed notice: up to 90 days at a time, renewable)",
    kind: 'lapses',
    startsFrom: 'the end date named in the nondisclosure order',
    startFacts: ['nondisclosureUntil'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'court',
    excludeStartDay: true,
    rollForwardPastHolidays: false,
    days: () => 0,
    // A statutory gag (NSL, FISA) has no lapse date: a typed date must not announce that notice may now be given.
    alsoWhen: (facts) => facts.nondisclosureUntil != null && !hasStatutoryGag(facts.requestType),
    note: 'No patron notice goes out until this date has passed; the date is the court’s and never moves.',
  },
  rule45_objections: {
    clock: 'rule45_objections',
    label: 'Written objections to a federal subpoena due',
    citation: 'Fed. R. Civ. P. 45(d)(2)(B); Fed. R. Civ. P. 6(a)',
    kind: 'respond_by',
    startsFrom: 'service of the subpoena on the library',
    startFacts: ['receivedAt'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'court',
    excludeStartDay: true,
    rollForwardPastHolidays: true,
    days: () => 14,
    capFact: 'instrument.complianceDate',
    note: 'The earlier of the time set for compliance or 14 days after service; objections not served in time may be waived. Counsel answers federal process; Rule 6(a) rolls a last day that is a weekend or legal holiday forward.',
  },
  emergency_review_target: {
    clock: 'emergency_review_target',
    label: 'Emergency: same-day review by counsel',
    citation: 'Library procedure for emergency requests (Gov. Code § 7927.105 has no emergency exception)',
    kind: 'target',
    startsFrom: 'receipt of the emergency request',
    startFacts: ['receivedAt'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    calendar: 'city',
    excludeStartDay: true,
    rollForwardPastHolidays: false,
    days: () => 0,
    alsoWhen: (facts) => facts.emergency === true,
    note: 'Counsel sees an emergency request the day it arrives; records are preserved, nothing is released without a court order.',
  },
  legal_review_target: {
    clock: 'legal_review_target',
    label: 'Legal review target',
    citation: 'Library procedure (internal target, configurable)',
    kind: 'target',
    startsFrom: 'submission of intake',
    startFacts: ['submittedAt'],
    whenStartMissing: 'not_started',
    counting: 'working',
    calendar: 'city',
    excludeStartDay: true,
    rollForwardPastHolidays: true,
    days: (s) => s.legalReviewTargetCourtDays,
    note: 'A service goal, not a legal deadline.',
  },
  director_approval_target: {
    clock: 'director_approval_target',
    label: 'Director approval target',
    citation: 'Library procedure (internal target, configurable)',
    kind: 'target',
    startsFrom: 'completion of legal review',
    startFacts: ['reviewedAt'],
    whenStartMissing: 'not_started',
    counting: 'working',
    calendar: 'city',
    excludeStartDay: true,
    rollForwardPastHolidays: true,
    days: (s) => s.directorApprovalTargetCourtDays,
    note: 'A service goal, not a legal deadline.',
  },
};

const INTERNAL_TARGETS: readonly ClockName[] = ['legal_review_target', 'director_approval_target'];

/** The clocks each request type runs (domain.md §§ 2-3); fact-triggered clocks may join any type. */
export const CLOCKS_BY_REQUEST_TYPE: Record<RequestType, readonly ClockName[]> = {
  patron_consent: INTERNAL_TARGETS,
  court_order: ['instrument_compliance', ...INTERNAL_TARGETS],
  search_warrant: ['search_warrant_expiry', ...INTERNAL_TARGETS],
  civil_subpoena: ['instrument_compliance', 'evidence_code_1560_civil', ...INTERNAL_TARGETS],
  criminal_subpoena: ['instrument_compliance', 'evidence_code_1560_criminal', ...INTERNAL_TARGETS],
  national_security_letter: INTERNAL_TARGETS,
  fisa_order: INTERNAL_TARGETS,
  emergency: ['preservation_hold', ...INTERNAL_TARGETS],
  public_records: ['cpra_determination', 'cpra_extension_notice', ...INTERNAL_TARGETS],
  internal: INTERNAL_TARGETS,
  federal_search_warrant: ['federal_warrant_expiry', ...INTERNAL_TARGETS],
  sca_2703_process: ['instrument_compliance', ...INTERNAL_TARGETS],
  federal_administrative_subpoena: ['instrument_compliance', ...INTERNAL_TARGETS],
  immigration_administrative_warrant: INTERNAL_TARGETS,
  federal_civil_subpoena: ['instrument_compliance', 'rule45_objections', ...INTERNAL_TARGETS],
};

/** The rule meta computeDeadline needs, with the settings' numbers filled in. */
export function clockRuleMeta(definition: ClockDefinition, settings: DeadlineSettings): DeadlineRuleMeta {
  return {
    clock: definition.clock,
    label: definition.label,
    citation: definition.citation,
    kind: definition.kind,
    startsFrom: definition.startsFrom,
    ...(definition.maxExtensionDays && {
      maxExtensionDays: definition.maxExtensionDays(settings),
      extensionCitation: definition.extensionCitation,
    }),
  };
}
