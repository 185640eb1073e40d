import type { RequestType } from '../request-types';
import type { CaseClockFacts, ClockFact } from './case-facts';
import type { DayCounting, DeadlineKind, DeadlineRuleMeta } from './deadline-types';
import type { DeadlineSettings } from './deadline-settings';

export const CLOCK_NAMES = [
  'cpra_determination',
  'search_warrant_expiry',
  'instrument_compliance',
  'evidence_code_1560_criminal',
  'evidence_code_1560_civil',
  'preservation_hold',
  'nondisclosure_lapse',
  'legal_review_target',
  'director_approval_target',
] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

export function isClockName(value: unknown): value is ClockName {
  return typeof value === 'string' && (CLOCK_NAMES as readonly string[]).includes(value);
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
  excludeStartDay: boolean;
  rollForwardPastHolidays: boolean;
  days: (settings: DeadlineSettings) => number;
  maxExtensionDays?: (settings: DeadlineSettings) => number;
  extensionCitation?: string;
  /** Off unless settings turn it on (counsel questions). */
  enabled?: (settings: DeadlineSettings) => boolean;
  /** Applies to any request type when the facts call for it (an emergency flag, a nondisclosure date). */
  alsoWhen?: (facts: CaseClockFacts) => boolean;
  /** Why the clock is set up the way it is, for readers of the catalogue and the UI. */
  note: string;
}

export const CLOCKS: Record<ClockName, ClockDefinition> = {
  cpra_determination: {
    clock: 'cpra_determination',
    label: 'Public-records determination',
    citation: 'Gov. Code § 7922.535(a)',
    kind: 'respond_by',
    startsFrom: 'receipt of the request',
    startFacts: ['receivedAt'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    excludeStartDay: true,
    rollForwardPastHolidays: true,
    days: (s) => s.cpraDeterminationDays,
    maxExtensionDays: (s) => s.cpraMaxExtensionDays,
    extensionCitation: 'Gov. Code § 7922.535(b) (unusual circumstances; written notice with reasons and the expected date)',
    note: 'Counted in calendar days, as practised. One extension only; the notice must give reasons and the date a determination is expected (the extended due date).',
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
    excludeStartDay: true,
    rollForwardPastHolidays: false,
    days: (s) => s.searchWarrantValidityDays,
    note: 'Runs from issuance, not receipt. Not moved past weekends: a warrant is never treated as valid longer than its ten days.',
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
    citation: 'Penal Code § 1546.2(b) (up to 90 days at a time, renewable)',
    kind: 'lapses',
    startsFrom: 'the end date named in the nondisclosure order',
    startFacts: ['nondisclosureUntil'],
    whenStartMissing: 'missing_fact',
    counting: 'calendar',
    excludeStartDay: true,
    rollForwardPastHolidays: false,
    days: () => 0,
    alsoWhen: (facts) => facts.nondisclosureUntil != null,
    note: 'No patron notice goes out until this date has passed; the date is the court’s and never moves.',
  },
  legal_review_target: {
    clock: 'legal_review_target',
    label: 'Legal review target',
    citation: 'Library procedure (internal target, configurable)',
    kind: 'target',
    startsFrom: 'submission of intake',
    startFacts: ['submittedAt'],
    whenStartMissing: 'not_started',
    counting: 'court',
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
    counting: 'court',
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
  public_records: ['cpra_determination', ...INTERNAL_TARGETS],
  internal: INTERNAL_TARGETS,
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
