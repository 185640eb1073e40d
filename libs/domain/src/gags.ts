import type { IsoDate } from './deadlines/iso-date';
import { RequestType, STATUTORY_GAGS } from './request-types';
import type { CaseScope } from './scope';

/**
 * Nondisclosure ("gag") in force on a case. Two kinds (domain.md § 9):
 * - statutory: a National Security Letter (18 U.S.C. § 2709(c)) or a FISA order (50 U.S.C. § 1861(d)) binds by law,
 *   with or without a date, until a recorded event lifts it (a court order, or the government's notice);
 * - ordered: a court's nondisclosure order with an end date: CalECPA delayed notice for electronic information
 *   (Penal Code § 1546.2(b)), or another order's own terms. § 1546.2(b) is not a gag for every court order.
 */
export const NONDISCLOSURE_BASES = ['calecpa_delayed_notice', 'court_order'] as const;
export type NondisclosureBasis = (typeof NONDISCLOSURE_BASES)[number];

export const GAG_LIFT_KINDS = ['court_order', 'government_notice'] as const;
export type GagLiftKind = (typeof GAG_LIFT_KINDS)[number];

export const CALECPA_CITATION = 'Penal Code § 1546.2(b)';
/** Request types that can carry CalECPA process (a warrant or order for electronic communication information). */
export const CALECPA_REQUEST_TYPES: readonly RequestType[] = ['court_order', 'search_warrant'];
/** Record types that are electronic communication information a library holds (PC sessions, search logs). */
export const ELECTRONIC_RECORD_TYPES = ['sessions', 'searches'] as const;

export interface GagFacts {
  requestType: RequestType;
  nondisclosureUntil: IsoDate | null;
  nondisclosureBasis?: NondisclosureBasis | null;
  gagLift?: { kind: GagLiftKind; liftedOn: IsoDate } | null;
}

export interface GagState {
  active: boolean;
  kind: 'statutory' | 'ordered';
  citation: string;
  text: string;
  /** The order's end date (ordered gags); null for a statutory gag, which has none. */
  until: IsoDate | null;
  /** How it ends: a recorded lifting event, or the order's date. */
  endsBy: 'recorded_event' | 'date';
  lifted: { kind: GagLiftKind; liftedOn: IsoDate } | null;
}

function orderedCitation(basis: NondisclosureBasis | null | undefined): string {
  if (basis === 'calecpa_delayed_notice') return CALECPA_CITATION;
  return "the court's nondisclosure order (its own terms)";
}

/** The gag on a case, or null when there has never been one. */
export function gagState(facts: GagFacts, today: IsoDate): GagState | null {
  const statutory = STATUTORY_GAGS[facts.requestType];
  const lifted = facts.gagLift ?? null;
  if (statutory) {
    return { active: lifted === null, kind: 'statutory', citation: statutory.citation, text: statutory.text, until: null, endsBy: 'recorded_event', lifted };
  }
  if (facts.nondisclosureUntil === null) return null;
  const citation = orderedCitation(facts.nondisclosureBasis);
  return {
    active: lifted === null && facts.nondisclosureUntil >= today,
    kind: 'ordered',
    citation,
    text: `Tell no one of the request, the patron included, through ${facts.nondisclosureUntil} (${citation}).`,
    until: facts.nondisclosureUntil,
    endsBy: 'date',
    lifted,
  };
}

export function isGagged(facts: GagFacts, today: IsoDate): boolean {
  return gagState(facts, today)?.active === true;
}

/** Why patron notice is refused today, or null when it may be given. */
export function patronNoticeBlock(facts: GagFacts, today: IsoDate): string | null {
  const gag = gagState(facts, today);
  if (!gag?.active) return null;
  return gag.kind === 'statutory'
    ? `Patron notice is barred by ${gag.citation} until the gag is lifted by a recorded court order or government notice`
    : `A nondisclosure order forbids notice to the patron until ${gag.until} (${gag.citation})`;
}

/** CalECPA delayed notice applies only to electronic information sought by a warrant or order (Penal Code § 1546 et seq.). */
export function calecpaProblem(requestType: RequestType, scope: Pick<CaseScope, 'recordTypes'>): string | null {
  if (!CALECPA_REQUEST_TYPES.includes(requestType)) return `CalECPA delayed notice (${CALECPA_CITATION}) applies to a warrant or court order, not to a ${requestType}`;
  if (!scope.recordTypes.some((t) => (ELECTRONIC_RECORD_TYPES as readonly string[]).includes(t))) {
    return `CalECPA delayed notice (${CALECPA_CITATION}) concerns electronic information: the scope names no ${ELECTRONIC_RECORD_TYPES.join(' or ')} records`;
  }
  return null;
}
