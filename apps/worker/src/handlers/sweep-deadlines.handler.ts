import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { toLocalDate } from '@custodian/domain';
import { DeadlineEntity, PreservationHoldEntity, UnitOfWork } from '@custodian/persistence';
import { AuditLog } from '@custodian/audit';
import { OutboxRelay, enqueueInTransaction, jobRequest } from '@custodian/queues';
import { JobHandler } from '../job-handler';

/**
 * Hourly safety net: any open deadline already past gets its overdue reminder queued, in case a delayed
 * job was lost. The deterministic job id makes this a no-op when the reminder already ran.
 */
@Injectable()
export class SweepDeadlinesHandler implements JobHandler<'sweep-deadlines'> {
  readonly jobName = 'sweep-deadlines';

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly relay: OutboxRelay,
    private readonly auditLog: AuditLog,
  ) {}

  async handle() {
    const overdue = await this.dataSource.getRepository(DeadlineEntity).find({ where: { status: 'open', dueDate: LessThan(toLocalDate(new Date())) } });
    await this.unitOfWork.run(async (manager) => {
      for (const d of overdue) {
        await enqueueInTransaction(manager, jobRequest('deadline-reminder', { caseId: d.caseId, clock: d.clock, dueDate: d.dueDate!, stage: 'overdue' }, `${d.caseId}-remind-${d.clock}-${d.dueDate}-overdue`));
      }
    });
    await this.relay.flush();
    return { overdue: overdue.length, holdsExpired: await this.expireHolds() };
  }

  /** Preservation holds lapse at the end of their last day unless renewed (or replaced by a court order). */
  private async expireHolds(): Promise<number> {
    const lapsed = await this.dataSource.getRepository(PreservationHoldEntity).find({ where: { status: 'active', expiresOn: LessThan(toLocalDate(new Date())) } });
    for (const hold of lapsed) {
      await this.unitOfWork.run(async (manager) => {
        await manager.update(PreservationHoldEntity, { id: hold.id, status: 'active' }, { status: 'expired' });
        await this.auditLog.append(manager, { actor: null, action: 'hold.expired', objectType: 'preservation_hold', objectId: hold.id, caseId: hold.caseId });
      });
    }
    return lapsed.length;
  }
}
