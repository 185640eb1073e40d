import { Injectable } from '@nestjs/common';
import { Actor } from '@custodian/auth';
import { CaseWorkflow, RuleViolationError, caseGag, pacificToday, replanDeadlines } from '@custodian/cases';
import { GagLiftKind } from '@custodian/domain';
import { CaseEntity } from '@custodian/persistence';
import { CaseAccess } from './case-access.service';
import { actorRef } from './case-guards';

/**
 * Lifting a gag is an event, not a date: a court order (e.g. on review under 18 U.S.C. § 3511) or the government's
 * notice that nondisclosure is no longer required. It is recorded with its reference and audited.
 */
@Injectable()
export class CaseGags {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly access: CaseAccess,
  ) {}

  lift(caseId: string, body: { kind: GagLiftKind; reference: string; liftedOn: string }, actor: Actor): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      const today = pacificToday();
      const gag = caseGag(row, today);
      if (!gag?.active) throw new RuleViolationError('There is no gag in force on this case to lift', [{ field: 'kind', message: 'no active gag' }]);
      if (body.liftedOn > today) throw new RuleViolationError('A gag is lifted by an event that has happened: liftedOn is in the future', [{ field: 'liftedOn', message: `must be ${today} or earlier` }]);
      row.gagLift = { kind: body.kind, reference: body.reference.trim(), liftedOn: body.liftedOn, recordedById: actor.id, recordedAt: new Date().toISOString() };
      row.updatedAt = new Date();
      await manager.save(CaseEntity, row);
      return {
        result: undefined,
        jobs: await replanDeadlines(manager, row),
        audit: [{ actor: actorRef(actor), action: 'gag.lifted', objectType: 'case', objectId: caseId, details: { kind: body.kind, liftedOn: body.liftedOn, gag: gag.kind, citation: gag.citation } }],
      };
    });
  }
}
