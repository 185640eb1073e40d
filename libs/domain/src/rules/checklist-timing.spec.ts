import { REQUEST_TYPES } from '../request-types';
import { evaluateReview } from './evaluate-review';
import { DEFAULT_RULES } from './resolve-rules';

/** An attorney reviewing a request cannot know whether the determination will go out in time: the review does not ask. */
describe('checklist items done after the review', () => {
  it('marks the CPRA determination and denial-letter duties and the internal disclosure log as later steps', () => {
    const later = (type: keyof typeof DEFAULT_RULES) => DEFAULT_RULES[type].checklist.filter((i) => i.checkedAt).map((i) => [i.key, i.checkedAt]);
    expect(later('public_records')).toEqual([['determination_within_10_days', 'decision'], ['denial_names_responsible_persons', 'decision']]);
    expect(later('internal')).toEqual([['disclosure_logged', 'delivery']]);
  });

  it.each(REQUEST_TYPES)('%s: a sufficient review that leaves the later items unanswered has no contradiction', (type) => {
    const rule = DEFAULT_RULES[type];
    const checklist = Object.fromEntries(rule.checklist.filter((i) => !i.checkedAt).map((i) => [i.key, i.supportingAnswer]));
    const result = evaluateReview({
      requestType: type,
      instrument: { issuedAt: '2026-03-05' },
      requestedScope: { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-02-28', recordTypes: ['patron', 'loans'] },
      consentCardNumbers: ['23000000012345'],
      now: '2026-03-10T10:00:00-08:00',
      review: { checklist, sufficiency: 'sufficient', recommendation: rule.defaultRecommendation, reasons: [...rule.defaultReasonCodes] },
    });
    expect(result.contradictions.filter((c) => c.code === 'REQUIRED_ITEM_UNSATISFIED')).toEqual([]);
  });
});
