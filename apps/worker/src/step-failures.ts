import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { CaseWorkflow } from '@custodian/cases';
import { NotificationEntity, ProductionEntity, describeError } from '@custodian/persistence';
import { ImportQuarantine } from './import-quarantine';

/** The case's pendingStep each case step sets while it waits for the worker. */
const PENDING_STEP_OF: Record<string, string> = {
  'complete-intake': 'intake',
  'record-review': 'legal-review',
  'render-production': 'fulfilment',
  'write-denial': 'denial',
};

/**
 * When a case step has used its last retry, the case must not stay "running" for ever: its pending step is
 * cleared, an alert says what failed, and the director is told, so a person can act (withdraw, fix, resubmit).
 */
@Injectable()
export class StepFailures {
  private readonly logger = new Logger('StepFailures');

  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly imports: ImportQuarantine,
  ) {}

  /** BullMQ retries a failed job until attempts run out; an UnrecoverableError ends it at once. */
  isFinal(job: Job, error: Error): boolean {
    return error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
  }

  async release(job: Job, error: Error): Promise<void> {
    if (job.name === 'import-records') {
      const { caseId, importId } = job.data as { caseId: string; importId: string };
      const cause = error.name === 'UnrecoverableError' ? error.message : `it failed ${job.attemptsMade} times (${describeError(error)})`;
      return this.imports.quarantine(caseId, importId, cause).catch((failure: Error) => this.logger.error(`could not quarantine import ${importId}: ${describeError(failure)}`));
    }
    const step = PENDING_STEP_OF[job.name];
    const caseId = (job.data as { caseId?: string }).caseId;
    if (!step || !caseId) return;
    await this.workflow
      .change<unknown>(caseId, async (row, manager) => {
        if (row.pendingStep !== step) return { result: null };
        row.pendingStep = null;
        row.alert = error.name === 'UnrecoverableError' && /quarantined/.test(error.message)
          ? `The ${step} step was quarantined: it stopped the worker ${job.stalledCounter} times; nothing was released. Check the system, then resubmit or withdraw the case.`
          : `The ${step} step failed after ${job.attemptsMade} attempts (${error.name}); nothing was released. Check the system, then resubmit or withdraw the case.`;
        await manager.save(row);
        // A render that gave up (quarantined, retries spent) must not leave its production 'rendering' for ever.
        if (step === 'fulfilment') await manager.update(ProductionEntity, { caseId, status: 'rendering' }, { status: 'failed', failure: row.alert, completedAt: new Date() });
        for (const userId of [...new Set([row.assignedDirectorId, row.decidingDirectorId].filter((id): id is string => !!id))]) {
          await manager.save(NotificationEntity, { id: randomUUID(), userId, caseId, kind: 'production_failed', message: `Case ${row.caseNumber}: ${row.alert}`, createdAt: new Date(), readAt: null });
        }
        return { result: null, audit: [{ actor: null, action: 'case.step_failed', objectType: 'case', objectId: caseId, outcome: 'failure', details: { step, attempts: job.attemptsMade, error: describeError(error) } }] };
      })
      .catch((failure: Error) => this.logger.error(`could not release case ${caseId} after a failed ${step}: ${describeError(failure)}`));
  }
}
