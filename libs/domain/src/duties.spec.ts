import { conflictingDuty } from './duties';

describe('separation of duties', () => {
  const participants = { intakeClerkId: 'u1', reviewingAttorneyId: 'u2', decidingDirectorId: null };

  it('refuses a director who took intake', () => {
    expect(conflictingDuty(participants, 'decision', 'u1')).toBe('intake');
  });
  it('refuses a director who reviewed', () => {
    expect(conflictingDuty(participants, 'decision', 'u2')).toBe('review');
  });
  it('allows a third person', () => {
    expect(conflictingDuty(participants, 'decision', 'u3')).toBeNull();
  });
  it('lets the same attorney review again after a cure', () => {
    expect(conflictingDuty(participants, 'review', 'u2')).toBeNull();
  });
});
