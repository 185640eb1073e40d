import { Injectable } from '@nestjs/common';
import { Actor } from '@custodian/auth';
import { randomUUID } from 'node:crypto';
import { CaseStateConflictError, CaseWorkflow, RuleViolationError, loadDeadlineSettings, pacificToday, patronNoticeDecision, replanDeadlines } from '@custodian/cases';
import { addDays, toLocalDate } from '@custodian/domain';
import { PatronNoticeEntity, PreservationHoldEntity } from '@custodian/persistence';
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

  /**
   * Records that the patrons were told (method, date); refused unless the one notice predicate allows it now:
   * no court nondisclosure order (Penal Code § 1546.2) or statutory gag in force, and the request type allows it.
   */
  recordPatronNotice(caseId: string, method: string, actor: Actor, sentOn?: string): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      const decision = patronNoticeDecision(row);
      if (!decision.allowed) throw new CaseStateConflictError(decision.message, row.status);
      const today = pacificToday();
      if (sentOn && (sentOn > today || sentOn < toLocalDate(row.receivedAt))) {
        throw new RuleViolationError('sentOn must lie between the day the request was received and today', [{ field: 'sentOn', message: 'out of range' }]);
      }
      const patrons = Array.isArray(row.scope?.cardNumbers) ? row.scope.cardNumbers.length : 0;
      await manager.save(PatronNoticeEntity, { id: randomUUID(), caseId, method, sentOn: sentOn ?? today, patrons, recordedById: actor.id, recordedAt: new Date() });
      row.patronNotifiedAt = new Date();
      await manager.save(row);
      return { result: undefined, audit: [{ actor: by(actor), action: 'patron.notified', objectType: 'case', objectId: caseId, details: { method, sentOn: sentOn ?? today, patrons } }] };
    });
  }
}
