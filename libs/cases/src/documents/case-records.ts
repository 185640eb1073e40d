import { DataSource, EntityManager } from 'typeorm';
import type { ResponsiveRecord } from '@custodian/domain';
import { PatronRecordEntity } from '@custodian/persistence';
import type { RecordCipher } from '@custodian/records';

const PAGE_SIZE = 1000;

/**
 * A case's imported records, unsealed one page at a time and ordered by record type and source table, so a
 * production holds one table per table of origin and memory stays flat however many records there are
 * (keyset paging, no offsets). Read through a transaction's manager, they are read inside it.
 */
export async function* caseRecords(dataSource: DataSource | EntityManager, cipher: RecordCipher, caseId: string): AsyncGenerator<ResponsiveRecord> {
  let after: { recordType: string; sourceTable: string; seq: number } | null = null;
  for (;;) {
    const query = dataSource
      .getRepository(PatronRecordEntity)
      .createQueryBuilder('r')
      .select(['r.id', 'r.recordType', 'r.sourceTable', 'r.seq', 'r.ciphertext'])
      .where('r."caseId" = :caseId', { caseId })
      .orderBy('r."recordType"', 'ASC')
      .addOrderBy('r."sourceTable"', 'ASC')
      .addOrderBy('r.seq', 'ASC')
      .take(PAGE_SIZE);
    if (after) {
      query.andWhere(
        '(r."recordType" > :type OR (r."recordType" = :type AND (r."sourceTable" > :table OR (r."sourceTable" = :table AND r.seq > :seq))))',
        { type: after.recordType, table: after.sourceTable, seq: after.seq },
      );
    }
    const page = await query.getMany();
    for (const row of page) yield JSON.parse(cipher.decryptString(row.ciphertext, caseId)) as ResponsiveRecord;
    if (page.length < PAGE_SIZE) return;
    const last = page[page.length - 1];
    after = { recordType: last.recordType, sourceTable: last.sourceTable, seq: last.seq };
  }
}

export function countCaseRecords(dataSource: DataSource, caseId: string): Promise<number> {
  return dataSource.getRepository(PatronRecordEntity).count({ where: { caseId } });
}
