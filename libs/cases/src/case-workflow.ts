import { EntityManager } from 'typeorm';
import { AuditEntry, AuditLog } from '@custodian/audit';
import { CaseEntity, UnitOfWork } from '@custodian/persistence';
import { JobRequest, OutboxRelay, QueueGate, enqueueAllInTransaction } from '@custodian/queues';
import { recordDuties } from './case-duties';
import { CaseNotFoundError } from './case-errors';

export interface StepOutcome<T> {
  result: T;
  /** Jobs to run once this transaction has committed. */
  jobs?: JobRequest[];
  audit?: AuditEntry[];
}

/**
 * Every change to a case is one transaction: the case row (locked), what the step writes, its audit
 * events and the outbox rows of the next jobs. The jobs are relayed to Redis only after commit.
 */
export class CaseWorkflow {
  private queueGate?: QueueGate;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
    private readonly relay: OutboxRelay,
  ) {}

  /** The API refuses (before commit) a change that queues a job while the queues are down; the worker does not. */
  useQueueGate(gate: QueueGate): void {
    this.queueGate = gate;
  }

  /**
   * For a change that must first do work outside the transaction (store an upload): refuses it up front while the
   * queues are down, so nothing is written at all; `change` checks again before it commits.
   */
  assertQueuesAvailable(): void {
    this.queueGate?.assertAvailable();
  }

  async change<T>(caseId: string, step: (row: CaseEntity, manager: EntityManager) => Promise<StepOutcome<T>>): Promise<T> {
    const outcome = await this.unitOfWork.run(async (manager) => {
      const row = await lockCase(manager, caseId, this.unitOfWork.isPostgres);
      const result = await step(row, manager);
      if (result.jobs?.length) this.queueGate?.assertAvailable();
      const outbox = await enqueueAllInTransaction(manager, result.jobs ?? []);
      if (result.audit?.length) await this.auditLog.appendAll(manager, result.audit.map((entry) => ({ caseId, ...entry })));
      await recordDuties(manager, caseId, result.audit ?? []);
      return { ...result, outbox };
    });
    await this.relayQuietly(outcome.outbox);
    return outcome.result;
  }

  /** Same as `change` for work that creates the case row itself. */
  async create<T>(work: (manager: EntityManager) => Promise<StepOutcome<T>>): Promise<T> {
    const outcome = await this.unitOfWork.run(async (manager) => {
      const result = await work(manager);
      if (result.jobs?.length) this.queueGate?.assertAvailable();
      const outbox = await enqueueAllInTransaction(manager, result.jobs ?? []);
      if (result.audit?.length) await this.auditLog.appendAll(manager, result.audit);
      for (const entry of result.audit ?? []) if (entry.caseId) await recordDuties(manager, entry.caseId, [entry]);
      return { ...result, outbox };
    });
    await this.relayQuietly(outcome.outbox);
    return outcome.result;
  }

  /** Relays this transaction's own rows. A failed relay is not the caller's failure: the rows are committed and the sweep will send them. */
  private async relayQuietly(outbox: string[]): Promise<void> {
    if (outbox.length) await this.relay.flushRows(outbox).catch(() => undefined);
  }
}

export async function lockCase(manager: EntityManager, caseId: string, postgres: boolean): Promise<CaseEntity> {
  const query = manager.createQueryBuilder(CaseEntity, 'c').where('c.id = :caseId', { caseId });
  if (postgres) query.setLock('pessimistic_write');
  const row = await query.getOne();
  if (!row) throw new CaseNotFoundError(caseId);
  return row;
}
