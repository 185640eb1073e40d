import type { CaseDetail, Rule } from '../../api/schema';
import { initialReview, isQuestion, reviewBody } from './review-form-model';

const rule = {
  label: 'Civil subpoena',
  defaultRecommendation: 'deny',
  defaultReasonCodes: ['COURT_ORDER_REQUIRED'],
  checklist: [
    { key: 'proof_of_consumer_notice', label: 'Proof that the patron was served with notice', citation: 'CCP 1985.3', required: true, supportingAnswer: true },
    { key: 'objection_received', label: 'Has the patron objected or moved to quash?', citation: 'CCP 1985.3(g)', required: true, supportingAnswer: false },
  ],
} as unknown as Rule;
const detail = { scope: { cardNumbers: ['1', '2'], from: '2026-01-01', to: '2026-02-28', recordTypes: ['loans', 'holds'] } } as unknown as CaseDetail;

describe('review form model', () => {
  it('starts with statements unconfirmed, questions unanswered and the rule’s defaults', () => {
    const form = initialReview(detail, rule);
    expect(form.checklist).toEqual({ proof_of_consumer_notice: false, objection_received: undefined });
    expect(form.recommendation).toBe('deny');
    expect(form.reasons).toEqual(['COURT_ORDER_REQUIRED']);
    expect(rule.checklist.map(isQuestion)).toEqual([false, true]);
  });

  it('leaves unanswered questions out, sends each reason code once, and sends a scope only when narrowed', () => {
    const form = { ...initialReview(detail, rule), sufficiency: 'insufficient' as const, reasons: ['COURT_ORDER_REQUIRED', 'NO_CONSUMER_NOTICE', 'COURT_ORDER_REQUIRED'] };
    const body = reviewBody(form, false);
    expect(body.checklist).toEqual({ proof_of_consumer_notice: false });
    expect(body.reasons).toEqual(['COURT_ORDER_REQUIRED', 'NO_CONSUMER_NOTICE']);
    expect(body).not.toHaveProperty('scope');
    expect(body).not.toHaveProperty('cureRequest');
    const narrowed = reviewBody({ ...form, narrow: true, scope: { ...form.scope, cardNumbers: ['1'], recordTypes: ['loans'] } }, false);
    expect(narrowed.scope).toEqual({ cardNumbers: ['1'], from: '2026-01-01', to: '2026-02-28', recordTypes: ['loans'] });
  });

  it('starts from the request’s aliases and sends, trimmed, the aliases of the patrons the narrowed scope keeps', () => {
    const aliased = { scope: { ...detail.scope, aliases: [{ cardNumber: '1', alias: 'Patron A' }] } } as unknown as CaseDetail;
    const form = initialReview(aliased, rule);
    expect(form.scope.aliases).toEqual({ '1': 'Patron A' });
    const added = reviewBody({ ...form, narrow: true, scope: { ...form.scope, aliases: { ...form.scope.aliases, '2': ' Patron B ' } } }, false);
    expect(added.scope?.aliases).toEqual([{ cardNumber: '1', alias: 'Patron A' }, { cardNumber: '2', alias: 'Patron B' }]);
    const dropped = reviewBody({ ...form, narrow: true, scope: { ...form.scope, cardNumbers: ['2'], aliases: { '1': 'Patron A', '2': '  ' } } }, false);
    expect(dropped.scope).not.toHaveProperty('aliases');
  });

  it('sends the cure request with needs_info and the override reason only once the server asked for it', () => {
    const form = { ...initialReview(detail, rule), sufficiency: 'needs_info' as const, cureRequest: ' Serve the patron ', overrideReason: 'Because the court said so' };
    expect(reviewBody(form, false)).toMatchObject({ cureRequest: 'Serve the patron' });
    expect(reviewBody(form, false)).not.toHaveProperty('overrideReason');
    expect(reviewBody(form, true)).toMatchObject({ overrideReason: 'Because the court said so' });
  });
});
