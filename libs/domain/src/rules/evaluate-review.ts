import { DEFAULT_DEADLINE_SETTINGS, DeadlineSettings } from '../deadlines/deadline-settings';
import type { DateInput } from '../deadlines/local-date';
import type { RequestType } from '../request-types';
import type { CaseScope } from '../scope';
import type { Contradiction } from './contradiction-codes';
import { DEFAULT_RULES } from './resolve-rules';
import { REVIEW_CHECKS } from './review-checks';
import type { ReviewSubmission } from './review-types';
import { ReviewValidationProblem, validateReview } from './review-validation';
import type { RuleTable } from './rule-types';

export interface ReviewEvaluationInput {
  requestType: RequestType;
  instrument?: { issuedAt?: DateInput | null } | null;
  /** When the instrument was served on the library (the case's receipt). */
  receivedAt?: DateInput | null;
  /** The scope the request asked for. */
  requestedScope: CaseScope;
  review: ReviewSubmission;
  /** Card number(s) of the patron who signed a consent. */
  consentCardNumbers?: readonly string[] | null;
  now: DateInput;
  /** The rules in force (resolveRules(settings)); defaults when absent. */
  rules?: RuleTable;
  deadlineSettings?: DeadlineSettings;
}

export interface ReviewEvaluation {
  /** Input that cannot be accepted (unknown checklist keys or reason codes, bad values): reject it. */
  problems: ReviewValidationProblem[];
  /** Findings at odds with the rules: accepted only with an explicit override reason. */
  contradictions: Contradiction[];
}

/** Checks an attorney's review against the rules for its request type and the facts of the case. */
export function evaluateReview(input: ReviewEvaluationInput): ReviewEvaluation {
  const rule = (input.rules ?? DEFAULT_RULES)[input.requestType];
  const ctx = {
    requestType: input.requestType,
    rule,
    review: input.review,
    requestedScope: input.requestedScope,
    scope: input.review.scope ?? input.requestedScope,
    instrumentIssuedAt: input.instrument?.issuedAt ?? null,
    receivedAt: input.receivedAt ?? null,
    consentCardNumbers: input.consentCardNumbers ?? [],
    now: input.now,
    deadlineSettings: input.deadlineSettings ?? DEFAULT_DEADLINE_SETTINGS,
  };
  return { problems: validateReview(input.review, rule), contradictions: REVIEW_CHECKS.flatMap((check) => check(ctx)) };
}

/** The API requires an explicit override reason whenever a review contradicts the rules. */
export function reviewNeedsOverride(contradictions: readonly Contradiction[]): boolean {
  return contradictions.length > 0;
}
