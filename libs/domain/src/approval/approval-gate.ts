import type { ContradictionCode } from '../rules/contradiction-codes';
import { isReleasing, Recommendation, Sufficiency } from '../rules/review-types';
import { CaseScope, isWithinScope } from '../scope';

/**
 * A director's approval is not a legal basis (Gov. Code § 7927.105(c) allows release only on written consent,
 * a superior-court order, or within library administration). Approval therefore only ratifies a completed
 * legal review that found a basis and recommends release, and only within the scope that review settled on.
 * This is the one function every path that could produce records asks: the decision route, and the worker
 * again before it touches a record.
 */
export const APPROVAL_CITATION = 'Gov. Code § 7927.105(c) (formerly § 6267): release only on written consent, a superior-court order, or within library administration';

/**
 * Contradictions that say the review found no legal basis for the release it recommends. An override reason
 * cannot cure them: a basis comes from the rules in force (counsel's settings), not from a note on one case.
 */
export const NO_BASIS_CONTRADICTIONS: readonly ContradictionCode[] = [
  'RELEASE_WHEN_NOT_SUFFICIENT',
  'RELEASE_WITHOUT_BASIS',
  'SUBPOENA_WITHOUT_COURT_ORDER',
  'PUBLIC_RECORDS_RELEASE',
  'NO_EMERGENCY_EXCEPTION',
  'FEDERAL_PROCESS_NOT_CLEARED',
  'WARRANT_EXPIRED',
  'WARRANT_ISSUE_DATE_MISSING',
  'CONSENT_OTHER_PATRON',
  'CONSENTING_PATRON_UNKNOWN',
  'SCOPE_WIDENED',
  'PARTIAL_WITHOUT_SCOPE',
  'NSL_SCOPE_EXCEEDED',
  'IMMIGRATION_NOT_JUDICIAL',
];

export function isNoBasisContradiction(code: string): boolean {
  return (NO_BASIS_CONTRADICTIONS as readonly string[]).includes(code);
}

/** A review as the gate needs it. */
export interface ReviewForApproval {
  id: string;
  sufficiency: Sufficiency;
  recommendation: Recommendation;
  /** The narrowed scope; null when the review let the requested scope stand. */
  scope: CaseScope | null;
  /** Required: a caller that left them out would approve a review that records no basis for its release. */
  contradictions: readonly { code: string }[];
  createdAt: Date | string;
}

/** A director's send-back for another review: any review older than it no longer supports approval. */
export interface ReviewReturnForApproval {
  createdAt: Date | string;
}

export interface ApprovalGateInput {
  requestedScope: CaseScope;
  reviews: readonly ReviewForApproval[];
  /** Required: a caller that left them out would approve a review the director sent back. */
  returns: readonly ReviewReturnForApproval[];
}

export const APPROVAL_REFUSALS = {
  NO_REVIEW: 'No legal review has been recorded for this case.',
  REVIEW_SENT_BACK: 'The latest review was sent back for another review; approve only after the new review.',
  REVIEW_NOT_COMPLETE: 'The latest review asked the requester for information; it is not a completed review.',
  REVIEW_NOT_SUFFICIENT: 'The latest review did not find the request legally sufficient.',
  REVIEW_RECOMMENDS_DENIAL: 'The latest review recommends denial; a director may deny or send the case back for another review, not approve it.',
  PARTIAL_WITHOUT_SCOPE: 'The latest review recommends a partial release without naming the narrowed scope.',
  SCOPE_WIDENED: 'The review’s scope asks for more than the request does.',
  RELEASE_WITHOUT_BASIS: 'The latest review records that the rules give no legal basis for the release it recommends.',
} as const;
export type ApprovalRefusalCode = keyof typeof APPROVAL_REFUSALS;

export type ApprovalGate =
  | { allowed: true; reviewId: string; scope: CaseScope; narrowed: boolean }
  | { allowed: false; code: ApprovalRefusalCode; message: string; reviewId: string | null; citation: string };

const time = (value: Date | string) => (value instanceof Date ? value.getTime() : Date.parse(value));

/** The review a decision today would rest on: the newest one. */
export function latestOf<T extends { createdAt: Date | string }>(items: readonly T[]): T | null {
  return items.reduce<T | null>((latest, item) => (latest === null || time(item.createdAt) >= time(latest.createdAt) ? item : latest), null);
}

function refuse(code: ApprovalRefusalCode, reviewId: string | null): ApprovalGate {
  return { allowed: false, code, message: APPROVAL_REFUSALS[code], reviewId, citation: APPROVAL_CITATION };
}

/**
 * The review a decision today would rest on, or why there is none: no review at all, the newest one sent back
 * (a send-back at the same instant as the review is of that review, so it counts as later), or the newest one
 * still waiting for the requester. Approval and denial alike rest only on a completed review.
 */
function completedReview(input: ApprovalGateInput): { review: ReviewForApproval } | { refusal: ApprovalRefusalCode; reviewId: string | null } {
  const review = latestOf(input.reviews);
  if (!review) return { refusal: 'NO_REVIEW', reviewId: null };
  const lastReturn = latestOf(input.returns);
  if (lastReturn && time(lastReturn.createdAt) >= time(review.createdAt)) return { refusal: 'REVIEW_SENT_BACK', reviewId: review.id };
  if (review.sufficiency === 'needs_info') return { refusal: 'REVIEW_NOT_COMPLETE', reviewId: review.id };
  return { review };
}

/**
 * May the case be approved, and for what scope? Allowed only when the newest review is later than any
 * send-back, is complete and sufficient, recommends release, records no missing basis, and (for a partial
 * release) names its narrowed scope. The approved scope is the review's narrowed scope whenever it has one.
 */
export function approvalGate(input: ApprovalGateInput): ApprovalGate {
  const current = completedReview(input);
  if ('refusal' in current) return refuse(current.refusal, current.reviewId);
  const { review } = current;
  if (review.sufficiency !== 'sufficient') return refuse('REVIEW_NOT_SUFFICIENT', review.id);
  if (!isReleasing(review.recommendation)) return refuse('REVIEW_RECOMMENDS_DENIAL', review.id);
  if (review.recommendation === 'partial' && !review.scope) return refuse('PARTIAL_WITHOUT_SCOPE', review.id);
  if (review.scope && !isWithinScope(review.scope, input.requestedScope)) return refuse('SCOPE_WIDENED', review.id);
  if (review.contradictions.some((c) => isNoBasisContradiction(c.code))) return refuse('RELEASE_WITHOUT_BASIS', review.id);
  return { allowed: true, reviewId: review.id, scope: review.scope ?? input.requestedScope, narrowed: review.scope !== null };
}

/** A denial, too, rests on a completed review (one that is not waiting for the requester). */
export function denialGate(input: ApprovalGateInput): { allowed: boolean; reviewId: string | null; message: string } {
  const current = completedReview(input);
  if ('refusal' in current) return { allowed: false, reviewId: current.reviewId, message: APPROVAL_REFUSALS[current.refusal] };
  return { allowed: true, reviewId: current.review.id, message: 'A completed review supports a decision.' };
}
