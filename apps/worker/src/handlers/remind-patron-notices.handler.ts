import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource } from 'typeorm';
import { CaseWorkflow, patronNoticeDecision, wasGagged } from '@custodian/cases';
import { NATIONAL_SECURITY_TYPES } from '@custodian/domain';
import { CaseEntity, NotificationEntity } from '@custodian/persistence';
import { JobHandler, skipped } from '../job-handler';

/**
 * Once a gag no longer binds (a nondisclosure order lapsed, a statutory gag was lifted) and the patrons were never
 * told, the clerk who took the case is reminded to send the notice: once per case. The question "may they be told
 * now?" is the one predicate every notice path asks, so a gag lifted by a recorded event counts as much as a date.
 */
@Injectable()
export class RemindPatronNoticesHandler implements JobHandler<'remind-patron-notices'> {
  readonly jobName = 'remind-patron-notices';

  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: CaseWorkflow,
  ) {}

  async handle() {
    const candidates = await this.dataSource.getRepository(CaseEntity).createQueryBuilder('c')
      .where('c."patronNotifiedAt" IS NULL').andWhere("c.status <> 'intake'").andWhere('c."intakeClerkId" IS NOT NULL')
      .andWhere(new Brackets((w) => w.where('c."nondisclosureUntil" IS NOT NULL').orWhere('c."requestType" IN (:...ns)', { ns: [...NATIONAL_SECURITY_TYPES] })))
      .getMany();
    let reminded = 0;
    for (const candidate of candidates) {
      if (!wasGagged(candidate) || !patronNoticeDecision(candidate).allowed) continue;
      const sent = await this.workflow.change<unknown>(candidate.id, async (row, manager) => {
        if (row.patronNotifiedAt || !patronNoticeDecision(row).allowed || !row.intakeClerkId) return { result: skipped('notified or not allowed') };
        if (await manager.exists(NotificationEntity, { where: { caseId: row.id, kind: 'notice_due' } })) return { result: skipped('already reminded') };
        const message = `Case ${row.caseNumber}: the nondisclosure no longer binds and the patrons were never told. Send the patron notice and record it.`;
        await manager.save(NotificationEntity, { id: randomUUID(), userId: row.intakeClerkId, caseId: row.id, kind: 'notice_due', message, createdAt: new Date(), readAt: null });
        return { result: true, audit: [{ actor: null, action: 'patron_notice.reminded', objectType: 'case', objectId: row.id, details: { to: row.intakeClerkId } }] };
      });
      if (sent === true) reminded++;
    }
    return { reminded };
  }
}
