import { assertNotPoison } from './poison-guard';

describe('assertNotPoison', () => {
  it('lets a job run until its process has died under it the allowed number of times', () => {
    expect(() => assertNotPoison({ name: 'import-records' }, 3)).not.toThrow();
    expect(() => assertNotPoison({ name: 'import-records', stalledCounter: 2 }, 3)).not.toThrow();
  });

  it('quarantines it as unrecoverable once it has, so BullMQ neither retries it nor runs it again', () => {
    let thrown: Error | undefined;
    try {
      assertNotPoison({ name: 'render-production', stalledCounter: 3 }, 3);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.name).toBe('UnrecoverableError');
    expect(thrown?.message).toBe('the render-production job stopped its worker process 3 times and was quarantined');
  });
});
