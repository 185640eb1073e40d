import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Writable } from 'node:stream';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { AppConfig } from '@custodian/config';
import { CaseNotFoundError, CaseWorkflow } from '@custodian/cases';
import { PURGEABLE_CLASSES, PurgePlanContent, PurgeableClass, toLocalDate } from '@custodian/domain';
import {
  CaseEntity, DeadlineEntity, DecisionEntity, DocumentEntity, LegalHoldEntity, LetterEntity, NotificationEntity, PatronNoticeEntity, PatronRecordEntity,
  PreservationHoldEntity, ProductionEntity, PurgePlanEntity, RecordImportEntity, ReviewEntity, UnitOfWork, UserEntity,
} from '@custodian/persistence';
import { JobPayloads } from '@custodian/queues';
import { PurgeCertificate, renderPurgeCertificate } from '@custodian/production';
import { ContentStore } from '@custodian/storage';
import { discardExport } from './import-records.handler';
import { JobHandler, skipped } from '../job-handler';

/** Tables whose rows name a stored file by SHA-256: a file is removed only when no row of any still needs it. */
const FILE_TABLES = [DocumentEntity, LetterEntity, ProductionEntity, RecordImportEntity] as const;

/**
 * Executes an approved purge plan: exactly the cases and classes the admin reviewed, each case in its own
 * transaction that re-checks holds first (a hold placed after the review keeps the case). Then writes the
 * certificate: one `retention.purged` audit event with what went, and the same as a stored PDF.
 */
@Injectable()
export class ExecutePurgeHandler implements JobHandler<'execute-purge'> {
  readonly jobName = 'execute-purge';

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly workflow: CaseWorkflow,
    private readonly auditLog: AuditLog,
    private readonly store: ContentStore,
    private readonly config: AppConfig,
  ) {}

  async handle(job: Job<JobPayloads['execute-purge']>) {
    const plan = await this.dataSource.getRepository(PurgePlanEntity).findOne({ where: { id: job.data.planId } });
    if (!plan) return skipped('no such plan');
    if (plan.status === 'executed' && !plan.certificateSha256) return this.writeCertificatePdf(plan);
    if (plan.status !== 'approved') return skipped(`plan is ${plan.status}`);
    const content = plan.plan as PurgePlanContent;
    const byCase = new Map<string, { caseNumber: string; classes: PurgeableClass[] }>();
    for (const planned of content.classes) {
      for (const c of planned.cases) {
        const entry = byCase.get(c.caseId) ?? { caseNumber: c.caseNumber, classes: [] };
        entry.classes.push(planned.recordClass);
        byCase.set(c.caseId, entry);
      }
    }
    const done = new Map<PurgeableClass, { items: number; cases: string[] }>(PURGEABLE_CLASSES.map((c) => [c, { items: 0, cases: [] }]));
    const skippedCases: { caseNumber: string; reason: string }[] = [];
    const files = new Set<string>();
    for (const [caseId, { caseNumber, classes }] of byCase) {
      try {
        await this.workflow.change(caseId, async (row, manager) => {
          const held = (await manager.count(LegalHoldEntity, { where: { caseId, releasedAt: IsNull() } })) + (await manager.count(PreservationHoldEntity, { where: { caseId, status: 'active' } }));
          if (held) {
            skippedCases.push({ caseNumber, reason: 'a hold was placed after the review' });
            return { result: undefined, audit: [{ actor: null, action: 'retention.purge_skipped', objectType: 'case', objectId: caseId, details: { planId: plan.id, reason: 'hold' } }] };
          }
          const counts: Partial<Record<PurgeableClass, number>> = {};
          for (const recordClass of PURGEABLE_CLASSES.filter((c) => classes.includes(c))) {
            counts[recordClass] = await this.purgeClass(manager, row, recordClass, files);
            const tally = done.get(recordClass)!;
            tally.items += counts[recordClass]!;
            tally.cases.push(caseNumber);
          }
          return { result: undefined, audit: [{ actor: null, action: 'records.purged', objectType: 'case', objectId: caseId, details: { planId: plan.id, classes: counts } }] };
        });
      } catch (error) {
        if (!(error instanceof CaseNotFoundError)) throw error;
        skippedCases.push({ caseNumber, reason: 'already purged' });
      }
    }
    for (const sha256 of files) await this.removeIfUnused(sha256);

    const approver = plan.approvedById ? await this.dataSource.getRepository(UserEntity).findOne({ where: { id: plan.approvedById } }) : null;
    const certificate: PurgeCertificate = {
      planId: plan.id,
      libraryName: this.config.LIBRARY_NAME,
      executedOn: toLocalDate(new Date()),
      approvedBy: { displayName: approver?.displayName ?? 'unknown', title: approver?.title ?? '' },
      approvedAt: plan.approvedAt?.toISOString() ?? '',
      classes: content.classes.map((c) => ({ recordClass: c.recordClass, label: c.label, items: done.get(c.recordClass)!.items, cases: done.get(c.recordClass)!.cases, rule: c.rule })),
      skipped: skippedCases,
      blocked: content.blocked.map((b) => ({ caseNumber: b.caseNumber, holds: b.holds.map((h) => `${h.kind} hold`) })),
      auditEvents: content.auditEvents,
      auditSeq: null,
    };
    await this.unitOfWork.run(async (manager) => {
      const event = await this.auditLog.append(manager, {
        actor: null, action: 'retention.purged', objectType: 'purge_plan', objectId: plan.id,
        details: { classes: certificate.classes.map((c) => ({ class: c.recordClass, items: c.items, cases: c.cases, rule: { days: c.rule.days, citation: c.rule.citation, citySchedule: c.rule.citySchedule } })), skipped: skippedCases, blocked: certificate.blocked.map((b) => b.caseNumber), auditEventsPurged: 0 },
      });
      certificate.auditSeq = event.seq;
      await manager.update(PurgePlanEntity, { id: plan.id }, { status: 'executed', executedAt: new Date(), certificate: certificate as never });
    });
    return this.writeCertificatePdf({ ...plan, certificate });
  }

  /** The PDF of the certificate, stored by SHA-256 (case numbers and counts only: no patron data). */
  private async writeCertificatePdf(plan: Pick<PurgePlanEntity, 'id' | 'certificate'>) {
    const chunks: Buffer[] = [];
    const out = new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(chunk), done()) });
    await renderPurgeCertificate(plan.certificate as PurgeCertificate, out);
    const { Readable } = await import('node:stream');
    const stored = await this.store.put(Readable.from([Buffer.concat(chunks)]));
    await this.dataSource.getRepository(PurgePlanEntity).update({ id: plan.id }, { certificateSha256: stored.sha256, certificateBytes: stored.bytes });
    return { executed: plan.id, certificate: stored.sha256 };
  }

  /** Deletes one class of one case; returns how many items went. The case row goes last, with what hangs off it. */
  private async purgeClass(manager: EntityManager, row: CaseEntity, recordClass: PurgeableClass, files: Set<string>): Promise<number> {
    const caseId = row.id;
    const removeRows = async (entity: (typeof FILE_TABLES)[number]) => {
      const found = await manager.find(entity as never, { where: { caseId } });
      for (const item of found as unknown as { sha256: string | null }[]) if (item.sha256) files.add(item.sha256);
      if (found.length) await manager.delete(entity as never, { caseId });
      return found.length;
    };
    switch (recordClass) {
      case 'patron_records': {
        const { affected } = await manager.delete(PatronRecordEntity, { caseId });
        for (const i of await manager.find(RecordImportEntity, { where: { caseId }, select: { id: true, sha256: true } })) await discardExport(this.dataSource, this.store, i.sha256);
        row.recordsPurgedAt = new Date();
        await manager.save(row);
        return affected ?? 0;
      }
      case 'documents':
        return removeRows(DocumentEntity);
      case 'letters':
        return removeRows(LetterEntity);
      case 'productions': {
        // The row stays with its counts for the reports; the released file and its scope go.
        const productions = await manager.find(ProductionEntity, { where: { caseId } });
        for (const p of productions) {
          if (p.sha256) files.add(p.sha256);
          const items = (p.manifest as { items?: unknown; withholdingLog?: { field?: string; count?: number; describedInProduction?: boolean }[] } | null) ?? {};
          await manager.update(ProductionEntity, { id: p.id }, { sha256: null, manifest: { items: items.items ?? {}, withholdingLog: (items.withholdingLog ?? []).map(({ field, count, describedInProduction }) => ({ field, count, describedInProduction })), purged: true } as never });
        }
        return productions.filter((p) => p.sha256).length;
      }
      case 'case_metadata': {
        await removeRows(DocumentEntity);
        await removeRows(LetterEntity);
        await removeRows(ProductionEntity);
        await removeRows(RecordImportEntity);
        await manager.delete(PatronRecordEntity, { caseId });
        for (const entity of [DeadlineEntity, ReviewEntity, DecisionEntity, PreservationHoldEntity, LegalHoldEntity, PatronNoticeEntity, NotificationEntity]) await manager.delete(entity as never, { caseId });
        await manager.delete(CaseEntity, { id: caseId });
        return 1;
      }
    }
  }

  private async removeIfUnused(sha256: string): Promise<void> {
    for (const entity of FILE_TABLES) {
      if (await this.dataSource.getRepository(entity as never).exists({ where: { sha256 } as never })) return;
    }
    await this.store.remove(sha256);
  }
}

