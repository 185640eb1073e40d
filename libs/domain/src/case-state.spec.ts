import { CASE_STATES, CaseState, IllegalTransitionError, TRANSITIONS, TransitionName, canTransition, isOpen, nextState } from './case-state';

describe('case state machine', () => {
  it('walks intake to fulfilled', () => {
    let s = nextState('intake', 'completeIntake');
    s = nextState(s, 'completeReview');
    s = nextState(s, 'approve');
    expect(nextState(s, 'completeFulfilment')).toBe('fulfilled');
  });
  it('refuses approving a case still in intake, naming the state', () => {
    expect(() => nextState('intake', 'approve')).toThrow(IllegalTransitionError);
    expect(() => nextState('intake', 'approve')).toThrow(/intake/);
  });
  it('has no way out of closed or withdrawn', () => {
    for (const t of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]) {
      expect(canTransition('closed', t)).toBe(false);
      expect(canTransition('withdrawn', t)).toBe(false);
    }
  });
  it('only reaches fulfilling through approval', () => {
    const into = Object.entries(TRANSITIONS).filter(([, t]) => t.to === 'fulfilling').map(([n]) => n);
    expect(into).toEqual(['approve']);
    expect(CASE_STATES).toContain('fulfilling');
  });
});

describe('case lifecycle as design.md states it', () => {
  // The lifecycle written out from design.md "Case lifecycle", independently of TRANSITIONS.
  const LIFECYCLE: Record<CaseState, Partial<Record<TransitionName, CaseState>>> = {
    intake: { completeIntake: 'legal_review', withdraw: 'withdrawn' },
    legal_review: { completeReview: 'awaiting_approval', requestInformation: 'needs_info', withdraw: 'withdrawn' },
    needs_info: { informationReceived: 'legal_review', withdraw: 'withdrawn' },
    awaiting_approval: { approve: 'fulfilling', deny: 'denied', sendBack: 'legal_review', withdraw: 'withdrawn' },
    fulfilling: { completeFulfilment: 'fulfilled', withdraw: 'withdrawn' },
    fulfilled: { close: 'closed' },
    denied: { close: 'closed' },
    closed: {},
    withdrawn: {},
  };
  const transitions = Object.keys(TRANSITIONS) as TransitionName[];

  it.each(CASE_STATES)('%s: allows exactly the moves of the lifecycle, landing where it says', (state) => {
    for (const transition of transitions) {
      const to = LIFECYCLE[state][transition];
      expect(canTransition(state, transition)).toBe(to !== undefined);
      if (to) expect(nextState(state, transition)).toBe(to);
      else expect(() => nextState(state, transition)).toThrow(IllegalTransitionError);
    }
  });

  it('names the refused move and the state in the error', () => {
    const error = (() => {
      try {
        nextState('denied', 'approve');
      } catch (e) {
        return e;
      }
    })() as IllegalTransitionError;
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(error).toMatchObject({ name: 'IllegalTransitionError', transition: 'approve', currentState: 'denied', message: "Cannot approve a case in state 'denied'" });
  });

  it('counts a case open until it is fulfilled, denied, closed or withdrawn (withdrawal is possible from any open state)', () => {
    const open = CASE_STATES.filter(isOpen);
    expect(open).toEqual(['intake', 'legal_review', 'needs_info', 'awaiting_approval', 'fulfilling']);
    for (const state of CASE_STATES) expect(isOpen(state)).toBe(LIFECYCLE[state].withdraw !== undefined);
  });
});
