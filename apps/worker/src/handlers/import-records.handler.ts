import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { CaseEntity, PatronRecordEntity, RecordImportEntity, UnitOfWork } from '@custodian/persistence';
import { JobPayloads } from '@custodian/queues';
import { ExportFile, ImportProgress, RecordCipher, isValidated, readRecordBatches, validateExport } from '@custodian/records';
import { ContentStore } from '@custodian/storage';
import { JobHandler, skipped } from '../job-handler';
import { throttled } from '../progress-throttle';

const IMPORTABLE_STATES = ['intake', 'legal_review', 'needs_info', 'awaiting_approval'];
const PROGRESS_EVERY_MS = 500;

/**
 * The uploaded export is plaintext patron data: once its records are sealed (or the file rejected) it is deleted,
 * unless another import of the same bytes is still waiting to read it (the store is content-addressed).
 */
export async function discardExport(dataSource: DataSource, store: ContentStore, sha256: string): Promise<void> {
  const stillNeeded = await dataSource.getRepository(RecordImportEntity).exists({ where: { sha256, status: In(['queued', 'validating', 'importing']) } });
  if (!stillNeeded) await store.remove(sha256);
}

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
  ) {}

  async handle(job: Job<JobPayloads['import-records']>) {
    const { caseId, importId } = job.data;
    const imports = this.dataSource.getRepository(RecordImportEntity);
    const recordImport = await imports.findOne({ where: { id: importId, caseId } });
    if (!recordImport || recordImport.status === 'completed' || recordImport.status === 'failed') return skipped('import already finished');

    const files: ExportFile[] = [
      recordImport.format === 'csv'
        ? { format: 'csv', table: recordImport.table!, open: () => this.store.open(recordImport.sha256), size: recordImport.bytes }
        : { format: 'json', open: () => this.store.open(recordImport.sha256), size: recordImport.bytes },
    ];
    const onProgress = this.progressReporter(job, importId);

    await imports.update({ id: importId }, { status: 'validating', bytesRead: 0, rowsRead: 0 });
    const validation = await validateExport(files, { onProgress });
    if (!isValidated(validation)) {
      await imports.update({ id: importId }, { status: 'failed', errors: [...validation.issues] as never, errorCount: validation.issueCount, completedAt: new Date() });
      await discardExport(this.dataSource, this.store, recordImport.sha256);
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
      for await (const batch of readRecordBatches(files, validation, { onProgress })) {
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
      await manager.update(RecordImportEntity, { id: importId }, { status: 'completed', rowsImported: rows, rowsRead: rows, bytesRead: recordImport.bytes, completedAt: new Date() });
      await this.auditLog.append(manager, { actor: null, action: 'records.imported', objectType: 'record_import', objectId: importId, caseId, details: { rows, byType } });
      return { rows, byType };
    });
    await discardExport(this.dataSource, this.store, recordImport.sha256);
    if (!result) {
      await imports.update({ id: importId }, { status: 'failed', errors: [{ table: null, row: null, line: null, field: null, message: 'the case was decided or closed before the import ran' }] as never, errorCount: 1, completedAt: new Date() });
      return skipped('case no longer accepts records');
    }
    return { imported: true, ...result };
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
