import { isIsoDate } from '../deadlines/iso-date';
import { RECORD_TYPES } from '../request-types';
import type { CaseScope } from '../scope';
import { isReasonCode } from './reason-codes';
import { RECOMMENDATIONS, ReviewSubmission, SUFFICIENCIES } from './review-types';
import type { EffectiveRule } from './rule-types';

export type ReviewProblemCode = 'UNKNOWN_CHECKLIST_KEY' | 'INVALID_CHECKLIST_VALUE' | 'UNKNOWN_REASON_CODE' | 'INVALID_VALUE' | 'INVALID_SCOPE';

/** Input that cannot be accepted at all (a 400), as opposed to a contradiction that needs an override. */
export interface ReviewValidationProblem {
  field: string;
  code: ReviewProblemCode;
  message: string;
}

function scopeProblems(scope: CaseScope): ReviewValidationProblem[] {
  const problem = (message: string): ReviewValidationProblem => ({ field: 'scope', code: 'INVALID_SCOPE', message });
  const problems: ReviewValidationProblem[] = [];
  if (!Array.isArray(scope.cardNumbers) || scope.cardNumbers.some((c) => typeof c !== 'string' || !c.trim())) problems.push(problem('cardNumbers must be non-empty strings'));
  if (!isIsoDate(scope.from) || !isIsoDate(scope.to)) problems.push(problem('from and to must be YYYY-MM-DD dates'));
  else if (scope.from > scope.to) problems.push(problem(`from (${scope.from}) is after to (${scope.to})`));
  // A list first: a string would be walked letter by letter, anything else would throw.
  if (!Array.isArray(scope.recordTypes) || scope.recordTypes.some((t) => !(RECORD_TYPES as readonly string[]).includes(t))) {
    problems.push(problem(`recordTypes must be drawn from ${RECORD_TYPES.join(', ')}`));
  }
  return problems;
}

/** Unknown checklist keys and reason codes, bad values and a malformed scope. */
export function validateReview(review: ReviewSubmission, rule: EffectiveRule): ReviewValidationProblem[] {
  const problems: ReviewValidationProblem[] = [];
  if (!SUFFICIENCIES.includes(review.sufficiency)) {
    problems.push({ field: 'sufficiency', code: 'INVALID_VALUE', message: `must be one of ${SUFFICIENCIES.join(', ')}` });
  }
  if (!RECOMMENDATIONS.includes(review.recommendation)) {
    problems.push({ field: 'recommendation', code: 'INVALID_VALUE', message: `must be one of ${RECOMMENDATIONS.join(', ')}` });
  }
  const known = rule.checklist.map((item) => item.key);
  for (const [key, value] of Object.entries(review.checklist ?? {})) {
    if (!known.includes(key)) {
      problems.push({ field: `checklist.${key}`, code: 'UNKNOWN_CHECKLIST_KEY', message: `not a checklist item for ${rule.label}; expected one of ${known.join(', ')}` });
    } else if (typeof value !== 'boolean') {
      problems.push({ field: `checklist.${key}`, code: 'INVALID_CHECKLIST_VALUE', message: 'must be true or false' });
    }
  }
  (review.reasons ?? []).forEach((reason, i) => {
    if (!isReasonCode(reason)) problems.push({ field: `reasons[${i}]`, code: 'UNKNOWN_REASON_CODE', message: `'${reason}' is not a known reason code` });
  });
  if (review.scope) problems.push(...scopeProblems(review.scope));
  return problems;
}
