import { EntityManager, MoreThan } from 'typeorm';
import type { ResponsiveRecord } from '@custodian/domain';
import { loadKohaSettings } from '@custodian/cases';
import { PatronRecordEntity, RecordImportEntity } from '@custodian/persistence';
import { RecordCipher, looksAnonymous, pendingBorrowernumber, recheckAttribution } from '@custodian/records';

const PAGE_SIZE = 500;
const PATRON_TABLES = ['borrowers', 'deletedborrowers'];

export interface CasePatrons {
  cards: Map<number, string>;
  anonymous: Set<number>;
}

/** Pages of a case's sealed records by seq (keyset paging), optionally only some source tables. */
async function* sealedPages(manager: EntityManager, caseId: string, tables?: string[]): AsyncGenerator<PatronRecordEntity[]> {
  let after = 0;
  for (;;) {
    const query = manager
      .getRepository(PatronRecordEntity)
      .createQueryBuilder('r')
      .select(['r.id', 'r.importId', 'r.seq', 'r.sourceTable', 'r.keyId', 'r.ciphertext'])
      .where('r."caseId" = :caseId', { caseId })
      .andWhere('r.seq > :after', { after })
      .orderBy('r.seq', 'ASC')
      .take(PAGE_SIZE);
    if (tables) query.andWhere('r."sourceTable" IN (:...tables)', { tables });
    const page = await query.getMany();
    if (page.length > 0) yield page;
    if (page.length < PAGE_SIZE) return;
    after = page[page.length - 1].seq;
  }
}

/**
 * The patrons earlier uploads brought into the case (borrowernumber → card number) and the AnonymousPatron's
 * borrowernumbers (the setting, plus any borrowers row named "Anonymous"): several uploads form one data set.
 */
export async function loadCasePatrons(manager: EntityManager, cipher: RecordCipher, caseId: string): Promise<CasePatrons> {
  const settings = await loadKohaSettings(manager);
  const patrons: CasePatrons = { cards: new Map(), anonymous: new Set(settings.anonymousPatrons.filter(Number.isSafeInteger)) };
  // an earlier upload's systempreferences row named the AnonymousPatron: it is kept on that import, not as a record
  for (const recordImport of await manager.find(RecordImportEntity, { where: { caseId, status: 'completed' }, select: { id: true, stats: true } })) {
    for (const borrowernumber of recordImport.stats?.anonymousPatrons ?? []) if (Number.isSafeInteger(borrowernumber)) patrons.anonymous.add(borrowernumber);
  }
  for await (const page of sealedPages(manager, caseId, PATRON_TABLES)) {
    for (const row of page) {
      const record = JSON.parse(cipher.decryptString(row.ciphertext, caseId)) as ResponsiveRecord;
      const borrowernumber = record.fields.borrowernumber;
      if (typeof borrowernumber !== 'number') continue;
      if (looksAnonymous(record.fields)) patrons.anonymous.add(borrowernumber);
      else if (record.cardNumber) patrons.cards.set(borrowernumber, record.cardNumber);
    }
  }
  for (const borrowernumber of patrons.anonymous) patrons.cards.delete(borrowernumber);
  return patrons;
}

/**
 * Re-checks the case's rows that were waiting for their patron (a loans file imported before the borrowers file):
 * those whose borrowernumber is now known get its card number and are sealed again, and rows of a borrowernumber now
 * known to be the AnonymousPatron's lose their attribution; every import's count of waiting rows is brought up to
 * date, so the clerk sees which uploads still wait. Runs after each import, under the case lock, so two imports
 * finishing together cannot both miss each other.
 */
export async function resolveWaitingRecords(manager: EntityManager, cipher: RecordCipher, caseId: string): Promise<{ resolved: number; waiting: number }> {
  const patrons = await loadCasePatrons(manager, cipher, caseId);
  const waitingByImport = new Map<string, number>();
  let resolved = 0;
  let waiting = 0;
  for await (const page of sealedPages(manager, caseId)) {
    for (const row of page) {
      const record = JSON.parse(cipher.decryptString(row.ciphertext, caseId)) as ResponsiveRecord;
      const updated = recheckAttribution(record, patrons);
      if (!updated) {
        const borrowernumber = PATRON_TABLES.includes(row.sourceTable) ? null : pendingBorrowernumber(record);
        if (borrowernumber !== null && !patrons.anonymous.has(borrowernumber)) {
          waiting++;
          waitingByImport.set(row.importId, (waitingByImport.get(row.importId) ?? 0) + 1);
        }
        continue;
      }
      resolved++;
      await manager.update(PatronRecordEntity, { id: row.id }, { keyId: cipher.activeKeyId, ciphertext: cipher.encrypt(JSON.stringify(updated), caseId) });
    }
  }
  const imports = await manager.find(RecordImportEntity, { where: { caseId, pendingRows: MoreThan(0) }, select: { id: true } });
  for (const recordImport of imports) await manager.update(RecordImportEntity, { id: recordImport.id }, { pendingRows: waitingByImport.get(recordImport.id) ?? 0 });
  return { resolved, waiting };
}
