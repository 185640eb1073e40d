import { CASE_STATES, IllegalTransitionError, TRANSITIONS, canTransition, nextState } from './case-state';

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
