import type { Job } from 'bullmq';
import { JobName, JobPayloads } from '@custodian/queues';

/** One handler per job name; the worker refuses to start unless the catalogue and the handlers match exactly. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(job: Job<JobPayloads[N]>): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** Checks that every job name has exactly one handler and no handler serves an unknown job. */
export function handlerProblems(catalogue: readonly JobName[], handlers: readonly JobHandler[]): string[] {
  const problems: string[] = [];
  for (const name of catalogue) {
    const count = handlers.filter((h) => h.jobName === name).length;
    if (count !== 1) problems.push(`job ${name} has ${count} handlers`);
  }
  for (const handler of handlers) if (!catalogue.includes(handler.jobName)) problems.push(`handler for unknown job ${handler.jobName}`);
  return problems;
}

/** What a step returns when the case is not in the state it expects: a retry or duplicate, not an error. */
export function skipped(reason: string) {
  return { skipped: true, reason };
}
