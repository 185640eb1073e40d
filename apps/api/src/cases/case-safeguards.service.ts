import { Injectable } from '@nestjs/common';
import { Actor } from '@custodian/auth';
import { CaseStateConflictError, CaseWorkflow, RuleViolationError, isUnderNondisclosure, loadDeadlineSettings, replanDeadlines } from '@custodian/cases';
import { addDays } from '@custodian/domain';
import { PreservationHoldEntity } from '@custodian/persistence';
import { CaseAccess } from './case-access.service';

const by = (actor: Actor) => ({ id: actor.id, username: actor.username });

/** Preservation holds and patron notice: the protections around a request rather than its main path. */
@Injectable()
export class CaseSafeguards {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly access: CaseAccess,
  ) {}

  /** Extends an active hold by another period (one renewal, as the industry norm of 90 + 90 days). */
  renewHold(caseId: string, holdId: string, actor: Actor): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      const hold = await manager.findOne(PreservationHoldEntity, { where: { id: holdId, caseId } });
      if (!hold) throw new RuleViolationError('No such preservation hold on this case', [{ field: 'holdId', message: 'not found' }]);
      if (hold.status !== 'active') throw new CaseStateConflictError(`The hold is ${hold.status}; only an active hold can be renewed`, row.status);
      if (hold.renewals >= 1) throw new RuleViolationError('The hold was already renewed once; ask counsel about a court order to preserve further', [{ field: 'holdId', message: 'already renewed' }]);
      const settings = await loadDeadlineSettings(manager);
      hold.expiresOn = addDays(hold.expiresOn, settings.preservationHoldDays);
      hold.renewals += 1;
      await manager.save(hold);
      row.clockExtensions = { ...row.clockExtensions, preservation_hold: { days: settings.preservationHoldDays, reason: 'Preservation hold renewed', grantedAt: new Date().toISOString() } };
      await manager.save(row);
      return { result: undefined, jobs: await replanDeadlines(manager, row), audit: [{ actor: by(actor), action: 'hold.renewed', objectType: 'preservation_hold', objectId: holdId, details: { expiresOn: hold.expiresOn } }] };
    });
  }

  releaseHold(caseId: string, holdId: string, actor: Actor): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      const hold = await manager.findOne(PreservationHoldEntity, { where: { id: holdId, caseId } });
      if (!hold) throw new RuleViolationError('No such preservation hold on this case', [{ field: 'holdId', message: 'not found' }]);
      if (hold.status !== 'active') throw new CaseStateConflictError(`The hold is already ${hold.status}`, row.status);
      Object.assign(hold, { status: 'released', releasedAt: new Date(), releasedById: actor.id });
      await manager.save(hold);
      return { result: undefined, audit: [{ actor: by(actor), action: 'hold.released', objectType: 'preservation_hold', objectId: holdId }] };
    });
  }

  /** Records that the patron was told; refused while a nondisclosure order forbids it (Penal Code § 1546.2). */
  recordPatronNotice(caseId: string, method: string, actor: Actor): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      if (isUnderNondisclosure(row)) {
        throw new CaseStateConflictError(`A nondisclosure order forbids notice to the patron until ${row.nondisclosureUntil} (Penal Code § 1546.2)`, row.status);
      }
      row.patronNotifiedAt = new Date();
      await manager.save(row);
      return { result: undefined, audit: [{ actor: by(actor), action: 'patron.notified', objectType: 'case', objectId: caseId, details: { method } }] };
    });
  }
}
