import { handlerProblems, JobHandler } from './job-handler';

const handler = (jobName: string) => ({ jobName, handle: async () => undefined }) as unknown as JobHandler;

describe('handlerProblems', () => {
  it('accepts exactly one handler per job', () => {
    expect(handlerProblems(['complete-intake', 'write-denial'], [handler('complete-intake'), handler('write-denial')])).toEqual([]);
  });
  it('names missing, doubled and unknown handlers', () => {
    const problems = handlerProblems(['complete-intake', 'write-denial'], [handler('complete-intake'), handler('complete-intake'), handler('bogus')]);
    expect(problems).toEqual(['job complete-intake has 2 handlers', 'job write-denial has 0 handlers', 'handler for unknown job bogus']);
  });
});
