import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { AppConfig } from '@custodian/config';
import { dryRunPurge } from '@custodian/cases';
import { NotificationEntity, PurgePlanEntity, UnitOfWork, UserEntity } from '@custodian/persistence';
import { JobHandler } from '../job-handler';

/**
 * The scheduled step of the retention schedule. It deletes nothing: it writes the day's dry run as a proposed purge
 * plan (superseding older proposals) and tells the admins, who review it and approve it (`execute-purge` then runs).
 */
@Injectable()
export class PurgeRecordsHandler implements JobHandler<'purge-records'> {
  readonly jobName = 'purge-records';

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async handle() {
    return this.unitOfWork.run(async (manager) => {
      const plan = await dryRunPurge(manager, this.config.PURGE_AFTER_DAYS);
      const items = plan.classes.reduce((sum, c) => sum + c.items, 0);
      if (!items && !plan.blocked.length) return { proposed: false };
      await manager.update(PurgePlanEntity, { status: 'proposed' }, { status: 'superseded' });
      const id = randomUUID();
      await manager.save(PurgePlanEntity, { id, status: 'proposed', plan, createdById: null, createdAt: new Date(), approvedById: null, approvedAt: null, executedAt: null, certificate: null, certificateSha256: null, certificateBytes: null });
      const admins = (await manager.find(UserEntity, { where: { active: true } })).filter((u) => u.roles.includes('admin'));
      const message = `A purge plan awaits review: ${items} item${items === 1 ? '' : 's'} due under the retention schedule, ${plan.blocked.length} case${plan.blocked.length === 1 ? '' : 's'} kept by holds`;
      for (const admin of admins) await manager.save(NotificationEntity, { id: randomUUID(), userId: admin.id, caseId: null, kind: 'purge_review', message, createdAt: new Date(), readAt: null });
      await this.auditLog.append(manager, { actor: null, action: 'retention.plan_proposed', objectType: 'purge_plan', objectId: id, details: { items, blocked: plan.blocked.length } });
      return { proposed: id, items };
    });
  }
}

