import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CaseWorkflow, caseHolderId, isUnderNondisclosure } from '@custodian/cases';
import { CaseEntity, DeadlineEntity, NotificationEntity, UserEntity } from '@custodian/persistence';
import { JobPayloads } from '@custodian/queues';
import { JobHandler, skipped } from '../job-handler';

/** Due-soon goes to whoever holds the case; overdue goes to the director. A lapsed gag order tells the assignees. */
@Injectable()
export class DeadlineReminderHandler implements JobHandler<'deadline-reminder'> {
  readonly jobName = 'deadline-reminder';

  constructor(private readonly workflow: CaseWorkflow) {}

  handle(job: Job<JobPayloads['deadline-reminder']>) {
    const { caseId, clock, dueDate, stage } = job.data;
    return this.workflow.change<unknown>(caseId, async (row, manager) => {
      const deadline = await manager.findOne(DeadlineEntity, { where: { caseId, clock } });
      if (!deadline || deadline.dueDate !== dueDate || deadline.status !== 'open') return { result: skipped('deadline moved, met or paused') };
      const gagLapsed = clock === 'nondisclosure_lapse';
      if (gagLapsed && stage !== 'overdue') return { result: skipped('a gag order lapsing is news only once it has lapsed') };
      // Planned for an earlier holder: the replan at the hand-over queued the new holder's own reminder.
      if (stage === 'due_soon' && job.data.holderId !== undefined && job.data.holderId !== caseHolderId(row)) return { result: skipped('the case changed hands') };
      const recipients = gagLapsed
        ? [row.intakeClerkId, row.assignedAttorneyId, row.assignedDirectorId]
        : stage === 'due_soon' ? [caseHolderId(row)] : await this.directors(manager, row);
      const message = gagLapsed
        ? `The nondisclosure order on case ${row.caseNumber} lapsed on ${dueDate}: patron notice may now be considered`
        : `${deadline.label} for case ${row.caseNumber} ${stage === 'overdue' ? 'was due' : 'is due'} on ${dueDate}`;
      const kind = gagLapsed ? 'gag_lapsed' : stage;
      const now = new Date();
      const users = [...new Set(recipients.filter((id): id is string => !!id))];
      for (const userId of users) await manager.save(NotificationEntity, { id: randomUUID(), userId, caseId, kind, message, createdAt: now, readAt: null });
      return { result: { notified: users.length }, audit: [{ actor: null, action: `deadline.${kind}`, objectType: 'deadline', objectId: deadline.id, details: { clock, dueDate, notified: users.length } }] };
    });
  }

  /** The assigned director; failing that every director, except on a gagged case, which only assignees may learn of. */
  private async directors(manager: EntityManager, row: CaseEntity): Promise<(string | null)[]> {
    if (row.assignedDirectorId || isUnderNondisclosure(row)) return [row.assignedDirectorId];
    const users = await manager.find(UserEntity, { where: { active: true } });
    return users.filter((u) => u.roles.includes('director')).map((u) => u.id);
  }
}
