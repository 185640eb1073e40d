import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan } from 'typeorm';
import { AppConfig } from '@custodian/config';
import { CaseWorkflow } from '@custodian/cases';
import { CaseEntity, PatronRecordEntity, RecordImportEntity } from '@custodian/persistence';
import { ContentStore } from '@custodian/storage';
import { discardExport } from './import-records.handler';
import { JobHandler, skipped } from '../job-handler';

/** Deletes imported patron data a configured time after its case closed; case metadata stays for reporting. */
@Injectable()
export class PurgeRecordsHandler implements JobHandler<'purge-records'> {
  readonly jobName = 'purge-records';

  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: CaseWorkflow,
    private readonly config: AppConfig,
    private readonly store: ContentStore,
  ) {}

  async handle() {
    const cutoff = new Date(Date.now() - this.config.PURGE_AFTER_DAYS * 86_400_000);
    const due = await this.dataSource.getRepository(CaseEntity).find({
      where: { status: In(['closed', 'withdrawn']), closedAt: LessThan(cutoff), recordsPurgedAt: IsNull() },
      select: { id: true },
    });
    for (const { id } of due) {
      await this.workflow.change<unknown>(id, async (row, manager) => {
        if (row.recordsPurgedAt) return { result: skipped('already purged') };
        const { affected } = await manager.delete(PatronRecordEntity, { caseId: id });
        for (const { sha256 } of await manager.find(RecordImportEntity, { where: { caseId: id }, select: { id: true, sha256: true } })) {
          await discardExport(this.dataSource, this.store, sha256);
        }
        row.recordsPurgedAt = new Date();
        await manager.save(row);
        return { result: affected ?? 0, audit: [{ actor: null, action: 'records.purged', objectType: 'case', objectId: id, details: { rows: affected ?? 0, retentionDays: this.config.PURGE_AFTER_DAYS } }] };
      });
    }
    return { cases: due.length };
  }
}
