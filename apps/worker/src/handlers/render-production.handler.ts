import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { AppConfig } from '@custodian/config';
import { CaseWorkflow, UnnamedProductionOfficialError, caseRecords, loadRules, productionHeader, replanDeadlines } from '@custodian/cases';
import { approvalGate, canonicalScope, onlyUnprotected, nextState } from '@custodian/domain';
import { CaseEntity, DecisionEntity, NotificationEntity, ProductionEntity, ReviewEntity, ReviewReturnEntity } from '@custodian/persistence';
import { ProductionHeader, ProductionResult, RenderPool, StreamingChecks, StreamingVerificationResult, VerificationResult, aliasesRevealingWithheld, formatBates, productionValues } from '@custodian/production';
import { JobPayloads } from '@custodian/queues';
import type { RecordCipher } from '@custodian/records';
import { ContentStore, FileSealingKey } from '@custodian/storage';
import { JobHandler, skipped } from '../job-handler';
import { throttled } from '../progress-throttle';
import { BatesLedger } from '../production/bates-ledger';

const PROGRESS_EVERY_MS = 500;

/**
 * Fulfilment: renders the approved case's records, redacted to the approved scope, on a warm thread of the render
 * pool, which reads the PDF back page by page while it is drawn and fails closed if any withheld value is in it (or a
 * produced one missing); then stores it and marks the case fulfilled, all or nothing. Several run at once; a large
 * production never takes the pool's last slot, so small ones are not queued behind it.
 */
@Injectable()
export class RenderProductionHandler implements JobHandler<'render-production'> {
  readonly jobName = 'render-production';
  private readonly logger = new Logger('RenderProduction');

  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: CaseWorkflow,
    private readonly auditLog: AuditLog,
    private readonly store: ContentStore,
    private readonly config: AppConfig,
    @Inject('RecordCipher') private readonly cipher: RecordCipher,
    private readonly pool: RenderPool,
  ) {}

  async handle(job: Job<JobPayloads['render-production']>) {
    const { caseId, decisionId } = job.data;
    const manager = this.dataSource.manager;
    const row = await manager.findOne(CaseEntity, { where: { id: caseId } });
    if (!row || row.status !== 'fulfilling' || row.pendingStep !== 'fulfilment') return skipped(`case is ${row?.status}/${row?.pendingStep}`);
    const decision = await manager.findOne(DecisionEntity, { where: { id: decisionId, caseId } });
    const review = decision && (await manager.findOne(ReviewEntity, { where: { id: decision.reviewId, caseId } }));
    // The invariant, checked again where the records are touched, with the same gate the decision route used:
    // approved after the newest review, which is complete, recommends release with a basis, within its own scope.
    const refusal = await this.releaseRefusal(row, decision, review);
    if (refusal) {
      await this.failClosed(caseId, `No production: ${refusal}`, null);
      throw new UnrecoverableError('production refused: no approval resting on a supporting legal review');
    }
    const existing = await manager.findOne(ProductionEntity, { where: { caseId } });
    if (existing?.status === 'failed') return skipped('an earlier rendering failed verification; a person must look at it');
    const productionId = existing?.id ?? randomUUID();
    if (!existing) {
      await manager.insert(ProductionEntity, { id: productionId, caseId, decisionId, status: 'rendering', progress: 0, createdAt: new Date(), completedAt: null });
    }

    // The cover letter and declaration name the approver and reviewer (Evid. Code § 1561): a placeholder in their
    // place certifies nothing, and retrying will not name them.
    const header = await this.header(row, decision!, review!).catch(async (error: unknown) => {
      if (!(error instanceof UnnamedProductionOfficialError)) throw error;
      await this.failClosed(caseId, error.message, productionId, { unnamedOfficial: true });
      throw new UnrecoverableError('production refused: the approver or reviewer is not a named person');
    });
    // Render with the numbers this production will get if no other is finalised first; the range is reserved only
    // at finalisation (a failed or retried rendering burns none). If another production took them meanwhile, the
    // range is reserved then and the file rendered once more with it: the page count does not depend on the start.
    header.batesStart = existing?.batesStart ?? (await BatesLedger.peek(manager, header.batesPrefix));
    for (let attempt = 1; ; attempt++) {
      // Sealed from the first byte: the render thread writes through the envelope with this file's own key.
      const target = await this.store.renderTarget();
      try {
        const { rendered, verification } = await this.renderVerified(job, caseId, productionId, row, header, target);
        const outcome = await this.complete(caseId, productionId, header, target.path, rendered, verification);
        if (outcome.kind === 'done') return outcome.result;
        if (attempt >= 3) throw new Error('Bates range changed three times while rendering; retrying the job');
        this.logger.log(`case ${caseId}: Bates numbers ${header.batesStart}… were taken by another production; rendering again from ${outcome.start}`);
        header.batesStart = outcome.start;
      } finally {
        await rm(target.path, { force: true });
      }
    }
  }

  /** Why this case may not be produced, or null when an approval rests on a supporting review. */
  private async releaseRefusal(row: CaseEntity, decision: DecisionEntity | null, review: ReviewEntity | null | undefined): Promise<string | null> {
    if (!decision || decision.decision !== 'approve' || !review || !row.approvedScope) return 'the case lacks a director approval after a completed legal review';
    const manager = this.dataSource.manager;
    const [reviews, returns] = await Promise.all([manager.find(ReviewEntity, { where: { caseId: row.id } }), manager.find(ReviewReturnEntity, { where: { caseId: row.id } })]);
    const gate = approvalGate({
      requestedScope: row.scope,
      reviews: reviews.map((r) => ({ id: r.id, sufficiency: r.sufficiency, recommendation: r.recommendation, scope: r.scope, contradictions: (r.contradictions ?? []) as { code: string }[], createdAt: r.createdAt })),
      returns: returns.map((r) => ({ createdAt: r.createdAt })),
    });
    if (!gate.allowed) return `${gate.message} (${gate.citation})`;
    if (gate.reviewId !== decision.reviewId) return 'the approval does not rest on the newest legal review';
    if (JSON.stringify(canonicalScope(gate.scope)) !== JSON.stringify(canonicalScope(row.approvedScope))) return "the approved scope is not the reviewing attorney's scope";
    if (!(await this.authority(row, review))) return 'no legal basis for release is recorded for this request type under the rules in force';
    return null;
  }

  /** The basis the production cites: the type's own, or the release route the review satisfied. Never the approval. */
  private async authority(row: CaseEntity, review: ReviewEntity): Promise<{ text: string; citation: string } | null> {
    const rule = (await loadRules(this.dataSource.manager))[row.requestType];
    if (rule.basisForRelease) return rule.basisForRelease;
    const route = rule.releaseRoutes.find((r) => r.requires.every((key) => review.checklist[key] === (rule.checklist.find((i) => i.key === key)?.supportingAnswer ?? true)));
    if (route) return { text: route.text, citation: route.citation };
    if (row.approvedScope && rule.unprotectedRelease && onlyUnprotected(rule, row.approvedScope)) {
      return { text: 'Records of fines are not protected patron use records', citation: rule.unprotectedRelease.citation };
    }
    return null;
  }

  private async renderVerified(job: Job, caseId: string, productionId: string, row: CaseEntity, header: ProductionHeader, target: { path: string; key: FileSealingKey }) {
    // The records are read for the checks while rendering starts (the verifier waits for them): reading them first
    // added the whole read to every production's time.
    const checks = this.checks(row, header).then((read) => {
      // An alias holding a withheld value would print it, and exempt it from the leak check besides. The API refuses
      // such a scope at review and approval over the records then in the case (no import adds any after the decision); this
      // stops what an approval did not check, e.g. one made by a release before decision 0054.
      const revealing = aliasesRevealingWithheld(header.scope, read.withheld).length;
      if (revealing) throw new AliasRevealsWithheldError(revealing);
      return read;
    });
    checks.catch(() => undefined); // reported through the pool's run below
    const outcome = await this.pool
      .run({
        header, records: caseRecords(this.dataSource, this.cipher, caseId), outputPath: target.path, sealWith: target.key, onProgress: this.progress(job, productionId), checks,
        large: (header.expectedRecords ?? 0) >= this.config.LARGE_PRODUCTION_RECORDS,
      })
      .catch(async (error: unknown) => {
        if (error instanceof AliasRevealsWithheldError) {
          await this.failClosed(caseId, `Production stopped before release: ${error.aliases} alias(es) in the approved scope contain a value the production withholds; choose another alias`, productionId, { aliasesRevealing: error.aliases });
          throw new UnrecoverableError('production stopped: an alias contains a withheld value');
        }
        // A name that cannot be drawn is not a passing fault: retrying prints it no better. Stop and say why.
        const undrawable = /character U\+[0-9A-F]+ \([^)]*\) cannot be drawn with any embedded font/.exec(error instanceof Error ? error.message : String(error));
        if (!undrawable) throw error;
        await this.failClosed(caseId, `Production stopped before release: ${undrawable[0]}; no substitute is printed in a name`, productionId, { undrawable: true });
        throw new UnrecoverableError('production stopped: undrawable character');
      });
    const rendered = outcome.rendered;
    const verification = outcome.verification as StreamingVerificationResult;
    // The verifier read exactly the bytes that were written to the file that is stored.
    const sameBytes = verification.sha256 === rendered.sha256 && verification.bytes === rendered.bytes;
    if (!verification.ok || !sameBytes) {
      const missing = Object.entries(verification.missingByScript).map(([script, count]) => `${count} ${script}`).join(', ');
      const reason =
        `Production failed verification and was not released: ${verification.leaks.length} withheld value(s) found in the rendered file` +
        `${verification.batesContinuous ? '' : '; Bates numbers not continuous'}${missing ? `; produced values not found in the extracted text: ${missing}` : ''}` +
        `${verification.unreadable ? `; the file could not be read back: ${verification.unreadable}` : ''}${sameBytes ? '' : '; the verified bytes are not the stored file'}`;
      await this.failClosed(caseId, reason, productionId, { leaks: verification.leaks.length, pages: verification.pages, batesContinuous: verification.batesContinuous, missingByScript: verification.missingByScript, unreadable: verification.unreadable !== null });
      throw new UnrecoverableError('production failed verification');
    }
    return { rendered, verification };
  }

  private async header(row: CaseEntity, decision: DecisionEntity, review: ReviewEntity): Promise<ProductionHeader> {
    // The production cites the basis the review found, never the director's approval (issue #9).
    const basis = await this.authority(row, review);
    if (!basis) throw new UnrecoverableError('no legal basis for release');
    const header = await productionHeader(this.dataSource, row, row.approvedScope!, decision, review, {
      batesPrefix: this.config.BATES_PREFIX, libraryName: this.config.LIBRARY_NAME, libraryPlace: this.config.LIBRARY_PLACE,
    });
    return { ...header, authority: { text: basis.text, citation: basis.citation } };
  }

  /**
   * Reads the records once before rendering, independently of the renderer, to learn every withheld and produced
   * value: the verifier checks each page against them while the renderer draws (RenderPool).
   */
  private async checks(row: CaseEntity, header: ProductionHeader): Promise<StreamingChecks> {
    const values = await productionValues(caseRecords(this.dataSource, this.cipher, row.id), header);
    return { ...values, options: { batesPrefix: header.batesPrefix, batesStart: header.batesStart } };
  }

  private manifest(row: CaseEntity, header: ProductionHeader, rendered: ProductionResult, verification: VerificationResult) {
    return {
      caseId: row.id, caseNumber: row.caseNumber, requestType: row.requestType, requester: header.requester.agency ?? null,
      approvedBy: header.approvedBy, approvedAt: header.approvedAt, reviewedBy: header.reviewedBy, scope: header.scope,
      bates: { first: rendered.batesFirst, last: rendered.batesLast }, pages: rendered.pages, items: rendered.items,
      withholdingLog: rendered.withholdingLog, sha256: rendered.sha256, bytes: rendered.bytes, generatedAt: header.generatedAt,
      verification: { ok: verification.ok, pages: verification.pages, batesContinuous: verification.batesContinuous, untestedValues: verification.untestedValues, exemptValues: verification.exemptValues },
    };
  }

  /**
   * Finalises in one transaction: reserves the Bates range (or finds it reserved by an earlier attempt), stores the
   * file, records the production and moves the case to fulfilled. Returns the range to render again with when the
   * numbers the file carries were taken by another production in the meantime.
   */
  private async complete(caseId: string, productionId: string, header: ProductionHeader, tempPath: string, rendered: ProductionResult, verification: VerificationResult) {
    type Outcome = { kind: 'done'; result: unknown } | { kind: 'renumber'; start: number };
    const prefix = header.batesPrefix;
    const start = header.batesStart as number;
    return this.workflow.change<Outcome>(caseId, async (row, manager) => {
      if (row.status !== 'fulfilling' || row.pendingStep !== 'fulfilment') return { result: { kind: 'done', result: skipped(`case is ${row.status}/${row.pendingStep}`) } };
      const production = await manager.findOneOrFail(ProductionEntity, { where: { id: productionId } });
      let reserved = production.batesStart;
      if (reserved === null || production.batesPrefix !== prefix) {
        reserved = await BatesLedger.reserve(manager, prefix, rendered.pages);
        await manager.update(ProductionEntity, { id: productionId }, { batesPrefix: prefix, batesStart: reserved, batesEnd: reserved + rendered.pages - 1 });
      } else if (production.batesEnd !== reserved + rendered.pages - 1) {
        throw new Error(`production ${productionId} re-rendered to ${rendered.pages} pages, but its reserved Bates range has ${(production.batesEnd ?? 0) - reserved + 1}`);
      }
      if (reserved !== start) return { result: { kind: 'renumber', start: reserved } };

      // The file is already sealed; the store authenticates it and checks the plaintext SHA-256 the requester will get.
      const stored = await this.store.adoptSealed(tempPath, rendered.sha256, rendered.bytes);
      const manifest = this.manifest(row, header, rendered, verification);
      await this.store.put(Readable.from([JSON.stringify(manifest, null, 2)]));
      const sha256 = stored.sha256;
      await manager.update(ProductionEntity, { id: productionId }, {
        status: 'ready', progress: 100, sha256, bytes: rendered.bytes, pages: rendered.pages, batesFirst: rendered.batesFirst,
        batesLast: rendered.batesLast, manifest: manifest as never, failure: null, completedAt: new Date(),
      });
      row.status = nextState(row.status, 'completeFulfilment');
      row.pendingStep = null;
      row.alert = null;
      row.updatedAt = new Date();
      await manager.save(row);
      const jobs = await replanDeadlines(manager, row);
      return {
        result: { kind: 'done', result: { productionId, sha256, pages: rendered.pages, bates: [rendered.batesFirst, rendered.batesLast] } },
        jobs,
        audit: [
          { actor: null, action: 'production.created', objectType: 'production', objectId: productionId, details: { sha256, pages: rendered.pages, bates: [rendered.batesFirst, rendered.batesLast] } },
          { actor: null, action: 'case.fulfilled', objectType: 'case', objectId: caseId },
        ],
      };
    });
  }

  /** Nothing is released; the case keeps an alert and the director is told. */
  private async failClosed(caseId: string, reason: string, productionId: string | null, details: Record<string, unknown> = {}) {
    this.logger.error(`case ${caseId}: ${reason}`);
    await this.workflow.change<unknown>(caseId, async (row, manager) => {
      if (productionId) {
        const voided = await this.giveBackBatesRange(manager, productionId);
        const failure = voided ? `${reason}; Bates numbers ${voided} stay reserved to this stopped production and are void (a later production was numbered after them)` : reason;
        await manager.update(ProductionEntity, { id: productionId }, { status: 'failed', failure, completedAt: new Date() });
        if (voided) details = { ...details, voidBates: voided };
      }
      row.alert = reason;
      row.pendingStep = null;
      await manager.save(row);
      for (const userId of [row.decidingDirectorId, row.assignedDirectorId].filter((id, i, all): id is string => !!id && all.indexOf(id) === i)) {
        await manager.save(NotificationEntity, { id: randomUUID(), userId, caseId, kind: 'production_failed', message: `Production for case ${row.caseNumber} was stopped: ${reason}`, createdAt: new Date(), readAt: null });
      }
      return { result: null, audit: [{ actor: null, action: 'production.failed_closed', objectType: 'production', objectId: productionId, outcome: 'failure', details }] };
    });
  }

  /**
   * A stopped production releases nothing, so the Bates range it reserved (when another production's finalising
   * made it render again with new numbers) goes back to the sequence if no later production was numbered after it.
   * Returns the range, as printed, when it could not be given back and is void; null otherwise.
   */
  private async giveBackBatesRange(manager: EntityManager, productionId: string): Promise<string | null> {
    const production = await manager.findOne(ProductionEntity, { where: { id: productionId } });
    if (!production || production.batesStart === null || production.batesEnd === null || !production.batesPrefix) return null;
    if (await BatesLedger.release(manager, production.batesPrefix, production.batesStart, production.batesEnd)) {
      await manager.update(ProductionEntity, { id: productionId }, { batesPrefix: null, batesStart: null, batesEnd: null });
      return null;
    }
    return `${formatBates(production.batesPrefix, production.batesStart)}–${formatBates(production.batesPrefix, production.batesEnd)}`;
  }

  private progress(job: Job, productionId: string) {
    return throttled(PROGRESS_EVERY_MS, (progress: { percent: number | null; recordsRead: number; pages: number; phase: string }) => {
      const percent = Math.min(99, Math.round(progress.percent ?? 0));
      void job.updateProgress({ percent, pages: progress.pages, phase: progress.phase }).catch(() => undefined);
      void this.dataSource.getRepository(ProductionEntity).update({ id: productionId, status: 'rendering' }, { progress: percent }).catch(() => undefined);
    });
  }
}

/** Found while reading the checks: the partial rendering is discarded with its file, nothing is released. */
class AliasRevealsWithheldError extends Error {
  constructor(readonly aliases: number) {
    super(`${aliases} alias(es) in the approved scope contain a withheld value`);
    this.name = 'AliasRevealsWithheldError';
  }
}
