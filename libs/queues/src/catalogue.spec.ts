import { DEFAULT_JOB_OPTIONS, JobName, QUEUES, QUEUE_NAMES, jobRequest, queueOf } from './catalogue';

describe('the queue catalogue', () => {
  const jobNames = Object.values(QUEUES).flat() as JobName[];

  it('puts every job name in exactly one queue, so one worker owns each step', () => {
    expect(new Set(jobNames).size).toBe(jobNames.length);
    for (const name of jobNames) expect((QUEUES[queueOf(name)] as readonly string[]).includes(name)).toBe(true);
  });

  it('keeps CPU-heavy rendering on its own queue, away from intake and review', () => {
    expect(QUEUES[queueOf('render-production')]).toEqual(['render-production']);
    expect(queueOf('complete-intake')).not.toBe(queueOf('render-production'));
  });

  it('refuses a job that is in no queue', () => {
    expect(() => queueOf('no-such-job' as JobName)).toThrow(/in no queue/);
  });

  it('lists every queue name once', () => {
    expect(QUEUE_NAMES.sort()).toEqual(Object.keys(QUEUES).sort());
  });

  it('carries a run-at time only for delayed jobs', () => {
    expect(jobRequest('complete-intake', { caseId: 'c1' }, 'c1-intake')).toEqual({ name: 'complete-intake', payload: { caseId: 'c1' }, jobId: 'c1-intake' });
    const at = new Date('2026-12-24T16:00:00Z');
    expect(jobRequest('deadline-reminder', { caseId: 'c1', clock: 'cpra', dueDate: '2026-12-28', stage: 'due_soon' }, 'r1', at).runAt).toBe(at);
  });

  it('retries failed steps and bounds what Redis keeps', () => {
    expect(DEFAULT_JOB_OPTIONS.attempts).toBeGreaterThan(1);
    expect(DEFAULT_JOB_OPTIONS.removeOnComplete.count).toBeGreaterThan(0);
    expect(DEFAULT_JOB_OPTIONS.removeOnFail.count).toBeGreaterThan(0);
  });
});
