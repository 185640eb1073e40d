import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource, In, MoreThan } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { CaseEntity, PatronRecordEntity, RecordImportEntity, UnitOfWork } from '@custodian/persistence';
import { JobPayloads } from '@custodian/queues';
import { ExportFile, ImportProgress, RecordCipher, emptyImportStats, isValidated, parseRecordKeyring, readRecordBatches, undescribedWarnings, validateExport } from '@custodian/records';
import { loadCasePatrons, resolveWaitingRecords } from '../records/case-patrons';
import { ContentStore } from '@custodian/storage';
import { AppConfig } from '@custodian/config';
import { discardExport } from '@custodian/cases';
import { ImportQuarantine } from '../import-quarantine';
import { ExportTooDemandingError, probeExportInThread } from '../isolation/validate-export-in-thread';
import { JobHandler, skipped } from '../job-handler';
import { throttled } from '../progress-throttle';

const IMPORTABLE_STATES = ['intake', 'legal_review', 'needs_info', 'awaiting_approval'];
const PROGRESS_EVERY_MS = 500;
/** Below this an export cannot build a heap that matters; above it pass 1 is first tried in a heap-limited thread. */
const ISOLATE_ABOVE_BYTES = 4 * 1024 * 1024;

export { discardExport } from '@custodian/cases';

/**
 * Imports an uploaded ILS export in two streaming passes: validate everything (row errors with line and
 * field), then, only if the whole file is valid, seal each record and insert it in one transaction.
 */
@Injectable()
export class ImportRecordsHandler implements JobHandler<'import-records'> {
  readonly jobName = 'import-records';

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
    private readonly store: ContentStore,
    @Inject('RecordCipher') private readonly cipher: RecordCipher,
    private readonly config: AppConfig,
    private readonly quarantine: ImportQuarantine,
  ) {}

  async handle(job: Job<JobPayloads['import-records']>) {
    const { caseId, importId } = job.data;
    const imports = this.dataSource.getRepository(RecordImportEntity);
    const recordImport = await imports.findOne({ where: { id: importId, caseId } });
    if (recordImport?.status === 'completed') {
      // The import commits before its waiting rows are re-checked: a job retried after a crash between the two
      // finishes the second step (it changes nothing if that step had already run).
      await this.recheckWaitingRows(caseId);
      return skipped('import already finished');
    }
    if (!recordImport || recordImport.status === 'failed') return skipped('import already finished');

    const described = recordImport.files ?? [{ format: recordImport.format, table: recordImport.table, sha256: recordImport.sha256, bytes: recordImport.bytes }];
    const files: ExportFile[] = described.map((file) =>
      file.format === 'csv'
        ? { format: 'csv', table: file.table!, open: () => this.store.open(file.sha256), size: file.bytes }
        : { format: 'json', ...(file.table ? { table: file.table } : {}), open: () => this.store.open(file.sha256), size: file.bytes },
    );
    const discard = async () => {
      for (const file of described) await discardExport(this.dataSource, this.store, file.sha256);
    };
    const onProgress = this.progressReporter(job, importId);

    await imports.update({ id: importId }, { status: 'validating', bytesRead: 0, rowsRead: 0 });
    // Earlier uploads into the case are one data set with this one: their patrons resolve this file's borrowernumbers.
    const known = await loadCasePatrons(this.dataSource.manager, this.cipher, caseId);
    const options = { knownPatrons: known.cards, anonymousPatrons: known.anonymous };
    // A large upload is first read in a heap-limited thread: if it would exhaust memory, only that thread dies.
    const fits = await probeExportInThread(
      { root: this.store.root, keyring: parseRecordKeyring(this.config.RECORDS_KEYS, this.config.RECORDS_ACTIVE_KEY_ID) },
      described.map((file) => ({ format: file.format, table: file.table ?? undefined, sha256: file.sha256, size: file.bytes })),
      { heapMb: this.config.IMPORT_THREAD_HEAP_MB, isolateAboveBytes: ISOLATE_ABOVE_BYTES },
      options,
    ).then(
      () => true,
      async (error: Error) => {
        if (!(error instanceof ExportTooDemandingError)) throw error;
        // Deterministic: the same bytes would exhaust the thread again, so the import ends now, without retries.
        await this.quarantine.quarantine(caseId, importId, error.message);
        return false;
      },
    );
    if (!fits) return { imported: false, quarantined: true };
    const validation = await validateExport(files, { onProgress, ...options });
    const warnings = () => [...validation.warnings];
    if (!isValidated(validation)) {
      await imports.update({ id: importId }, {
        status: 'failed', errors: [...validation.issues] as never, errorCount: validation.issueCount,
        warnings: warnings() as never, warningCount: validation.warningCount, completedAt: new Date(),
      });
      await discard();
      await this.auditLog.record({ actor: null, action: 'records.import_rejected', objectType: 'record_import', objectId: importId, caseId, outcome: 'failure', details: { errors: validation.issueCount, rows: validation.rows } });
      return { imported: false, errors: validation.issueCount };
    }

    await imports.update({ id: importId }, { status: 'importing', bytesRead: 0, rowsRead: 0 });
    const result = await this.unitOfWork.run(async (manager) => {
      // A shared lock on the case: a decision (which locks it for update) waits until the records are in or out.
      const query = manager.createQueryBuilder(CaseEntity, 'c').where('c.id = :caseId', { caseId });
      if (this.unitOfWork.isPostgres) query.setLock('pessimistic_read');
      const row = await query.getOne();
      if (!row || !IMPORTABLE_STATES.includes(row.status)) return null;
      // A retried job starts over: rows of an earlier, interrupted attempt were never committed.
      const [last] = await manager.find(PatronRecordEntity, { where: { caseId }, order: { seq: 'DESC' }, take: 1, select: { seq: true } });
      let seq = last?.seq ?? 0;
      const byType: Record<string, number> = {};
      const stats = emptyImportStats();
      for await (const batch of readRecordBatches(files, validation, { onProgress, stats })) {
        await manager.insert(
          PatronRecordEntity,
          batch.map((record) => {
            byType[record.recordType] = (byType[record.recordType] ?? 0) + 1;
            return {
              id: randomUUID(), caseId, importId, seq: ++seq, recordType: record.recordType, sourceTable: record.sourceTable,
              keyId: this.cipher.activeKeyId, ciphertext: this.cipher.encrypt(JSON.stringify(record), caseId),
            };
          }),
        );
      }
      const rows = Object.values(byType).reduce((a, b) => a + b, 0);
      const undescribed = undescribedWarnings(stats).map((message) => ({ table: null, row: null, line: null, field: null, message }));
      await manager.update(RecordImportEntity, { id: importId }, {
        status: 'completed', rowsImported: rows, rowsRead: rows, bytesRead: recordImport.bytes, completedAt: new Date(),
        warnings: [...undescribed, ...warnings()] as never, warningCount: validation.warningCount + undescribed.length,
        pendingRows: validation.pending.rows, notAttributableRows: stats.notAttributable, stats: { undescribed: stats.undescribed, anonymousPatrons: [...validation.directory.anonymous] } as never,
      });
      await this.auditLog.append(manager, { actor: null, action: 'records.imported', objectType: 'record_import', objectId: importId, caseId, details: { rows, byType, pending: validation.pending.rows, notAttributable: stats.notAttributable } });
      return { rows, byType };
    });
    await discard();
    if (result) await this.recheckWaitingRows(caseId);
    if (!result) {
      await imports.update({ id: importId }, { status: 'failed', errors: [{ table: null, row: null, line: null, field: null, message: 'the case was decided or closed before the import ran' }] as never, errorCount: 1, completedAt: new Date() });
      return skipped('case no longer accepts records');
    }
    return { imported: true, ...result };
  }

  /**
   * A borrowers file may be what earlier uploads were waiting for: re-check them under the case lock. Only while the
   * case still takes records: once it is decided, the records are the ones the approval checked (its alias check and
   * release preview), so the rows keep waiting and the audit says why.
   */
  private async recheckWaitingRows(caseId: string) {
    await this.unitOfWork.run(async (manager) => {
      const query = manager.createQueryBuilder(CaseEntity, 'c').where('c.id = :caseId', { caseId });
      if (this.unitOfWork.isPostgres) query.setLock('pessimistic_write');
      const row = await query.getOne();
      if (!row) return;
      if (!IMPORTABLE_STATES.includes(row.status)) {
        const waiting = await manager.count(RecordImportEntity, { where: { caseId, pendingRows: MoreThan(0) } });
        if (waiting > 0) await this.auditLog.append(manager, { actor: null, action: 'records.patrons_recheck_refused', objectType: 'case', objectId: caseId, caseId, outcome: 'failure', details: { status: row.status, waitingImports: waiting, reason: 'the case was decided or closed before its waiting rows were re-checked' } });
        return;
      }
      const { resolved, waiting } = await resolveWaitingRecords(manager, this.cipher, caseId);
      if (resolved > 0) await this.auditLog.append(manager, { actor: null, action: 'records.patrons_resolved', objectType: 'case', objectId: caseId, caseId, details: { resolved, waiting } });
    });
  }

  /** Progress goes to the job and, at most twice a second, to the import row the clerk's screen polls. */
  private progressReporter(job: Job, importId: string) {
    return throttled(PROGRESS_EVERY_MS, (progress: ImportProgress) => {
      void job.updateProgress({ phase: progress.phase, bytesRead: progress.bytesRead, rows: progress.rows }).catch(() => undefined);
      // Only while running: a late write must not rewind a finished import's figures.
      void this.dataSource.getRepository(RecordImportEntity).update({ id: importId, status: In(['validating', 'importing']) }, { bytesRead: progress.bytesRead, rowsRead: progress.rows }).catch(() => undefined);
    });
  }
}
