import { Injectable } from '@nestjs/common';
import { Actor, hasRole } from '@custodian/auth';
import { CaseStateConflictError, CaseWorkflow, RuleViolationError, loadDeadlineSettings, replanDeadlines } from '@custodian/cases';
import { CPRA_EXTENSION_GROUNDS, CpraExtensionGround, checkCpraExtension, isOpen } from '@custodian/domain';
import { CaseEntity, UserEntity } from '@custodian/persistence';
import { jobRequest } from '@custodian/queues';
import { CaseAccess } from './case-access.service';
import { actorRef } from './case-guards';

export interface ExtensionRequest {
  days: number;
  ground: string;
  detail: string;
}

/**
 * The one written extension of a public-records determination (Gov. Code § 7922.535(b), (c)): given within the
 * 10 days, for one of the statutory unusual circumstances, signed by the head of the agency (the library director)
 * or the designee recorded on the case.
 */
@Injectable()
export class CaseExtensions {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly access: CaseAccess,
  ) {}

  extend(caseId: string, body: ExtensionRequest, actor: Actor): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      if (row.requestType !== 'public_records') throw new RuleViolationError('Only a public-records determination can be extended', [{ field: 'clock', message: 'this request type has no extendable clock' }]);
      if (!isOpen(row.status)) throw new CaseStateConflictError('Only an open case can be extended', row.status);
      const settings = await loadDeadlineSettings(manager);
      const now = new Date();
      const check = checkCpraExtension({
        clockStart: clockStartOf(row), grantedAt: now, days: body.days, ground: body.ground, detail: body.detail,
        signer: { isHeadOfAgency: hasRole(actor, 'director'), isRecordedDesignee: row.cpraDesigneeId === actor.id },
        alreadyExtended: Boolean(row.clockExtensions.cpra_determination),
      }, settings);
      if (!check.allowed) {
        const error = new RuleViolationError(check.message, [{ field: check.field, code: check.code, message: check.message, noticeDueBy: check.noticeDueBy, citation: check.citation }]);
        if (check.code === 'ALREADY_EXTENDED' || check.code === 'TOO_LATE') throw new CaseStateConflictError(`${check.message} (${check.citation})`, row.status);
        throw error;
      }
      const ground = CPRA_EXTENSION_GROUNDS[body.ground as CpraExtensionGround];
      const signer = await manager.findOneOrFail(UserEntity, { where: { id: actor.id } });
      row.clockExtensions = {
        ...row.clockExtensions,
        cpra_determination: {
          days: body.days, reason: `${ground.label} (${ground.citation}): ${body.detail.trim()}`, grantedAt: now.toISOString(), ground: body.ground, detail: body.detail.trim(),
          signedById: signer.id, signedAs: hasRole(actor, 'director') ? 'head_of_agency' : 'designee',
        },
      };
      row.updatedAt = now;
      await manager.save(CaseEntity, row);
      const jobs = await replanDeadlines(manager, row);
      jobs.push(jobRequest('write-letter', { caseId, kind: 'extension', reference: 'cpra-extension' }, `${caseId}-letter-extension`));
      return {
        result: undefined,
        jobs,
        audit: [{ actor: actorRef(actor), action: 'deadline.extended', objectType: 'case', objectId: caseId, details: { clock: 'cpra_determination', days: body.days, ground: body.ground, dayOfPeriod: check.dayOfPeriod, signedAs: row.clockExtensions.cpra_determination.signedAs } }],
      };
    });
  }

  /** The director records who may sign an extension notice for the head of the agency on this case. */
  recordDesignee(caseId: string, userId: string | null, actor: Actor): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      if (row.requestType !== 'public_records') throw new RuleViolationError('A designee for extension notices is recorded on public-records cases only', [{ field: 'userId', message: 'not a public-records case' }]);
      if (userId) {
        const user = await manager.findOne(UserEntity, { where: { id: userId, active: true } });
        if (!user || !user.roles.some((r) => r === 'attorney' || r === 'director')) throw new RuleViolationError('The designee must be an active attorney or director', [{ field: 'userId', message: 'no such attorney or director' }]);
      }
      row.cpraDesigneeId = userId;
      row.updatedAt = new Date();
      await manager.save(CaseEntity, row);
      return { result: undefined, audit: [{ actor: actorRef(actor), action: 'case.extension_designee_recorded', objectType: 'case', objectId: caseId, details: { designeeId: userId } }] };
    });
  }
}

/** The city's receipt starts the clock when the request came through the city portal (Gov. Code § 7922.535(a)). */
export function clockStartOf(row: CaseEntity): string {
  return row.instrument.cityReceivedAt ?? row.receivedAt.toISOString();
}
