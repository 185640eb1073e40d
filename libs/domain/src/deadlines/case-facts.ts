import type { RequestType } from '../request-types';
import type { ClockName } from './clock-catalogue';
import type { DeadlineExtension, DeadlinePause } from './deadline-types';
import type { DateInput } from './local-date';

/** The facts of a case that clocks run from. Date-times need a UTC offset; plain dates are local dates. */
export interface CaseClockFacts {
  requestType: RequestType;
  receivedAt: DateInput;
  /** A request through the city's records portal: the city's receipt starts the public-records clock. */
  cityReceivedAt?: DateInput | null;
  instrument?: { issuedAt?: DateInput | null; complianceDate?: DateInput | null } | null;
  emergency?: boolean;
  nondisclosureUntil?: DateInput | null;
  /** When the preservation hold was placed; receipt is used until then. */
  preservationHoldPlacedAt?: DateInput | null;
  /** Intake submitted: starts the legal-review target. */
  submittedAt?: DateInput | null;
  /** Review completed: starts the director-approval target. */
  reviewedAt?: DateInput | null;
  /** Case-wide pauses (needs_info); applied only to the clocks settings mark pausable. */
  pauses?: readonly DeadlinePause[];
  /** Extensions by clock, e.g. { cpra_determination: {...} } or a preservation-hold renewal. */
  extensions?: Partial<Record<ClockName, DeadlineExtension>>;
}

export const CLOCK_FACTS = [
  'receivedAt',
  'cityReceivedAt',
  'instrument.issuedAt',
  'instrument.complianceDate',
  'nondisclosureUntil',
  'preservationHoldPlacedAt',
  'submittedAt',
  'reviewedAt',
] as const;
export type ClockFact = (typeof CLOCK_FACTS)[number];

export function factValue(facts: CaseClockFacts, fact: ClockFact): DateInput | null {
  switch (fact) {
    case 'instrument.issuedAt':
      return facts.instrument?.issuedAt ?? null;
    case 'instrument.complianceDate':
      return facts.instrument?.complianceDate ?? null;
    default:
      return facts[fact] ?? null;
  }
}
