import type { LetterKind } from '@custodian/persistence';

/**
 * The one typed catalogue of queues, job names and payloads. Payloads carry ids only: the case row is the
 * state machine, and a processor re-reads it before acting.
 */
export interface JobPayloads {
  'complete-intake': { caseId: string };
  'record-review': { caseId: string; reviewId: string };
  'render-production': { caseId: string; decisionId: string };
  'write-denial': { caseId: string; decisionId: string };
  'import-records': { caseId: string; importId: string };
  'write-letter': { caseId: string; kind: LetterKind; reference: string };
  'deadline-reminder': { caseId: string; clock: string; dueDate: string; stage: 'due_soon' | 'overdue'; holderId?: string | null };
  'sweep-deadlines': Record<string, never>;
  'purge-records': Record<string, never>;
  'execute-purge': { planId: string };
  'remind-patron-notices': Record<string, never>;
  'prune-outbox': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const QUEUES = {
  intake: ['complete-intake'],
  'legal-review': ['record-review'],
  fulfilment: ['render-production'],
  denial: ['write-denial'],
  'records-import': ['import-records'],
  letters: ['write-letter'],
  reminders: ['deadline-reminder', 'sweep-deadlines', 'remind-patron-notices'],
  maintenance: ['purge-records', 'prune-outbox', 'execute-purge'],
} as const satisfies Record<string, readonly JobName[]>;
export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

export function queueOf(jobName: JobName): QueueName {
  const queue = QUEUE_NAMES.find((name) => (QUEUES[name] as readonly JobName[]).includes(jobName));
  if (!queue) throw new Error(`Job ${jobName} is in no queue`);
  return queue;
}

/** A job request as the outbox stores it. `jobId` is deterministic per case and step. */
export interface JobRequest<N extends JobName = JobName> {
  name: N;
  payload: JobPayloads[N];
  jobId: string;
  /** Run no earlier than this (delayed jobs such as reminders); absent means at once. */
  runAt?: Date;
}

export function jobRequest<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string, runAt?: Date): JobRequest<N> {
  return { name, payload, jobId, ...(runAt ? { runAt } : {}) };
}

/** Retries with backoff; bounded retention so Redis does not grow forever but ids stay deduplicated for a day. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 5000 },
} as const;
