import type { CaseDetail, ChecklistItem, RecordType, Recommendation, ReviewBody, Rule, Scope, Sufficiency } from '../../api/schema';

export interface NarrowedScope {
  cardNumbers: string[];
  from: string;
  to: string;
  recordTypes: RecordType[];
  includeContactDetails: boolean;
  /** Alias per card number; blank prints the card number. The request's own aliases cannot be blanked or changed. */
  aliases: Record<string, string>;
}

/** The attorney's review as it is being written; kept whole across failed submissions. */
export interface ReviewFormState {
  /** undefined: not answered yet (only questions can be unanswered). */
  checklist: Record<string, boolean | undefined>;
  sufficiency: Sufficiency | '';
  recommendation: Recommendation | '';
  /** Reason codes ticked, from the case-level codes of GET /api/reason-codes. */
  reasons: string[];
  narrow: boolean;
  scope: NarrowedScope;
  memo: string;
  cureRequest: string;
  overrideReason: string;
}

/** "Has the patron objected?" is a question answered yes or no; the rest are statements confirmed or not. */
export function isQuestion(item: ChecklistItem): boolean {
  return item.label.trim().endsWith('?');
}

export function initialReview(c: CaseDetail, rule: Rule): ReviewFormState {
  return {
    checklist: Object.fromEntries(rule.checklist.filter((item) => !item.checkedAt).map((item) => [item.key, isQuestion(item) ? undefined : false])),
    sufficiency: '',
    recommendation: rule.defaultRecommendation,
    reasons: [...rule.defaultReasonCodes],
    narrow: false,
    scope: {
      cardNumbers: c.scope.cardNumbers, from: c.scope.from, to: c.scope.to, recordTypes: c.scope.recordTypes, includeContactDetails: !!c.scope.includeContactDetails,
      aliases: Object.fromEntries((c.scope.aliases ?? []).map(({ cardNumber, alias }) => [cardNumber, alias])),
    },
    memo: '',
    cureRequest: '',
    overrideReason: '',
  };
}

/** The body of POST /api/cases/:id/review. */
export function reviewBody(s: ReviewFormState, withOverride: boolean): ReviewBody {
  const checklist = Object.fromEntries(Object.entries(s.checklist).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'));
  // Aliases of patrons still in the scope only: the server refuses an alias for a patron the scope leaves out.
  const aliases = s.scope.cardNumbers.filter((card) => (s.scope.aliases[card] ?? '').trim()).map((card) => ({ cardNumber: card, alias: s.scope.aliases[card].trim() }));
  const scope: Scope | undefined = s.narrow
    ? {
        cardNumbers: s.scope.cardNumbers, from: s.scope.from, to: s.scope.to, recordTypes: s.scope.recordTypes,
        ...(s.scope.includeContactDetails ? { includeContactDetails: true } : {}),
        ...(aliases.length ? { aliases } : {}),
      }
    : undefined;
  return {
    checklist,
    // Left blank, these are sent as they are: the server's field errors say to choose one, at the field.
    sufficiency: s.sufficiency as Sufficiency,
    recommendation: s.recommendation as Recommendation,
    reasons: [...new Set(s.reasons)],
    ...(scope ? { scope } : {}),
    ...(s.memo.trim() ? { memo: s.memo.trim() } : {}),
    ...(s.sufficiency === 'needs_info' || s.cureRequest.trim() ? { cureRequest: s.cureRequest.trim() } : {}),
    ...(withOverride && s.overrideReason.trim() ? { overrideReason: s.overrideReason.trim() } : {}),
  };
}
