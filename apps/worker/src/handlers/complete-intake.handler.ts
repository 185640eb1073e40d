import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { CaseWorkflow, leastLoaded, loadDeadlineSettings, missingIntakeFields, replanDeadlines } from '@custodian/cases';
import { addDays, nextState, toLocalDate } from '@custodian/domain';
import { NotificationEntity, PreservationHoldEntity } from '@custodian/persistence';
import { JobPayloads } from '@custodian/queues';
import { JobHandler, skipped } from '../job-handler';

const SYSTEM = null;

/** Intake step: completeness checks, clocks computed, attorney and director assigned, emergency hold placed. */
@Injectable()
export class CompleteIntakeHandler implements JobHandler<'complete-intake'> {
  readonly jobName = 'complete-intake';

  constructor(private readonly workflow: CaseWorkflow) {}

  handle(job: Job<JobPayloads['complete-intake']>) {
    const { caseId } = job.data;
    return this.workflow.change<unknown>(caseId, async (row, manager) => {
      if (row.status !== 'intake' || row.pendingStep !== 'intake') return { result: skipped(`case is ${row.status}/${row.pendingStep}`) };
      const missing = missingIntakeFields(row);
      if (missing.length) {
        row.pendingStep = null;
        row.alert = `Intake is incomplete: ${missing.join(', ')}`;
        await manager.save(row);
        return { result: { returnedToClerk: missing }, audit: [{ actor: SYSTEM, action: 'case.intake_returned', objectType: 'case', objectId: caseId, outcome: 'failure', details: { missing } }] };
      }
      const attorney = await leastLoaded(manager, 'attorney', 'assignedAttorneyId', [row.intakeClerkId], caseId);
      const director = await leastLoaded(manager, 'director', 'assignedDirectorId', [row.intakeClerkId, attorney?.id ?? null], caseId);
      row.assignedAttorneyId = attorney?.id ?? null;
      row.assignedDirectorId = director?.id ?? null;
      row.alert = attorney ? null : 'No attorney is available to review this case: add one under Users';
      const now = new Date();
      if (row.emergency) {
        // No emergency exception in Gov. Code § 7927.105: keep the records, release nothing, wait for a court order.
        await manager.save(PreservationHoldEntity, {
          id: randomUUID(), caseId, status: 'active', placedAt: now, renewals: 0, releasedAt: null, releasedById: null,
          expiresOn: addDays(toLocalDate(now), (await loadDeadlineSettings(manager)).preservationHoldDays),
        });
      }
      row.status = nextState(row.status, 'completeIntake');
      row.pendingStep = null;
      row.updatedAt = now;
      await manager.save(row);
      const reminders = await replanDeadlines(manager, row, now);
      for (const user of [attorney, director].filter((u) => u !== null)) {
        await manager.save(NotificationEntity, { id: randomUUID(), userId: user.id, caseId, kind: 'assigned', message: `Case ${row.caseNumber} was assigned to you`, createdAt: now, readAt: null });
      }
      return {
        result: { assignedAttorneyId: row.assignedAttorneyId, assignedDirectorId: row.assignedDirectorId },
        jobs: reminders,
        audit: [{ actor: SYSTEM, action: 'case.intake_completed', objectType: 'case', objectId: caseId, details: { assignedAttorneyId: row.assignedAttorneyId, assignedDirectorId: row.assignedDirectorId, preservationHold: row.emergency } }],
      };
    });
  }
}
