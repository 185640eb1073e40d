import fc from 'fast-check';
import { addDays } from '../deadlines/iso-date';
import { RECORD_TYPES, REQUEST_TYPES, RecordType, RequestType } from '../request-types';
import type { CaseScope } from '../scope';
import { evaluateReview } from './evaluate-review';
import { REASON_CODES, ReasonCode } from './reason-codes';
import { DEFAULT_RULES } from './resolve-rules';
import { UNPROTECTED_RECORD_TYPES } from './review-checks';
import type { Recommendation, ReviewSubmission } from './review-types';

const NOW = '2026-06-15';
const typeArb = fc.constantFrom(...REQUEST_TYPES);
const reasonArb = fc.uniqueArray(fc.constantFrom(...(Object.keys(REASON_CODES) as ReasonCode[])), { minLength: 1, maxLength: 3 });
const cardArb = fc.stringMatching(/^2300000\d{7}$/);

const requestedScopeArb: fc.Arbitrary<CaseScope> = fc.record({
  cardNumbers: fc.uniqueArray(cardArb, { minLength: 1, maxLength: 4 }),
  from: fc.integer({ min: 0, max: 300 }).map((n) => addDays('2025-01-01', n)),
  length: fc.integer({ min: 0, max: 200 }),
  recordTypes: fc.uniqueArray(fc.constantFrom(...RECORD_TYPES), { minLength: 1 }),
}).map(({ length, ...s }) => ({ ...s, to: addDays(s.from, length) }));

/** A scope inside `outer`: some of its cards, types and days. */
const narrowedArb = (outer: CaseScope): fc.Arbitrary<CaseScope> =>
  fc.record({
    cardNumbers: fc.subarray(outer.cardNumbers),
    recordTypes: fc.subarray(outer.recordTypes, { minLength: 1 }),
    trimStart: fc.nat(),
    trimEnd: fc.nat(),
  }).map(({ trimStart, trimEnd, ...s }) => {
    const span = (Date.parse(outer.to) - Date.parse(outer.from)) / 86_400_000;
    const from = addDays(outer.from, span ? trimStart % (span + 1) : 0);
    const left = (Date.parse(outer.to) - Date.parse(from)) / 86_400_000;
    return { ...s, from, to: addDays(from, left ? trimEnd % (left + 1) : 0) };
  });

/** Whether the default rules allow release of this type once every required item is satisfied. */
function releasable(type: RequestType, scope: CaseScope): boolean {
  const rule = DEFAULT_RULES[type];
  const requiredKeys = rule.checklist.filter((i) => i.required).map((i) => i.key);
  return (
    rule.basisForRelease !== null ||
    rule.releaseRoutes.some((r) => r.requires.every((k) => requiredKeys.includes(k))) ||
    // The fines bypass only where the rule grants it (public-records requests).
    (rule.unprotectedRelease !== null && scope.recordTypes.every((t: RecordType) => UNPROTECTED_RECORD_TYPES.includes(t) && rule.unprotectedRelease!.recordTypes.includes(t)))
  );
}

/** A consistent review: every required item satisfied, optional ones random, a recommendation the rules allow. */
const consistentCaseArb = typeArb.chain((type) =>
  requestedScopeArb.chain((requested) =>
    fc.record({
      type: fc.constant(type),
      requested: fc.constant(requested),
      narrowed: fc.option(narrowedArb(requested), { nil: undefined }),
      optionalAnswers: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
      warrantAgeDays: fc.integer({ min: 0, max: 10 }),
      recommendationPick: fc.constantFrom<Recommendation>('fulfil', 'partial', 'deny'),
      reasons: reasonArb,
    }),
  ),
);

describe('evaluateReview properties', () => {
  it('finds nothing wrong with a review whose required items hold and whose facts agree', () => {
    fc.assert(
      fc.property(consistentCaseArb, (c) => {
        const rule = DEFAULT_RULES[c.type];
        const scope = c.narrowed ?? c.requested;
        const checklist = Object.fromEntries(rule.checklist.map((item, i) => [item.key, item.required ? item.supportingAnswer : c.optionalAnswers[i % 10]]));
        const pick = c.recommendationPick === 'partial' && !c.narrowed ? 'fulfil' : c.recommendationPick;
        const recommendation = releasable(c.type, scope) ? pick : 'deny';
        const review: ReviewSubmission = { checklist, sufficiency: 'sufficient', recommendation, reasons: c.reasons, scope: c.narrowed ?? null };
        const result = evaluateReview({
          requestType: c.type,
          instrument: { issuedAt: addDays(NOW, -c.warrantAgeDays) },
          requestedScope: c.requested,
          review,
          consentCardNumbers: scope.cardNumbers.length ? scope.cardNumbers : ['23000000000000'],
          now: NOW,
        });
        expect(result).toEqual({ problems: [], contradictions: [] });
      }),
    );
  });

  it('always objects when a required item is unsatisfied and the request is marked sufficient', () => {
    fc.assert(
      fc.property(typeArb, fc.nat(), fc.boolean(), (type, pick, leaveUnanswered) => {
        const rule = DEFAULT_RULES[type];
        const required = rule.checklist.filter((i) => i.required && !i.checkedAt);
        const broken = required[pick % required.length];
        const checklist: Record<string, boolean> = Object.fromEntries(rule.checklist.map((i) => [i.key, i.supportingAnswer]));
        if (leaveUnanswered) delete checklist[broken.key];
        else checklist[broken.key] = !broken.supportingAnswer;
        const result = evaluateReview({
          requestType: type,
          instrument: { issuedAt: NOW },
          requestedScope: { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-02-01', recordTypes: ['loans'] },
          review: { checklist, sufficiency: 'sufficient', recommendation: 'deny', reasons: ['NO_LEGAL_BASIS'] },
          consentCardNumbers: ['23000000012345'],
          now: NOW,
        });
        expect(result.contradictions).toContainEqual(expect.objectContaining({ code: 'REQUIRED_ITEM_UNSATISFIED', checklistKey: broken.key }));
      }),
    );
  });

  it('reports any checklist key the type does not have as a validation problem', () => {
    fc.assert(
      fc.property(typeArb, fc.stringMatching(/^[a-z_]{1,20}$/), (type, key) => {
        fc.pre(!DEFAULT_RULES[type].checklist.some((i) => i.key === key));
        const result = evaluateReview({
          requestType: type,
          requestedScope: { cardNumbers: ['1'], from: '2026-01-01', to: '2026-01-31', recordTypes: ['loans'] },
          review: { checklist: { [key]: true }, sufficiency: 'insufficient', recommendation: 'deny', reasons: ['NO_LEGAL_BASIS'] },
          now: NOW,
        });
        expect(result.problems).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_CHECKLIST_KEY', field: `checklist.${key}` }));
      }),
    );
  });

  it('flags a narrowed scope exactly when it reaches outside the request', () => {
    fc.assert(
      fc.property(requestedScopeArb, requestedScopeArb, typeArb, (requested, narrowed, type) => {
        const inside =
          narrowed.cardNumbers.every((c) => requested.cardNumbers.includes(c)) &&
          narrowed.recordTypes.every((t) => requested.recordTypes.includes(t)) &&
          narrowed.from >= requested.from &&
          narrowed.to <= requested.to;
        const result = evaluateReview({
          requestType: type,
          requestedScope: requested,
          review: { checklist: {}, sufficiency: 'insufficient', recommendation: 'deny', reasons: ['NO_LEGAL_BASIS'], scope: narrowed },
          now: NOW,
        });
        expect(result.contradictions.some((c) => c.code === 'SCOPE_WIDENED')).toBe(!inside);
      }),
    );
  });
});
