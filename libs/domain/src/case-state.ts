/**
 * The case state machine (design.md "Case lifecycle"). The case row is the state machine; every
 * transition the API or a worker makes is checked here first, so illegal moves fail the same way everywhere.
 */
export const CASE_STATES = [
  'intake',
  'legal_review',
  'needs_info',
  'awaiting_approval',
  'fulfilling',
  'fulfilled',
  'denied',
  'closed',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const OPEN_STATES: readonly CaseState[] = ['intake', 'legal_review', 'needs_info', 'awaiting_approval', 'fulfilling'];
export const TERMINAL_STATES: readonly CaseState[] = ['closed', 'withdrawn'];

/** Named transitions; each says from where it may start and where it lands. */
export const TRANSITIONS = {
  completeIntake: { from: ['intake'], to: 'legal_review' },
  requestInformation: { from: ['legal_review'], to: 'needs_info' },
  informationReceived: { from: ['needs_info'], to: 'legal_review' },
  completeReview: { from: ['legal_review'], to: 'awaiting_approval' },
  /** A director who disagrees with the review returns it for another review, with a written reason. */
  sendBack: { from: ['awaiting_approval'], to: 'legal_review' },
  approve: { from: ['awaiting_approval'], to: 'fulfilling' },
  completeFulfilment: { from: ['fulfilling'], to: 'fulfilled' },
  deny: { from: ['awaiting_approval'], to: 'denied' },
  close: { from: ['fulfilled', 'denied'], to: 'closed' },
  withdraw: { from: ['intake', 'legal_review', 'needs_info', 'awaiting_approval', 'fulfilling'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly CaseState[]; to: CaseState }>;
export type TransitionName = keyof typeof TRANSITIONS;

export class IllegalTransitionError extends Error {
  constructor(
    readonly transition: TransitionName,
    readonly currentState: CaseState,
  ) {
    super(`Cannot ${transition} a case in state '${currentState}'`);
    this.name = 'IllegalTransitionError';
  }
}

export function canTransition(state: CaseState, transition: TransitionName): boolean {
  return (TRANSITIONS[transition].from as readonly CaseState[]).includes(state);
}

/** Returns the state after `transition`, or throws IllegalTransitionError. */
export function nextState(state: CaseState, transition: TransitionName): CaseState {
  if (!canTransition(state, transition)) throw new IllegalTransitionError(transition, state);
  return TRANSITIONS[transition].to;
}

export function isOpen(state: CaseState): boolean {
  return OPEN_STATES.includes(state);
}
