import { conflictingDuty, conflictingHeldDuty, dutyOfAction } from './duties';

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

describe('duties from every act', () => {
  it('counts creating, editing, importing into and submitting an intake as the intake duty', () => {
    for (const action of ['case.created', 'case.updated', 'records.upload', 'case.submitted']) expect(dutyOfAction(action)).toBe('intake');
    expect(dutyOfAction('case.reviewed')).toBe('review');
    expect(dutyOfAction('case.approved')).toBe('decision');
    expect(dutyOfAction('case.denied')).toBe('decision');
  });
  it('gives no duty for reads, or for keys that merely exist on every object', () => {
    for (const action of ['case.read', 'document.read', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(dutyOfAction(action)).toBeNull();
  });
  it('refuses a second duty and allows the same one again', () => {
    expect(conflictingHeldDuty(['intake'], 'review')).toBe('intake');
    expect(conflictingHeldDuty(['review'], 'review')).toBeNull();
    expect(conflictingHeldDuty([], 'decision')).toBeNull();
  });
});
