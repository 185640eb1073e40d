import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Actor } from '@custodian/auth';
import { CaseStateConflictError, CaseWorkflow, DutyConflictError, RuleViolationError, assertAliasesRevealNothing, assertDeliveredBeforeClose, assertMayTakeDuty, missingIntakeFields, nextCaseNumber, replanDeadlines } from '@custodian/cases';
import { CaseScope, intakeFactProblems, isNoBasisContradiction, isReleasing, isWithinScope, nextState, toLocalDate } from '@custodian/domain';
import { CaseEntity, ReviewEntity } from '@custodian/persistence';
import { jobRequest } from '@custodian/queues';
import type { RecordCipher } from '@custodian/records';
import { CaseAccess } from './case-access.service';
import { CreateCaseDto, UpdateCaseDto } from './dto/case.dto';
import { ReviewDto } from './dto/review.dto';
import { ReviewRules } from './review-rules.service';

const by = (actor: Actor) => ({ id: actor.id, username: actor.username });

/** The state-changing commands of the case lifecycle. Each is one transaction plus its queued next step. */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly access: CaseAccess,
    private readonly reviewRules: ReviewRules,
    @Inject('RecordCipher') private readonly cipher: RecordCipher,
  ) {}

  create(body: CreateCaseDto, actor: Actor): Promise<{ id: string; caseNumber: string }> {
    return this.workflow.create(async (manager) => {
      const now = new Date();
      const row = manager.create(CaseEntity, {
        id: randomUUID(),
        caseNumber: await nextCaseNumber(manager, new Date(body.receivedAt).getUTCFullYear()),
        requestType: body.requestType,
        status: 'intake',
        pendingStep: null,
        channel: body.channel,
        receivedAt: new Date(body.receivedAt),
        requester: body.requester,
        instrument: body.instrument,
        scope: toScope(body.scope),
        approvedScope: null,
        nondisclosureUntil: body.nondisclosureUntil ?? null,
        nondisclosureBasis: body.nondisclosureUntil ? (body.nondisclosureBasis ?? 'court_order') : null,
        gagLift: null,
        cpraDesigneeId: null,
        emergency: body.emergency ?? body.requestType === 'emergency',
        summary: body.summary ?? '',
        clockPauses: [],
        clockExtensions: {},
        intakeClerkId: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      assertIntakeFacts(row);
      await manager.save(CaseEntity, row);
      return {
        result: { id: row.id, caseNumber: row.caseNumber },
        // Clocks run from receipt and issuance, not from submission: computed and reminded while still in intake.
        jobs: await replanDeadlines(manager, row),
        audit: [{ actor: by(actor), action: 'case.created', objectType: 'case', objectId: row.id, caseId: row.id, details: { requestType: row.requestType } }],
      };
    });
  }

  update(caseId: string, body: UpdateCaseDto, actor: Actor): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      if (row.status !== 'intake' || row.pendingStep) throw new CaseStateConflictError('Only a case in intake that has not been submitted can be edited', row.status, row.pendingStep);
      const nulls = Object.entries(body).filter(([field, value]) => value === null && field !== 'nondisclosureUntil' && field !== 'nondisclosureBasis').map(([field]) => field);
      if (nulls.length) throw new BadRequestException({ message: nulls.map((f) => `${f}: cannot be emptied; leave it out to keep the current value`), fields: Object.fromEntries(nulls.map((f) => [f, ['cannot be null']])) });
      const { scope, receivedAt, ...rest } = body;
      Object.assign(row, rest, scope ? { scope: toScope(scope) } : {}, receivedAt ? { receivedAt: new Date(receivedAt) } : {}, { updatedAt: new Date() });
      if (!row.nondisclosureUntil) row.nondisclosureBasis = null;
      else if (!row.nondisclosureBasis) row.nondisclosureBasis = 'court_order';
      assertIntakeFacts(row);
      await manager.save(CaseEntity, row);
      return { result: undefined, jobs: await replanDeadlines(manager, row), audit: [{ actor: by(actor), action: 'case.updated', objectType: 'case', objectId: caseId, details: { fields: Object.keys(body) } }] };
    });
  }

  submit(caseId: string, actor: Actor): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      this.expect(row, 'intake', 'submit');
      const missing = missingIntakeFields(row);
      if (missing.length) throw new RuleViolationError('Intake is not complete', missing.map((field) => ({ field, message: `${field} is required for a ${row.requestType} request` })));
      row.pendingStep = 'intake';
      row.submittedAt = new Date();
      await this.save(manager, row);
      return {
        result: undefined,
        // A resubmission after a returned or failed intake is a new step, so it gets a new job id.
        jobs: [jobRequest('complete-intake', { caseId }, `${caseId}-intake-${row.submittedAt.getTime()}`)],
        audit: [{ actor: by(actor), action: 'case.submitted', objectType: 'case', objectId: caseId }],
      };
    });
  }

  review(caseId: string, body: ReviewDto, actor: Actor): Promise<{ reviewId: string }> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      this.expect(row, 'legal_review', 'review');
      await assertMayTakeDuty(manager, row, 'review', actor);
      const narrowed = body.scope ? toScope(body.scope) : null;
      if (narrowed && !isWithinScope(narrowed, row.scope)) {
        throw new RuleViolationError('The narrowed scope asks for more than the request does', [{ field: 'scope', message: 'a narrowed scope may only remove patrons, dates or record types, and keeps the aliases the request gives the patrons it keeps' }]);
      }
      if (body.sufficiency === 'needs_info' && !body.cureRequest) {
        throw new RuleViolationError('Say what the requester must cure', [{ field: 'cureRequest', message: 'cureRequest is required when sufficiency is needs_info' }]);
      }
      const contradictions = await this.reviewRules.contradictions(manager, row, body);
      // No override reason supplies a legal basis: that comes from the rules in force (counsel's settings).
      const noBasis = isReleasing(body.recommendation) ? contradictions.filter((c) => isNoBasisContradiction(c.code)) : [];
      if (noBasis.length) {
        throw new RuleViolationError('The review recommends a release the rules give no legal basis for; an override reason cannot supply one. Recommend denial, narrow the scope, or ask counsel to change the rules.', noBasis);
      }
      if (contradictions.length && !body.overrideReason) {
        throw new RuleViolationError('The review contradicts the rules for this request type; correct it or give an overrideReason', contradictions);
      }
      // The records are imported by now: an alias that would print one of their withheld values is refused here,
      // not first when the worker renders.
      if (isReleasing(body.recommendation)) await assertAliasesRevealNothing(manager, this.cipher, caseId, narrowed ?? row.scope);
      const review = manager.create(ReviewEntity, {
        id: randomUUID(), caseId, attorneyId: actor.id, checklist: body.checklist, sufficiency: body.sufficiency,
        recommendation: body.recommendation, reasons: body.reasons, scope: narrowed,
        memo: body.memo ?? '', cureRequest: body.cureRequest ?? null, contradictions: contradictions.length ? contradictions : null,
        overrideReason: contradictions.length ? body.overrideReason! : null, createdAt: new Date(),
      });
      await manager.save(ReviewEntity, review);
      row.reviewingAttorneyId = actor.id;
      row.pendingStep = 'legal-review';
      await this.save(manager, row);
      return {
        result: { reviewId: review.id },
        jobs: [jobRequest('record-review', { caseId, reviewId: review.id }, `${caseId}-review-${review.id}`)],
        audit: [{
          actor: by(actor), action: 'case.reviewed', objectType: 'review', objectId: review.id,
          details: { sufficiency: review.sufficiency, recommendation: review.recommendation, reasons: review.reasons, overridden: contradictions.map((c) => c.code) },
        }],
      };
    });
  }

  /** The requester cured what legal review asked for: back to the attorney, clock running again. */
  resume(caseId: string, note: string, actor: Actor): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      this.expect(row, 'needs_info', 'resume');
      row.status = nextState(row.status, 'informationReceived');
      const today = toLocalDate(new Date());
      row.clockPauses = row.clockPauses.map((pause) => (pause.to ? pause : { ...pause, to: today }));
      await this.save(manager, row);
      return { result: undefined, jobs: await replanDeadlines(manager, row), audit: [{ actor: by(actor), action: 'case.information_received', objectType: 'case', objectId: caseId, details: { noteLength: note.length } }] };
    });
  }

  withdraw(caseId: string, actor: Actor): Promise<void> {
    return this.finish(caseId, actor, 'withdraw', 'case.withdrawn');
  }

  close(caseId: string, actor: Actor): Promise<void> {
    return this.finish(caseId, actor, 'close', 'case.closed');
  }

  /** Ends a case (withdrawn, or closed after delivery); the clocks stop and the purge countdown starts. */
  private finish(caseId: string, actor: Actor, transition: 'withdraw' | 'close', action: string): Promise<void> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      if (row.pendingStep) throw new CaseStateConflictError('A step is running on this case; try again in a moment', row.status, row.pendingStep);
      if (transition === 'close') await assertDeliveredBeforeClose(manager, row);
      row.status = nextState(row.status, transition);
      row.closedAt = new Date();
      await this.save(manager, row);
      return { result: undefined, jobs: await replanDeadlines(manager, row), audit: [{ actor: by(actor), action, objectType: 'case', objectId: caseId }] };
    });
  }

  /** The case must be in `state` with no step running on it. */
  private expect(row: CaseEntity, state: CaseEntity['status'], action: string): void {
    if (row.status !== state) throw new CaseStateConflictError(`Cannot ${action} a case in state '${row.status}'`, row.status, row.pendingStep);
    if (row.pendingStep) throw new CaseStateConflictError(`Cannot ${action}: the ${row.pendingStep} step is still running`, row.status, row.pendingStep);
  }

  private async save(manager: EntityManager, row: CaseEntity): Promise<void> {
    row.updatedAt = new Date();
    await manager.save(CaseEntity, row);
  }
}

/** Refuses facts no clock may run from (a receipt or issuance in the future) and a CalECPA basis without CalECPA process. */
function assertIntakeFacts(row: CaseEntity): void {
  const problems = intakeFactProblems(row);
  if (problems.length) throw new RuleViolationError(problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
}

function toScope(scope: CaseScope): CaseScope {
  const aliases = (scope.aliases ?? []).map(({ cardNumber, alias }) => ({ cardNumber, alias }));
  return {
    cardNumbers: scope.cardNumbers, from: scope.from, to: scope.to, recordTypes: scope.recordTypes,
    ...(scope.includeContactDetails ? { includeContactDetails: true } : {}),
    ...(aliases.length ? { aliases } : {}),
  };
}
