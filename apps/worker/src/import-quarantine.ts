import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { CaseWorkflow } from '@custodian/cases';
import { NotificationEntity, RecordImportEntity, describeError } from '@custodian/persistence';
import { ContentStore } from '@custodian/storage';
import { discardExport } from './discard-export';

/**
 * An import that can never succeed (a poison file, or a job whose attempts ran out) ends here: the import is
 * failed with a reason the clerk can act on, the plaintext export is deleted, and the case gets an alert and
 * its clerk a notification. Nothing of the file's content is logged or stored in the message.
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
    const imports = this.dataSource.getRepository(RecordImportEntity);
    const recordImport = await imports.findOne({ where: { id: importId, caseId } });
    if (!recordImport) return;
    const changed = await imports.update(
      { id: importId, status: In(['queued', 'validating', 'importing']) },
      { status: 'failed', errors: [{ table: null, row: null, line: null, field: null, message: reason }] as never, errorCount: 1, completedAt: new Date() },
    );
    // The export is plaintext patron data: it goes on every path that ends the import, this one included.
    await discardExport(this.dataSource, this.store, recordImport.sha256);
    if (!changed.affected) return;
    await this.workflow
      .change<unknown>(caseId, async (row, manager) => {
        row.alert = `The records import "${recordImport.filename}" was stopped: ${reason}. The uploaded file was deleted; upload a corrected export.`;
        await manager.save(row);
        await manager.save(NotificationEntity, { id: randomUUID(), userId: recordImport.createdById, caseId, kind: 'production_failed', message: `Case ${row.caseNumber}: ${row.alert}`, createdAt: new Date(), readAt: null });
        return { result: null, audit: [{ actor: null, action: 'records.import_quarantined', objectType: 'record_import', objectId: importId, outcome: 'failure', details: { reason } }] };
      })
      .catch((failure: Error) => this.logger.error(`could not record the quarantine of import ${importId}: ${describeError(failure)}`));
  }
}
