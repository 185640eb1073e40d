import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Actor } from '@custodian/auth';
import { CaseStateConflictError, CaseWorkflow, DutyConflictError, assertAliasesRevealNothing, assertMayTakeDuty, assertProductionOfficials, replanDeadlines } from '@custodian/cases';
import { ApprovalGateInput, approvalGate, denialGate, nextState } from '@custodian/domain';
import { CaseEntity, DecisionEntity, NotificationEntity, ProductionEntity, ReviewEntity, ReviewReturnEntity } from '@custodian/persistence';
import { jobRequest } from '@custodian/queues';
import type { RecordCipher } from '@custodian/records';
import { CaseAccess } from './case-access.service';
import { actorRef, expectState } from './case-guards';
import { DecisionDto } from './dto/decision.dto';

/** The reviews and send-backs of a case, as the approval gate reads them. */
export async function approvalFacts(manager: EntityManager, row: CaseEntity): Promise<ApprovalGateInput> {
  const [reviews, returns] = await Promise.all([
    manager.find(ReviewEntity, { where: { caseId: row.id } }),
    manager.find(ReviewReturnEntity, { where: { caseId: row.id } }),
  ]);
  return {
    requestedScope: row.scope,
    reviews: reviews.map((r) => ({ id: r.id, sufficiency: r.sufficiency, recommendation: r.recommendation, scope: r.scope, contradictions: (r.contradictions ?? []) as { code: string }[], createdAt: r.createdAt })),
    returns: returns.map((r) => ({ createdAt: r.createdAt })),
  };
}

/**
 * The director's part: approve (only what a completed review recommends releasing, within its scope), deny, or
 * send the case back for another review with a written reason. Approval is not a legal basis of its own.
 */
@Injectable()
export class CaseDecisions {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly access: CaseAccess,
    @Inject('RecordCipher') private readonly cipher: RecordCipher,
  ) {}

  decide(caseId: string, body: DecisionDto, actor: Actor): Promise<{ decisionId: string }> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      expectState(row, 'awaiting_approval', 'decide');
      await assertMayTakeDuty(manager, row, 'decision', actor);
      await this.assertNotReviewer(manager, caseId, actor);
      const facts = await approvalFacts(manager, row);
      const approving = body.decision === 'approve';
      let reviewId: string;
      if (approving) {
        const gate = approvalGate(facts);
        if (!gate.allowed) {
          throw new CaseStateConflictError(`Approval refused (${gate.code}): ${gate.message} A director who disagrees sends the case back for another review or denies it. ${gate.citation}.`, row.status);
        }
        // Records imported since the review may make one of its aliases print a withheld value.
        await assertAliasesRevealNothing(manager, this.cipher, caseId, gate.scope);
        reviewId = gate.reviewId;
        row.approvedScope = gate.scope;
      } else {
        const gate = denialGate(facts);
        if (!gate.allowed || !gate.reviewId) throw new CaseStateConflictError(`A director can decide only a case with a completed legal review: ${gate.message}`, row.status);
        reviewId = gate.reviewId;
      }
      const review = await manager.findOneOrFail(ReviewEntity, { where: { id: reviewId } });
      // A production signed by no one certifies nothing: refused now (422), not after the case has moved on.
      if (approving) await assertProductionOfficials(manager, actor.id, review.attorneyId);
      const decision = manager.create(DecisionEntity, {
        id: randomUUID(), caseId, reviewId, directorId: actor.id, decision: body.decision, note: body.note ?? '',
        reasons: body.reasons ?? (approving ? null : review.reasons), createdAt: new Date(),
      });
      await manager.insert(DecisionEntity, decision);
      row.decidingDirectorId = actor.id;
      const audit = {
        actor: actorRef(actor), action: `case.${approving ? 'approved' : 'denied'}`, objectType: 'decision', objectId: decision.id,
        details: { reviewId, ...(approving ? { narrowedScope: review.scope !== null } : {}) },
      };
      if (approving) {
        row.status = nextState(row.status, 'approve');
        row.pendingStep = 'fulfilment';
        await this.save(manager, row);
        return { result: { decisionId: decision.id }, jobs: [jobRequest('render-production', { caseId, decisionId: decision.id }, `${caseId}-fulfilment`)], audit: [audit] };
      }
      row.pendingStep = 'denial';
      await this.save(manager, row);
      return { result: { decisionId: decision.id }, jobs: [jobRequest('write-denial', { caseId, decisionId: decision.id }, `${caseId}-denial`)], audit: [audit] };
    });
  }

  /** Returns the case to legal review with the director's written reason; the reviewing attorney is told. */
  sendBack(caseId: string, reason: string, actor: Actor): Promise<{ returnId: string }> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      expectState(row, 'awaiting_approval', 'send back');
      await assertMayTakeDuty(manager, row, 'decision', actor);
      await this.assertNotReviewer(manager, caseId, actor);
      const facts = await approvalFacts(manager, row);
      const gate = denialGate(facts);
      if (!gate.allowed || !gate.reviewId) throw new CaseStateConflictError(`Nothing to send back: ${gate.message}`, row.status);
      const now = new Date();
      const sent = manager.create(ReviewReturnEntity, { id: randomUUID(), caseId, reviewId: gate.reviewId, directorId: actor.id, reason: reason.trim(), createdAt: now });
      await manager.insert(ReviewReturnEntity, sent);
      row.status = nextState(row.status, 'sendBack');
      row.pendingStep = null;
      await this.save(manager, row);
      const attorneyId = row.reviewingAttorneyId ?? row.assignedAttorneyId;
      if (attorneyId) {
        await manager.save(NotificationEntity, { id: randomUUID(), userId: attorneyId, caseId, kind: 'sent_back', message: `Case ${row.caseNumber} was sent back for another legal review`, createdAt: now, readAt: null });
      }
      return {
        result: { returnId: sent.id },
        jobs: await replanDeadlines(manager, row),
        // The reason is stored with the send-back; the audit event carries ids and its length only.
        audit: [{ actor: actorRef(actor), action: 'case.sent_back', objectType: 'review_return', objectId: sent.id, details: { reviewId: gate.reviewId, reasonLength: sent.reason.length } }],
      };
    });
  }

  /**
   * Renders a stopped production again once a person has dealt with the cause (a worker that kept dying, a full
   * disk, a font fixed in a release). It releases nothing by itself: the worker checks the approval, the review and
   * the aliases again, and verifies the new file as it did the first. The director of the case decides it.
   */
  retryProduction(caseId: string, actor: Actor): Promise<{ productionId: string }> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      expectState(row, 'fulfilling', 'render the production again for');
      await assertMayTakeDuty(manager, row, 'decision', actor);
      const production = await manager.findOne(ProductionEntity, { where: { caseId } });
      if (!production || production.status !== 'failed') {
        throw new CaseStateConflictError('Only a production that was stopped can be rendered again', row.status, row.pendingStep);
      }
      const [decision] = await manager.find(DecisionEntity, { where: { caseId, decision: 'approve' }, order: { createdAt: 'DESC' }, take: 1 });
      if (!decision) throw new CaseStateConflictError('This case has no approval to render a production for', row.status, row.pendingStep);
      const stoppedBecause = production.failure;
      await manager.update(ProductionEntity, { id: production.id, status: 'failed' }, { status: 'rendering', progress: 0, failure: null, completedAt: null });
      row.pendingStep = 'fulfilment';
      row.alert = null;
      await this.save(manager, row);
      return {
        result: { productionId: production.id },
        // A job id of its own: the first render's id may still be held by the queue for deduplication.
        jobs: [jobRequest('render-production', { caseId, decisionId: decision.id }, `${caseId}-fulfilment-${randomUUID()}`)],
        audit: [{ actor: actorRef(actor), action: 'production.retried', objectType: 'production', objectId: production.id, details: { decisionId: decision.id, stoppedBecause } }],
      };
    });
  }

  /** Anyone who reviewed the case at any point (e.g. before a needs_info round) may not decide it. */
  private async assertNotReviewer(manager: EntityManager, caseId: string, actor: Actor): Promise<void> {
    if (await manager.exists(ReviewEntity, { where: { caseId, attorneyId: actor.id } })) {
      throw new DutyConflictError('Separation of duties: you reviewed this case, so another director must decide it');
    }
  }

  private async save(manager: EntityManager, row: CaseEntity): Promise<void> {
    row.updatedAt = new Date();
    await manager.save(CaseEntity, row);
  }
}
