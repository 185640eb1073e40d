import type { ClockName } from '../deadlines/clock-catalogue';
import type { RecordType, RequestType } from '../request-types';
import type { ContradictionCode } from './contradiction-codes';
import type { ReasonCode } from './reason-codes';
import type { Recommendation } from './review-types';

export interface LegalBasis {
  text: string;
  citation: string;
}

/** One thing the reviewer confirms. Most read "is this so?"; a few ask a question whose good answer is no. */
export interface ChecklistItem {
  key: string;
  label: string;
  citation: string;
  required: boolean;
  /** The answer that supports release: true for "signed by a judge", false for "objection received?". */
  supportingAnswer: boolean;
  /**
   * Set on a duty that can only be done after the review (a determination sent, a disclosure logged): the step
   * where it happens. The review neither asks for it nor holds it against a "sufficient" finding.
   */
  checkedAt?: 'decision' | 'delivery';
}

/** A way a type with no basis of its own can still reach one: every listed checklist item satisfied. */
export interface ReleaseRoute {
  text: string;
  citation: string;
  requires: readonly string[];
}

export interface GagHandling {
  when: 'always' | 'if_ordered';
  text: string;
  citation: string;
}

/** The default rule for one request type, as data with its citations. */
export interface RequestRule {
  requestType: RequestType;
  label: string;
  basisForRelease: LegalBasis | null;
  releaseRoutes: readonly ReleaseRoute[];
  /** The contradiction raised when release is recommended with no basis and no route satisfied. */
  releaseWithoutBasis: ContradictionCode;
  checklist: readonly ChecklistItem[];
  defaultRecommendation: Recommendation;
  defaultReasonCodes: readonly ReasonCode[];
  clocks: readonly ClockName[];
  requiresPreservationHold: boolean;
  /**
   * Record types this request type may release with no basis of its own because they are not protected patron use
   * records (fines: Gov. Code §§ 7927.100(b), 7927.105(b)(2)). Only where the rules say so: a public-records request.
   */
  unprotectedRelease: { recordTypes: readonly RecordType[]; citation: string } | null;
  gagHandling: GagHandling | null;
  notes: readonly string[];
}

/** A question the product leaves to counsel, with the answer in force. */
export interface CounselQuestion {
  setting: string;
  settingsGroup: 'rules' | 'deadlines';
  question: string;
  citation: string;
  value: unknown;
  defaultValue: unknown;
}

export interface RuleSource {
  kind: 'default' | 'counsel_override';
  /** Settings whose non-default values changed this row. */
  overriddenBy: string[];
  description: string;
}

export interface EffectiveRule extends RequestRule {
  counselQuestions: CounselQuestion[];
  source: RuleSource;
  overridden: boolean;
}

export type RuleTable = Readonly<Record<RequestType, EffectiveRule>>;
