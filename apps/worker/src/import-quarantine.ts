import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { CaseWorkflow, discardExport } from '@custodian/cases';
import { NotificationEntity, RecordImportEntity, describeError } from '@custodian/persistence';
import { ContentStore } from '@custodian/storage';

/**
 * An import that can never succeed (a poison file, or a job whose attempts ran out) ends here: the plaintext
 * export is deleted first (the safe direction if what follows fails), then in one transaction the import is
 * failed with a reason the clerk can act on, the case gets an alert and its clerk a notification, audited.
 * Nothing of the file's content is logged or stored in the message.
 */
@Injectable()
export class ImportQuarantine {
  private readonly logger = new Logger('ImportQuarantine');

  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: CaseWorkflow,
    private readonly store: ContentStore,
  ) {}

  async quarantine(caseId: string, importId: string, reason: string): Promise<void> {
    const recordImport = await this.dataSource.getRepository(RecordImportEntity).findOne({ where: { id: importId, caseId } });
    if (!recordImport) return;
    for (const file of recordImport.files ?? [{ sha256: recordImport.sha256 }]) await discardExport(this.dataSource, this.store, file.sha256, importId);
    await this.workflow
      .change<unknown>(caseId, async (row, manager) => {
        const changed = await manager.update(
          RecordImportEntity,
          { id: importId, status: In(['queued', 'validating', 'importing']) },
          { status: 'failed', errors: [{ table: null, row: null, line: null, field: null, message: reason }] as never, errorCount: 1, completedAt: new Date() },
        );
        if (!changed.affected) return { result: null };
        row.alert = `The records import uploaded ${recordImport.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${recordImport.format.toUpperCase()}) was stopped: ${reason}. The uploaded file was deleted; upload a corrected export.`;
        await manager.save(row);
        await manager.save(NotificationEntity, { id: randomUUID(), userId: recordImport.createdById, caseId, kind: 'production_failed', message: `Case ${row.caseNumber}: ${row.alert}`, createdAt: new Date(), readAt: null });
        return { result: null, audit: [{ actor: null, action: 'records.import_quarantined', objectType: 'record_import', objectId: importId, outcome: 'failure', details: { reason } }] };
      })
      .catch((failure: Error) => this.logger.error(`could not record the quarantine of import ${importId}: ${describeError(failure)}`));
  }
}
