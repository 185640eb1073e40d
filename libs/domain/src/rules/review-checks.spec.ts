import fc from 'fast-check';
import { DEFAULT_DEADLINE_SETTINGS } from '../deadlines/deadline-settings';
import { RECORD_TYPES, RequestType } from '../request-types';
import type { CaseScope } from '../scope';
import { DEFAULT_RULES, resolveRules } from './resolve-rules';
import {
  ReviewContext,
  consentCoversScope,
  nslScopeLimited,
  onlyUnprotected,
  partialNamesScope,
  releaseHasBasis,
  releaseOnlyWhenSufficient,
  requiredItemsSatisfied,
  scopeOnlyNarrows,
  warrantStillValid,
  withholdingHasReasons,
} from './review-checks';
import type { ReviewSubmission } from './review-types';
import type { EffectiveRule } from './rule-types';

const CARD = '23000000012345';
const OTHER = '23000000099999';
const REQUESTED: CaseScope = { cardNumbers: [CARD], from: '2026-01-01', to: '2026-02-28', recordTypes: ['patron', 'loans'] };

/** A check's context: the default rule of `type`, a review with every item answered in support, the request's scope. */
function context(type: RequestType, review: Partial<ReviewSubmission> = {}, facts: Partial<ReviewContext> = {}): ReviewContext {
  const rule = facts.rule ?? DEFAULT_RULES[type];
  const submission: ReviewSubmission = {
    checklist: Object.fromEntries(rule.checklist.map((i) => [i.key, i.supportingAnswer])),
    sufficiency: 'sufficient',
    recommendation: 'fulfil',
    reasons: [],
    ...review,
  };
  return {
    requestType: type,
    rule,
    review: submission,
    requestedScope: REQUESTED,
    scope: submission.scope ?? REQUESTED,
    instrumentIssuedAt: '2026-03-05',
    receivedAt: '2026-03-06T10:00:00-08:00',
    consentCardNumbers: [CARD],
    now: '2026-03-10T10:00:00-08:00',
    deadlineSettings: DEFAULT_DEADLINE_SETTINGS,
    ...facts,
  };
}
const codesOf = (found: { code: string }[]) => found.map((c) => c.code);

describe('requiredItemsSatisfied: what the message says about the answer', () => {
  it('says a statement left blank is not answered, not that it was denied', () => {
    const checklist = { ...context('search_warrant').review.checklist };
    delete checklist.signed_by_magistrate;
    const [found] = requiredItemsSatisfied(context('search_warrant', { checklist }));
    expect(found.message).toBe('"Signed by a magistrate" is not answered, but the request is marked sufficient.');
  });
  it('says a question answered against release was answered no', () => {
    const ctx = context('national_security_letter');
    const [found] = requiredItemsSatisfied({ ...ctx, review: { ...ctx.review, checklist: { ...ctx.review.checklist, library_is_ecs_provider: false } } });
    expect(found).toMatchObject({ code: 'REQUIRED_ITEM_UNSATISFIED', checklistKey: 'library_is_ecs_provider', citation: '18 U.S.C. §§ 2709(f), 2510(15)' });
    expect(found.message).toMatch(/^"Does the library act as an electronic communication service provider for these records\?" is answered no, but/);
  });
  it('treats a review with no checklist at all as answering nothing', () => {
    const ctx = context('court_order');
    const found = requiredItemsSatisfied({ ...ctx, review: { ...ctx.review, checklist: undefined as never } });
    expect(found.map((c) => c.checklistKey)).toEqual(DEFAULT_RULES.court_order.checklist.filter((i) => i.required).map((i) => i.key));
    expect(found.every((c) => c.message.includes('is not answered'))).toBe(true);
  });
  it('does not hold optional items against a sufficient finding', () => {
    const ctx = context('search_warrant');
    expect(requiredItemsSatisfied({ ...ctx, review: { ...ctx.review, checklist: { ...ctx.review.checklist, executable_in_county: false } } })).toEqual([]);
  });
});

describe('releaseHasBasis: a release needs the type’s own basis, a satisfied route, or the fines exception', () => {
  it('names the route a subpoena lacks: a superior court order (Gov. Code § 7927.105(c)(3))', () => {
    const ctx = context('civil_subpoena');
    const found = releaseHasBasis({ ...ctx, review: { ...ctx.review, checklist: { ...ctx.review.checklist, court_order_obtained: false } } });
    expect(found).toEqual([
      {
        code: 'SUBPOENA_WITHOUT_COURT_ORDER',
        message: 'Release recommended on a subpoena without a superior court order: Civil subpoena gives no basis for release unless a superior court order for the records has been obtained.',
        citation: 'Gov. Code § 7927.105(c)(3); Code Civ. Proc. § 1985.3',
      },
    ]);
  });
  it('offers no "unless" when the type has no route at all', () => {
    const [found] = releaseHasBasis(context('national_security_letter'));
    expect(found.message).toBe('Release recommended on federal process the rules refer to counsel: National Security Letter gives no basis for release.');
  });
  it('lists every route counsel’s settings open, joined by "or"', () => {
    const rule = resolveRules({ federalProcessHandling: 'comply_when_valid' }).criminal_subpoena;
    const ctx = context('criminal_subpoena', {}, { rule });
    const checklist = Object.fromEntries(rule.checklist.map((i) => [i.key, false]));
    const [found] = releaseHasBasis({ ...ctx, review: { ...ctx.review, checklist } });
    expect(found.message).toMatch(/unless a superior court order for the records has been obtained or federal grand-jury subpoena, found valid on counsel's advice\.$/);
  });
  it('opens a route only when every item it requires is satisfied', () => {
    const rule = resolveRules({ federalProcessHandling: 'comply_when_valid' }).national_security_letter;
    const route = rule.releaseRoutes[0];
    fc.assert(
      fc.property(fc.subarray([...route.requires]), (satisfied) => {
        const checklist = Object.fromEntries(rule.checklist.map((i) => [i.key, satisfied.includes(i.key) ? i.supportingAnswer : !i.supportingAnswer]));
        const ctx = context('national_security_letter', { checklist }, { rule });
        expect(codesOf(releaseHasBasis(ctx))).toEqual(satisfied.length === route.requires.length ? [] : ['FEDERAL_PROCESS_NOT_CLEARED']);
      }),
    );
  });
  it('does not count a route item the type has no checklist entry for as satisfied', () => {
    const base = DEFAULT_RULES.civil_subpoena;
    const rule: EffectiveRule = { ...base, releaseRoutes: [{ text: 'An item this checklist lacks', citation: 'test', requires: ['not_on_this_checklist'] }] };
    const ctx = context('civil_subpoena', { checklist: { ...context('civil_subpoena').review.checklist, not_on_this_checklist: true } }, { rule });
    expect(codesOf(releaseHasBasis(ctx))).toEqual(['SUBPOENA_WITHOUT_COURT_ORDER']);
  });
  it('asks nothing of a denial', () => {
    expect(releaseHasBasis(context('national_security_letter', { recommendation: 'deny' }))).toEqual([]);
  });
});

describe('onlyUnprotected: records of fines alone (Gov. Code § 7927.105(b)(2)), where the rule allows it', () => {
  const rule = DEFAULT_RULES.public_records;
  it('holds exactly for a non-empty scope of record types the rule releases without a basis', () => {
    fc.assert(
      fc.property(fc.subarray([...RECORD_TYPES]), (recordTypes) => {
        expect(onlyUnprotected(rule, { recordTypes })).toBe(recordTypes.length > 0 && recordTypes.every((t) => t === 'fines'));
      }),
    );
  });
  it('never holds for a rule with no such exception', () => {
    expect(onlyUnprotected(DEFAULT_RULES.civil_subpoena, { recordTypes: ['fines'] })).toBe(false);
  });
});

describe('consentCoversScope: consent releases only the consenting patron’s records (Gov. Code § 7927.105(c)(2))', () => {
  it('applies whenever the review relies on the consent: found sufficient, or recommending release', () => {
    const other = { scope: { ...REQUESTED, cardNumbers: [CARD, OTHER] } };
    const cases: [ReviewSubmission['sufficiency'], ReviewSubmission['recommendation'], boolean][] = [
      ['sufficient', 'fulfil', true],
      ['sufficient', 'deny', true],
      ['insufficient', 'partial', true],
      ['insufficient', 'deny', false],
      ['needs_info', 'deny', false],
    ];
    for (const [sufficiency, recommendation, applies] of cases) {
      expect(codesOf(consentCoversScope(context('patron_consent', { sufficiency, recommendation, ...other })))).toEqual(applies ? ['CONSENT_OTHER_PATRON'] : []);
    }
  });
  it('asks which patron consented when that is not recorded', () => {
    expect(consentCoversScope(context('patron_consent', {}, { consentCardNumbers: [] }))).toEqual([
      { code: 'CONSENTING_PATRON_UNKNOWN', message: 'The consent is relied on but the consenting patron’s card number is not recorded.', citation: 'Gov. Code § 7927.105(c)(2)' },
    ]);
  });
  it('counts the other patrons without naming their cards', () => {
    const [found] = consentCoversScope(context('patron_consent', { scope: { ...REQUESTED, cardNumbers: [CARD, OTHER, '23000000077777'] } }));
    expect(found.message).toBe('2 card number(s) in the scope are not the consenting patron’s.');
  });
  it('is a check of consent cases only', () => {
    expect(consentCoversScope(context('court_order', {}, { consentCardNumbers: [] }))).toEqual([]);
  });
});

describe('warrantStillValid: served within 10 days of issuance (Penal Code § 1534(a))', () => {
  it('applies whenever the review relies on the warrant', () => {
    const stale = { instrumentIssuedAt: '2026-01-01', receivedAt: '2026-03-01T10:00:00-08:00' };
    expect(codesOf(warrantStillValid(context('search_warrant', { sufficiency: 'sufficient', recommendation: 'deny' }, stale)))).toEqual(['WARRANT_EXPIRED']);
    expect(codesOf(warrantStillValid(context('search_warrant', { sufficiency: 'insufficient', recommendation: 'fulfil' }, stale)))).toEqual(['WARRANT_EXPIRED']);
    expect(warrantStillValid(context('search_warrant', { sufficiency: 'insufficient', recommendation: 'deny' }, stale))).toEqual([]);
    expect(warrantStillValid(context('court_order', {}, stale))).toEqual([]);
  });
  it('measures from the review day when the service time is not recorded', () => {
    const issued = { instrumentIssuedAt: '2026-03-01', receivedAt: null };
    expect(warrantStillValid(context('search_warrant', {}, { ...issued, now: '2026-03-11T12:00:00-08:00' }))).toEqual([]);
    expect(codesOf(warrantStillValid(context('search_warrant', {}, { ...issued, now: '2026-03-12T12:00:00-08:00' })))).toEqual(['WARRANT_EXPIRED']);
  });
  it('says why a warrant without an issue date cannot be relied on', () => {
    expect(warrantStillValid(context('search_warrant', {}, { instrumentIssuedAt: null }))).toEqual([
      { code: 'WARRANT_ISSUE_DATE_MISSING', message: 'The warrant is relied on but its issue date is not recorded, so its 10 days cannot be checked.', citation: 'Penal Code § 1534(a)' },
    ]);
  });
});

describe('scopeOnlyNarrows: the message names each way the narrowed scope goes beyond the request', () => {
  const widened = (scope: Partial<CaseScope>) => scopeOnlyNarrows(context('court_order', { scope: { ...REQUESTED, ...scope } }));
  it.each([
    ['a patron', { cardNumbers: [CARD, OTHER, '23000000077777'] }, '2 card number(s) not requested'],
    ['record types', { recordTypes: ['patron', 'searches', 'sessions'] as CaseScope['recordTypes'] }, 'record types not requested: searches, sessions'],
    ['an earlier start', { from: '2025-12-31' }, 'starts 2025-12-31, before 2026-01-01'],
    ['a later end', { to: '2026-03-01' }, 'ends 2026-03-01, after 2026-02-28'],
    ['contact details', { includeContactDetails: true }, 'contact details not requested'],
  ])('%s', (_what, scope, detail) => {
    expect(widened(scope)).toEqual([{ code: 'SCOPE_WIDENED', message: `The narrowed scope goes beyond the request: ${detail}.`, citation: expect.stringMatching(/7927\.105/) }]);
  });
  it('does not object to contact details the request itself asks for', () => {
    const requested = { ...REQUESTED, includeContactDetails: true };
    const found = scopeOnlyNarrows({ ...context('court_order', { scope: { ...requested, cardNumbers: [CARD, OTHER] } }), requestedScope: requested });
    expect(found.map((c) => c.message)).toEqual(['The narrowed scope goes beyond the request: 1 card number(s) not requested.']);
  });
  it('counts the aliases the request gives that a narrowed scope drops or changes, for patrons it keeps', () => {
    const requested: CaseScope = { ...REQUESTED, cardNumbers: [CARD, OTHER], aliases: [{ cardNumber: CARD, alias: 'Patron A' }, { cardNumber: OTHER, alias: 'Patron B' }] };
    const narrowedTo = (scope: Partial<CaseScope>) => scopeOnlyNarrows({ ...context('court_order', { scope: { ...requested, ...scope } }), requestedScope: requested }).map((c) => c.message);
    expect(narrowedTo({ aliases: [{ cardNumber: CARD, alias: 'Patron A' }] })).toEqual(['The narrowed scope goes beyond the request: 1 alias(es) the request gives dropped or changed.']);
    expect(narrowedTo({ aliases: [{ cardNumber: CARD, alias: 'Patron 1' }, { cardNumber: OTHER, alias: 'Patron 2' }] })).toEqual(['The narrowed scope goes beyond the request: 2 alias(es) the request gives dropped or changed.']);
    // Dropping the patron drops the alias with them: nothing is printed, nothing widened.
    expect(narrowedTo({ cardNumbers: [CARD], aliases: [{ cardNumber: CARD, alias: 'Patron A' }] })).toEqual([]);
    expect(narrowedTo({})).toEqual([]);
  });
  it('joins several with semicolons', () => {
    expect(widened({ from: '2025-12-01', to: '2026-03-31' })[0].message).toBe('The narrowed scope goes beyond the request: starts 2025-12-01, before 2026-01-01; ends 2026-03-31, after 2026-02-28.');
  });
  it('accepts the requested scope itself, and a review that does not narrow', () => {
    expect(widened({})).toEqual([]);
    expect(scopeOnlyNarrows(context('court_order', { scope: null }))).toEqual([]);
  });
});

describe('withholdingHasReasons: whatever is withheld has a reason code (Gov. Code § 7922.540)', () => {
  it('asks a reason of a partial release and of a denial, not of a full release', () => {
    expect(withholdingHasReasons(context('court_order', { recommendation: 'partial', reasons: [] }))).toEqual([
      { code: 'MISSING_REASONS', message: "Recommends 'partial' without a reason code for what is withheld.", citation: 'Gov. Code § 7922.540; withholding log' },
    ]);
    expect(codesOf(withholdingHasReasons(context('court_order', { recommendation: 'deny', reasons: [] })))).toEqual(['MISSING_REASONS']);
    expect(withholdingHasReasons(context('court_order', { recommendation: 'deny', reasons: ['NOT_SIGNED'] }))).toEqual([]);
    expect(withholdingHasReasons(context('court_order', { recommendation: 'fulfil', reasons: [] }))).toEqual([]);
    expect(codesOf(withholdingHasReasons(context('court_order', { recommendation: 'deny', reasons: undefined as never })))).toEqual(['MISSING_REASONS']);
  });
});

describe('the remaining wording a reviewer reads', () => {
  it('says what a release on an insufficient request contradicts', () => {
    expect(releaseOnlyWhenSufficient(context('court_order', { sufficiency: 'needs_info', recommendation: 'partial' }))).toEqual([
      { code: 'RELEASE_WHEN_NOT_SUFFICIENT', message: "Recommends 'partial' but sufficiency is 'needs_info'.", citation: 'Gov. Code § 7927.105(c)' },
    ]);
  });
  it('asks a partial release to name what may go', () => {
    expect(partialNamesScope(context('court_order', { recommendation: 'partial', scope: null }))).toEqual([
      { code: 'PARTIAL_WITHOUT_SCOPE', message: "Recommends 'partial' but gives no narrowed scope; name the patrons, dates and record types that may be released.", citation: expect.stringMatching(/7927\.105/) },
    ]);
  });
});

describe('nslScopeLimited: an NSL reaches subscriber and transactional records only (18 U.S.C. § 2709(a), (b))', () => {
  it('names exactly the record types beyond them, for any scope', () => {
    fc.assert(
      fc.property(fc.subarray([...RECORD_TYPES], { minLength: 1 }), (recordTypes) => {
        const beyond = recordTypes.filter((t) => t !== 'patron' && t !== 'sessions');
        const found = nslScopeLimited(context('national_security_letter', {}, { scope: { ...REQUESTED, recordTypes } }));
        expect(found).toEqual(
          beyond.length
            ? [{ code: 'NSL_SCOPE_EXCEEDED', message: `A National Security Letter reaches subscriber and transactional records only; narrow the scope to remove: ${beyond.join(', ')}.`, citation: '18 U.S.C. § 2709(a), (b)' }]
            : [],
        );
      }),
    );
  });
  it('leaves a denial alone', () => {
    expect(nslScopeLimited(context('national_security_letter', { recommendation: 'deny' }))).toEqual([]);
  });
});
