import { resolveDeadlineSettings } from '../deadlines/deadline-settings';
import { REQUEST_TYPES, RequestType } from '../request-types';
import type { CaseScope } from '../scope';
import { ContradictionCode } from './contradiction-codes';
import { ReviewEvaluationInput, evaluateReview, reviewNeedsOverride } from './evaluate-review';
import { DEFAULT_RULES, resolveRules } from './resolve-rules';
import type { ReviewSubmission } from './review-types';

const NOW = '2026-03-10T10:00:00-08:00';
const SCOPE: CaseScope = { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-02-28', recordTypes: ['patron', 'loans'] };

/** A review that does everything the default rules ask of this type. */
function cleanReview(type: RequestType): ReviewSubmission {
  const rule = DEFAULT_RULES[type];
  return {
    checklist: Object.fromEntries(rule.checklist.map((i) => [i.key, i.supportingAnswer])),
    sufficiency: 'sufficient',
    recommendation: rule.defaultRecommendation,
    reasons: [...rule.defaultReasonCodes],
  };
}

function evaluate(type: RequestType, patch: Partial<ReviewSubmission> = {}, facts: Partial<ReviewEvaluationInput> = {}) {
  const base = cleanReview(type);
  return evaluateReview({
    requestType: type,
    instrument: { issuedAt: '2026-03-05' },
    requestedScope: SCOPE,
    consentCardNumbers: ['23000000012345'],
    now: NOW,
    ...facts,
    review: { ...base, ...patch, checklist: { ...base.checklist, ...patch.checklist } },
  });
}
const codes = (result: ReturnType<typeof evaluateReview>) => result.contradictions.map((c) => c.code);

describe('evaluateReview: a review that follows the rules', () => {
  it.each(REQUEST_TYPES)('%s: no contradictions, no problems', (type) => {
    const result = evaluate(type);
    expect(result).toEqual({ problems: [], contradictions: [] });
    expect(reviewNeedsOverride(result.contradictions)).toBe(false);
  });
});

type Case = [RequestType, string, Partial<ReviewSubmission>, Partial<ReviewEvaluationInput>, ContradictionCode[]];
const fulfil = { recommendation: 'fulfil' as const };

const CASES: Case[] = [
  ['patron_consent', 'consent relied on for another patron', {}, { consentCardNumbers: ['23000000099999'] }, ['CONSENT_OTHER_PATRON']],
  ['patron_consent', 'consenting patron not recorded', {}, { consentCardNumbers: [] }, ['CONSENTING_PATRON_UNKNOWN']],
  ['patron_consent', 'unsigned consent marked sufficient', { checklist: { signed_by_patron: false } }, {}, ['REQUIRED_ITEM_UNSATISFIED']],
  ['court_order', 'no judge signature but sufficient', { checklist: { judge_signature: false } }, {}, ['REQUIRED_ITEM_UNSATISFIED']],
  ['court_order', 'release on an insufficient order', { sufficiency: 'insufficient', reasons: ['NOT_SIGNED'] }, {}, ['RELEASE_WHEN_NOT_SUFFICIENT']],
  ['search_warrant', 'warrant 11 days old marked sufficient', {}, { instrument: { issuedAt: '2026-02-27' } }, ['WARRANT_EXPIRED']],
  ['search_warrant', 'warrant with no issue date relied on', {}, { instrument: null }, ['WARRANT_ISSUE_DATE_MISSING']],
  ['search_warrant', 'counsel does not treat warrants as orders', fulfil, { rules: resolveRules({ searchWarrantTreatedAsCourtOrder: false }) }, ['RELEASE_WITHOUT_BASIS']],
  ['civil_subpoena', 'fulfil without a court order', { ...fulfil, sufficiency: 'insufficient', checklist: { court_order_obtained: false } }, {}, ['RELEASE_WHEN_NOT_SUFFICIENT', 'SUBPOENA_WITHOUT_COURT_ORDER']],
  ['civil_subpoena', 'objection received yet sufficient', { checklist: { objection_received: true } }, {}, ['REQUIRED_ITEM_UNSATISFIED']],
  ['criminal_subpoena', 'partial release without a court order', { recommendation: 'partial', sufficiency: 'insufficient', checklist: { court_order_obtained: false } }, {}, ['RELEASE_WHEN_NOT_SUFFICIENT', 'SUBPOENA_WITHOUT_COURT_ORDER', 'PARTIAL_WITHOUT_SCOPE']],
  ['national_security_letter', 'release on an NSL', { ...fulfil, reasons: [] }, {}, ['FEDERAL_PROCESS_NOT_CLEARED', 'NSL_SCOPE_EXCEEDED']],
  ['national_security_letter', 'release of subscriber records still needs a cleared route', { ...fulfil, reasons: [] }, { requestedScope: { ...SCOPE, recordTypes: ['patron', 'sessions'] } }, ['FEDERAL_PROCESS_NOT_CLEARED']],
  ['immigration_administrative_warrant', 'release on an administrative immigration warrant', { ...fulfil, reasons: [] }, {}, ['IMMIGRATION_NOT_JUDICIAL']],
  ['federal_civil_subpoena', 'release on a Rule 45 subpoena without a court order', { ...fulfil, reasons: [], checklist: { court_order_obtained: false } }, {}, ['REQUIRED_ITEM_UNSATISFIED', 'SUBPOENA_WITHOUT_COURT_ORDER']],
  ['federal_search_warrant', 'federal warrant referred to counsel released', { ...fulfil, reasons: [] }, {}, ['FEDERAL_PROCESS_NOT_CLEARED']],
  ['sca_2703_process', 'stored-communications process released without counsel route', { ...fulfil, reasons: [] }, {}, ['FEDERAL_PROCESS_NOT_CLEARED']],
  ['court_order', 'partial release without a narrowed scope', { recommendation: 'partial' }, {}, ['PARTIAL_WITHOUT_SCOPE']],
  ['national_security_letter', 'library not a provider yet sufficient', { checklist: { library_is_ecs_provider: false } }, {}, ['REQUIRED_ITEM_UNSATISFIED']],
  ['fisa_order', 'not grandfathered yet sufficient', { checklist: { grandfathered_investigation: false } }, {}, ['REQUIRED_ITEM_UNSATISFIED']],
  ['fisa_order', 'release on a FISA order', fulfil, {}, ['FEDERAL_PROCESS_NOT_CLEARED']],
  ['emergency', 'release on an emergency without a court order', { ...fulfil, sufficiency: 'needs_info', checklist: { court_order_obtained: false } }, {}, ['RELEASE_WHEN_NOT_SUFFICIENT', 'NO_EMERGENCY_EXCEPTION']],
  ['public_records', 'partial release of loans', { recommendation: 'partial' }, {}, ['PUBLIC_RECORDS_RELEASE', 'PARTIAL_WITHOUT_SCOPE']],
  ['public_records', 'denial without a reason', { reasons: [] }, {}, ['MISSING_REASONS']],
  ['internal', 'purpose outside duties yet sufficient', { checklist: { purpose_within_duties: false } }, {}, ['REQUIRED_ITEM_UNSATISFIED']],
  ['court_order', 'narrowed scope adds a patron and a record type', { scope: { ...SCOPE, cardNumbers: [...SCOPE.cardNumbers, '23000000099999'], recordTypes: ['searches'] } }, {}, ['SCOPE_WIDENED']],
];

describe('evaluateReview: contradictions per request type', () => {
  it.each(CASES)('%s: %s', (type, _name, patch, facts, expected) => {
    const result = evaluate(type, patch, facts);
    expect(codes(result)).toEqual(expected);
    expect(result.problems).toEqual([]);
    expect(reviewNeedsOverride(result.contradictions)).toBe(true);
    for (const c of result.contradictions) expect(c.citation).toBeTruthy();
  });
});

describe('evaluateReview: details', () => {
  it('names the unsatisfied item and its citation', () => {
    const [c] = evaluate('search_warrant', { checklist: { signed_by_magistrate: false } }).contradictions;
    expect(c).toMatchObject({ checklistKey: 'signed_by_magistrate', citation: 'Penal Code §§ 1523, 1529' });
    expect(c.message).toMatch(/"Signed by a magistrate" is not confirmed/);
    const [q] = evaluate('civil_subpoena', { checklist: { objection_received: true } }).contradictions;
    expect(q.message).toMatch(/answered yes/);
  });

  it('accepts a warrant on its tenth day and refuses it on the eleventh', () => {
    expect(codes(evaluate('search_warrant', {}, { instrument: { issuedAt: '2026-02-28' } }))).toEqual([]);
    const expired = evaluate('search_warrant', {}, { instrument: { issuedAt: '2026-02-27' } }).contradictions[0];
    expect(expired.message).toBe('Issued 2026-02-27, the warrant was valid through 2026-03-09; it was served on 2026-03-10.');
    expect(expired.citation).toBe('Penal Code § 1534(a)');
  });

  it('measures a warrant against its service on the library, not the day of review (Penal Code § 1534)', () => {
    const servedInTime = { instrument: { issuedAt: '2026-02-27' }, receivedAt: '2026-03-09T16:00:00-08:00', now: '2026-03-20T10:00:00-07:00' };
    expect(codes(evaluate('search_warrant', {}, servedInTime))).toEqual([]);
    const servedLate = { instrument: { issuedAt: '2026-02-27' }, receivedAt: '2026-03-10T08:00:00-08:00', now: '2026-03-10T09:00:00-08:00' };
    expect(codes(evaluate('search_warrant', {}, servedLate))).toEqual(['WARRANT_EXPIRED']);
  });

  it('counts the warrant’s days as counsel’s deadline settings set them, on the library’s calendar day', () => {
    const shortened = resolveDeadlineSettings({ searchWarrantValidityDays: 5 });
    const servedOnDay6 = { instrument: { issuedAt: '2026-03-04' }, receivedAt: '2026-03-10T09:00:00-08:00' };
    expect(codes(evaluate('search_warrant', {}, servedOnDay6))).toEqual([]);
    expect(codes(evaluate('search_warrant', {}, { ...servedOnDay6, deadlineSettings: shortened }))).toEqual(['WARRANT_EXPIRED']);
    // Late on the tenth day in Palm Desert (daylight time since 8 March) is already the eleventh in UTC: still in time.
    expect(codes(evaluate('search_warrant', {}, { instrument: { issuedAt: '2026-02-28' }, receivedAt: '2026-03-10T23:30:00-07:00', now: '2026-03-11T09:00:00-07:00' }))).toEqual([]);
  });

  it('does not object to an expired warrant that the review declines', () => {
    const declined = evaluate('search_warrant', { sufficiency: 'insufficient', recommendation: 'deny', reasons: ['WARRANT_EXPIRED'] }, { instrument: { issuedAt: '2026-01-01' } });
    expect(declined.contradictions).toEqual([]);
  });

  it('lets a public-records request release records of fines only', () => {
    const fines = evaluate('public_records', { recommendation: 'partial', reasons: ['CPRA_EXEMPT_PATRON_RECORDS', 'FINES_NOT_EXEMPT'], scope: { ...SCOPE, recordTypes: ['fines'] } }, { requestedScope: { ...SCOPE, recordTypes: ['fines', 'loans'] } });
    expect(fines.contradictions).toEqual([]);
  });

  it('applies the fines exception only to public-records requests: a National Security Letter for fines still needs a basis', () => {
    const finesOnly = { recommendation: 'fulfil' as const, reasons: [], scope: { ...SCOPE, recordTypes: ['fines' as const] } };
    expect(codes(evaluate('national_security_letter', finesOnly, { requestedScope: { ...SCOPE, recordTypes: ['fines'] } }))).not.toEqual([]);
    expect(codes(evaluate('national_security_letter', finesOnly, { requestedScope: { ...SCOPE, recordTypes: ['fines'] } }))).toContain(DEFAULT_RULES.national_security_letter.releaseWithoutBasis);
  });

  it('applies the fines bypass only where the rules say so (a public-records request), not to a subpoena', () => {
    const finesOnly = { recommendation: 'partial' as const, reasons: ['FINES_NOT_EXEMPT' as const], scope: { ...SCOPE, recordTypes: ['fines' as const] } };
    expect(codes(evaluate('public_records', finesOnly, { requestedScope: { ...SCOPE, recordTypes: ['fines', 'loans'] } }))).toEqual([]);
    const subpoena = evaluate('civil_subpoena', { ...finesOnly, checklist: { court_order_obtained: false }, sufficiency: 'sufficient' }, { requestedScope: { ...SCOPE, recordTypes: ['fines', 'loans'] } });
    expect(codes(subpoena)).toContain('SUBPOENA_WITHOUT_COURT_ORDER');
  });

  it('lets a subpoena with a court order be fulfilled', () => {
    expect(codes(evaluate('civil_subpoena', { recommendation: 'fulfil', reasons: [] }))).toEqual([]);
  });

  it('lets counsel-approved federal process be fulfilled once its route is satisfied', () => {
    const rules = resolveRules({ federalProcessHandling: 'comply_when_valid' });
    const subscriberOnly = { rules, requestedScope: { ...SCOPE, recordTypes: ['patron' as const, 'sessions' as const] } };
    expect(codes(evaluate('national_security_letter', { recommendation: 'fulfil', reasons: [] }, subscriberOnly))).toEqual([]);
    // Never loans or searches, whatever counsel allows (18 U.S.C. § 2709(a), (b)).
    expect(codes(evaluate('national_security_letter', { recommendation: 'fulfil', reasons: [] }, { rules }))).toEqual(['NSL_SCOPE_EXCEEDED']);
    expect(codes(evaluate('national_security_letter', { recommendation: 'fulfil', reasons: [], sufficiency: 'insufficient', checklist: { counsel_consulted: false } }, subscriberOnly))).toEqual([
      'RELEASE_WHEN_NOT_SUFFICIENT',
      'FEDERAL_PROCESS_NOT_CLEARED',
    ]);
  });

  it('asks which patron consented when the case records none', () => {
    const withoutConsent = { requestType: 'patron_consent' as const, requestedScope: SCOPE, now: NOW, review: cleanReview('patron_consent') };
    expect(codes(evaluateReview(withoutConsent))).toEqual(['CONSENTING_PATRON_UNKNOWN']);
    expect(codes(evaluateReview({ ...withoutConsent, consentCardNumbers: null }))).toEqual(['CONSENTING_PATRON_UNKNOWN']);
  });

  it('keeps card numbers out of consent messages', () => {
    const [c] = evaluate('patron_consent', {}, { consentCardNumbers: ['23000000099999'] }).contradictions;
    expect(c.message).not.toMatch(/2300000/);
  });
});

describe('evaluateReview: validation problems', () => {
  it('reports unknown checklist keys and reason codes, and bad values', () => {
    const result = evaluate('court_order', { checklist: { signed_in_crayon: true }, reasons: ['BECAUSE'], sufficiency: 'maybe' as never });
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ['sufficiency', 'INVALID_VALUE'],
      ['checklist.signed_in_crayon', 'UNKNOWN_CHECKLIST_KEY'],
      ['reasons[0]', 'UNKNOWN_REASON_CODE'],
    ]);
  });

  it('reports a malformed narrowed scope', () => {
    const result = evaluate('court_order', { scope: { ...SCOPE, from: '2026-03-01', to: '2026-02-01', recordTypes: ['diaries' as never] } });
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringMatching(/after/), expect.stringMatching(/recordTypes/)]);
  });
});
