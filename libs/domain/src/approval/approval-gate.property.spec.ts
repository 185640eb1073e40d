import fc from 'fast-check';
import { RECOMMENDATIONS, SUFFICIENCIES } from '../rules/review-types';
import { CONTRADICTION_CODES } from '../rules/contradiction-codes';
import { CaseState, nextState, canTransition } from '../case-state';
import type { CaseScope } from '../scope';
import { ReviewForApproval, approvalGate, denialGate, isNoBasisContradiction } from './approval-gate';

const REQUESTED: CaseScope = { cardNumbers: ['23000000000001', '23000000000002'], from: '2026-01-01', to: '2026-06-30', recordTypes: ['patron', 'loans', 'fines'] };
const NARROWER: CaseScope = { cardNumbers: ['23000000000001'], from: '2026-02-01', to: '2026-03-31', recordTypes: ['loans'] };
const WIDER: CaseScope = { ...REQUESTED, cardNumbers: [...REQUESTED.cardNumbers, '23000000000099'] };

const scopeArb = fc.constantFrom<CaseScope | null>(null, NARROWER, REQUESTED, WIDER);
const codeArb = fc.constantFrom(...(Object.keys(CONTRADICTION_CODES) as (keyof typeof CONTRADICTION_CODES)[]));
const reviewArb = (id: number, at: number): fc.Arbitrary<ReviewForApproval> =>
  fc.record({
    sufficiency: fc.constantFrom(...SUFFICIENCIES),
    recommendation: fc.constantFrom(...RECOMMENDATIONS),
    scope: scopeArb,
    contradictions: fc.array(codeArb, { maxLength: 2 }).map((codes) => codes.map((code) => ({ code }))),
  }).map((r) => ({ ...r, id: `r${id}`, createdAt: new Date(Date.UTC(2026, 0, 1) + at * 60_000) }));

/** The rule, written out independently of approvalGate: what a completed supporting review is. */
function supports(review: ReviewForApproval, lastReturnAt: number | null): boolean {
  const at = new Date(review.createdAt).getTime();
  const inside = (s: CaseScope) => s.cardNumbers.every((c) => REQUESTED.cardNumbers.includes(c)) && s.recordTypes.every((t) => REQUESTED.recordTypes.includes(t)) && s.from >= REQUESTED.from && s.to <= REQUESTED.to;
  return (
    (lastReturnAt === null || at > lastReturnAt) &&
    review.sufficiency === 'sufficient' &&
    (review.recommendation === 'fulfil' || (review.recommendation === 'partial' && review.scope !== null)) &&
    (review.scope === null || inside(review.scope)) &&
    !(review.contradictions ?? []).some((c) => isNoBasisContradiction(c.code))
  );
}

/** A case history: reviews and send-backs in time order, each at its own minute. */
const historyArb = fc.array(fc.constantFrom<'review' | 'return'>('review', 'review', 'return'), { maxLength: 6 }).chain((kinds) =>
  fc.tuple(...kinds.map((kind, i) => (kind === 'review' ? reviewArb(i, i).map((r) => ({ kind, review: r })) : fc.constant({ kind, at: i })))).map((events) => {
    const history = events as ({ kind: 'review'; review: ReviewForApproval } | { kind: 'return'; at: number })[];
    return {
      reviews: history.flatMap((e) => (e.kind === 'review' ? [e.review] : [])),
      returns: history.flatMap((e) => (e.kind === 'return' ? [{ createdAt: new Date(Date.UTC(2026, 0, 1) + e.at * 60_000) }] : [])),
    };
  }),
);
const lastReturnTime = (returns: readonly { createdAt: Date }[]) => (returns.length ? returns[returns.length - 1].createdAt.getTime() : null);

describe('approvalGate: approval impossible without a supporting review', () => {
  it('allows approval exactly when the newest review, later than any send-back, supports release', () => {
    fc.assert(
      fc.property(historyArb, ({ reviews, returns }) => {
        const gate = approvalGate({ requestedScope: REQUESTED, reviews, returns });
        const newest = reviews[reviews.length - 1];
        const expected = newest !== undefined && supports(newest, lastReturnTime(returns));
        expect(gate.allowed).toBe(expected);
        if (gate.allowed) {
          expect(gate.reviewId).toBe(newest.id);
          // The approved scope is the review's narrowed scope, never the full request when narrowed.
          expect(gate.scope).toEqual(newest.scope ?? REQUESTED);
          expect(gate.narrowed).toBe(newest.scope !== null);
        } else {
          expect(gate.message).toBeTruthy();
          expect(gate.citation).toMatch(/7927\.105/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is not fooled by the order reviews are listed in', () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), ({ reviews, returns }, seed) => {
        const shuffled = [...reviews].sort((a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7));
        expect(approvalGate({ requestedScope: REQUESTED, reviews: shuffled, returns })).toEqual(approvalGate({ requestedScope: REQUESTED, reviews, returns }));
      }),
    );
  });

  it('lets a director deny or send back exactly when the newest review, later than any send-back, is complete', () => {
    fc.assert(
      fc.property(historyArb, ({ reviews, returns }) => {
        const gate = denialGate({ requestedScope: REQUESTED, reviews, returns });
        const newest = reviews[reviews.length - 1];
        const lastReturnAt = lastReturnTime(returns);
        const sentBack = newest !== undefined && lastReturnAt !== null && lastReturnAt > new Date(newest.createdAt).getTime();
        // Whether the review supports release does not matter: an insufficient review is the usual ground for denial.
        const expected = newest !== undefined && !sentBack && newest.sufficiency !== 'needs_info';
        expect(gate.allowed).toBe(expected);
        expect(gate.reviewId).toBe(newest?.id ?? null);
        const why = newest === undefined ? /No legal review/ : sentBack ? /sent back/ : newest.sufficiency === 'needs_info' ? /asked the requester for information/ : /completed review supports/;
        expect(gate.message).toMatch(why);
      }),
      { numRuns: 1000 },
    );
  });

  /*
   * Every path through the state machine: random sequences of the actions people and workers can take. The only
   * way into `fulfilling` is `approve`, which the model takes only when the gate allows; the property checks that
   * whenever the case is fulfilling, the review the approval rested on supports release.
   */
  const actionArb = fc.oneof(
    fc.record({ kind: fc.constant('review' as const), review: reviewArb(0, 0) }),
    fc.constantFrom({ kind: 'approve' as const }, { kind: 'deny' as const }, { kind: 'sendBack' as const }, { kind: 'resume' as const }, { kind: 'completeIntake' as const }),
  );
  it('never reaches fulfilling without a supporting review, on any sequence of actions', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 25 }), (actions) => {
        let state: CaseState = 'intake';
        let clock = 0;
        const reviews: ReviewForApproval[] = [];
        const returns: { createdAt: Date }[] = [];
        let approvedOn: ReviewForApproval | null = null;
        for (const action of actions) {
          clock += 1;
          const now = new Date(Date.UTC(2026, 0, 1) + clock * 60_000);
          if (action.kind === 'completeIntake' && canTransition(state, 'completeIntake')) state = nextState(state, 'completeIntake');
          if (action.kind === 'review' && state === 'legal_review') {
            const review = { ...action.review, id: `r${clock}`, createdAt: now };
            reviews.push(review);
            state = nextState(state, review.sufficiency === 'needs_info' ? 'requestInformation' : 'completeReview');
          }
          if (action.kind === 'resume' && canTransition(state, 'informationReceived')) state = nextState(state, 'informationReceived');
          if (action.kind === 'sendBack' && state === 'awaiting_approval' && denialGate({ requestedScope: REQUESTED, reviews, returns }).allowed) {
            returns.push({ createdAt: now });
            state = nextState(state, 'sendBack');
          }
          if (action.kind === 'deny' && state === 'awaiting_approval' && denialGate({ requestedScope: REQUESTED, reviews, returns }).allowed) state = nextState(state, 'deny');
          if (action.kind === 'approve' && canTransition(state, 'approve')) {
            const gate = approvalGate({ requestedScope: REQUESTED, reviews, returns });
            if (gate.allowed) {
              state = nextState(state, 'approve');
              approvedOn = reviews.find((r) => r.id === gate.reviewId)!;
            }
          }
          if (state === 'fulfilling') {
            expect(approvedOn).not.toBeNull();
            expect(supports(approvedOn!, lastReturnTime(returns))).toBe(true);
            expect(reviews[reviews.length - 1]).toBe(approvedOn);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('approvalGate: examples', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
  const review = (patch: Partial<ReviewForApproval> = {}): ReviewForApproval => ({ id: 'r1', sufficiency: 'sufficient', recommendation: 'fulfil', scope: null, contradictions: [], createdAt: at(1), ...patch });
  it('approves the narrowed scope, not the request', () => {
    expect(approvalGate({ requestedScope: REQUESTED, reviews: [review({ recommendation: 'partial', scope: NARROWER })], returns: [] })).toMatchObject({ allowed: true, scope: NARROWER, narrowed: true });
  });
  it.each([
    ['no review', [], [], 'NO_REVIEW'],
    ['insufficient', [review({ sufficiency: 'insufficient' })], [], 'REVIEW_NOT_SUFFICIENT'],
    ['needs info', [review({ sufficiency: 'needs_info' })], [], 'REVIEW_NOT_COMPLETE'],
    ['recommends denial', [review({ recommendation: 'deny' })], [], 'REVIEW_RECOMMENDS_DENIAL'],
    ['partial with no scope', [review({ recommendation: 'partial' })], [], 'PARTIAL_WITHOUT_SCOPE'],
    ['sent back', [review()], [{ createdAt: at(2) }], 'REVIEW_SENT_BACK'],
    ['overridden missing basis', [review({ contradictions: [{ code: 'SUBPOENA_WITHOUT_COURT_ORDER' }] })], [], 'RELEASE_WITHOUT_BASIS'],
    ['wider scope', [review({ scope: WIDER })], [], 'SCOPE_WIDENED'],
  ] as const)('refuses: %s', (_name, reviews, returns, code) => {
    expect(approvalGate({ requestedScope: REQUESTED, reviews: [...reviews], returns: [...returns] })).toMatchObject({ allowed: false, code });
  });
  it('approves the requested scope as it stands when the review did not narrow it', () => {
    expect(approvalGate({ requestedScope: REQUESTED, reviews: [review()], returns: [] })).toEqual({ allowed: true, reviewId: 'r1', scope: REQUESTED, narrowed: false });
  });
  it('counts a send-back recorded at the same instant as the review as later (a send-back is always of a review already made)', () => {
    const facts = { requestedScope: REQUESTED, reviews: [review()], returns: [{ createdAt: at(1) }] };
    expect(approvalGate(facts)).toMatchObject({ allowed: false, code: 'REVIEW_SENT_BACK', reviewId: 'r1' });
    expect(denialGate(facts)).toMatchObject({ allowed: false, reviewId: 'r1' });
  });
  it('reads send-backs and reviews given as ISO strings, as rows from the database may be', () => {
    const iso = (minute: number) => at(minute).toISOString();
    expect(approvalGate({ requestedScope: REQUESTED, reviews: [review({ createdAt: iso(1) })], returns: [{ createdAt: iso(2) }] })).toMatchObject({ allowed: false, code: 'REVIEW_SENT_BACK' });
    expect(approvalGate({ requestedScope: REQUESTED, reviews: [review({ createdAt: iso(3) })], returns: [{ createdAt: iso(2) }] })).toMatchObject({ allowed: true });
  });
  it('lets a new supporting review after a send-back be approved', () => {
    expect(approvalGate({ requestedScope: REQUESTED, reviews: [review({ recommendation: 'deny' }), review({ id: 'r2', createdAt: at(3) })], returns: [{ createdAt: at(2) }] })).toMatchObject({ allowed: true, reviewId: 'r2' });
  });
});
