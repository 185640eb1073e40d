import { UnrecoverableError } from 'bullmq';

/** What the guard needs of a BullMQ job: how often its lock was lost with its process (a crash, an OOM, a kill). */
export interface StallCounted {
  name: string;
  stalledCounter?: number;
}

/**
 * A job whose process died under it this often is presumed to be what kills the process: it is failed at its
 * next start instead of run again, so a poison job cannot crash every restart. BullMQ's own `maxStalledCount`
 * is set to the same figure so the job always reaches this check (which raises an alert) rather than being
 * failed silently by the stalled-job sweep.
 */
export function assertNotPoison(job: StallCounted, crashLimit: number): void {
  const crashes = job.stalledCounter ?? 0;
  if (crashes >= crashLimit) {
    throw new UnrecoverableError(`the ${job.name} job stopped its worker process ${crashes} times and was quarantined`);
  }
}
