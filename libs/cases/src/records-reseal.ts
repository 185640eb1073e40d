import { DataSource, MoreThan } from 'typeorm';
import { DocumentEntity, PatronRecordEntity, RecordImportEntity, UserEntity } from '@custodian/persistence';
import { RecordCipher, SEALED_CONTEXTS } from '@custodian/records';

/** What a name sealed with the records cipher starts with; a name from before (decision 0016) does not. */
const SEALED_PREFIX = 'v1:';
const PAGE = 500;

export interface ResealCounts {
  /** Re-sealed under the active key (or, for a plaintext upload name from before, sealed for the first time). */
  resealed: number;
  /** Already under the active key. */
  current: number;
}

export interface ResealProblem {
  table: 'patron_records' | 'documents' | 'record_imports' | 'users';
  id: string;
  /** The cipher's reason: a key that is not configured, or a value that fails authentication. Never the value. */
  reason: string;
}

export interface RecordsResealReport {
  activeKeyId: string;
  patronRecords: ResealCounts;
  uploadNames: ResealCounts;
  totpSecrets: ResealCounts;
  problems: ResealProblem[];
}

/**
 * Brings every value sealed with the records cipher under the active key, the database's half of a key rotation
 * (`npm run records:reseal`; the files' half is `storage:reseal`, decision 0051): imported patron records, upload
 * names (plaintext names from before are sealed now) and TOTP secrets. Each row is rewritten only if it still
 * holds the value read (a worker re-sealing it meanwhile wins), so it is safe to run while the API and worker are
 * up, and to run again. A value that cannot be opened is listed and left as it is; it fails closed where it is read.
 */
export async function resealRecords(dataSource: DataSource, cipher: RecordCipher): Promise<RecordsResealReport> {
  const report: RecordsResealReport = {
    activeKeyId: cipher.activeKeyId,
    patronRecords: { resealed: 0, current: 0 },
    uploadNames: { resealed: 0, current: 0 },
    totpSecrets: { resealed: 0, current: 0 },
    problems: [],
  };
  const fresh = (sealed: string, context: string, counts: ResealCounts, problem: Omit<ResealProblem, 'reason'>): string | null => {
    try {
      if (!sealed.startsWith(SEALED_PREFIX) && counts === report.uploadNames) return counted(counts, cipher.encrypt(sealed, context));
      if (!cipher.needsReencryption(sealed)) {
        counts.current++;
        return null;
      }
      return counted(counts, cipher.reencrypt(sealed, context));
    } catch (error) {
      report.problems.push({ ...problem, reason: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };

  for await (const row of pages(dataSource, PatronRecordEntity)) {
    const ciphertext = fresh(row.ciphertext, SEALED_CONTEXTS.patronRecord(row.caseId), report.patronRecords, { table: 'patron_records', id: row.id });
    if (ciphertext) await dataSource.getRepository(PatronRecordEntity).update({ id: row.id, ciphertext: row.ciphertext }, { ciphertext, keyId: cipher.activeKeyId });
  }
  for await (const row of pages(dataSource, DocumentEntity)) {
    const filename = fresh(row.filename, SEALED_CONTEXTS.uploadName(row.caseId), report.uploadNames, { table: 'documents', id: row.id });
    if (filename) await dataSource.getRepository(DocumentEntity).update({ id: row.id, filename: row.filename }, { filename });
  }
  for await (const row of pages(dataSource, RecordImportEntity)) {
    const context = SEALED_CONTEXTS.uploadName(row.caseId);
    const filename = fresh(row.filename, context, report.uploadNames, { table: 'record_imports', id: row.id });
    const files = row.files?.map((file) => ({ ...file, filename: fresh(file.filename, context, report.uploadNames, { table: 'record_imports', id: row.id }) ?? file.filename }));
    const filesChanged = files !== undefined && files.some((file, index) => file.filename !== row.files![index].filename);
    if (filename || filesChanged) {
      await dataSource.getRepository(RecordImportEntity).update({ id: row.id, filename: row.filename }, { ...(filename ? { filename } : {}), ...(filesChanged ? { files } : {}) });
    }
  }
  for await (const row of pages(dataSource, UserEntity)) {
    if (!row.totpSecret) continue;
    const totpSecret = fresh(row.totpSecret, SEALED_CONTEXTS.totpSecret(row.id), report.totpSecrets, { table: 'users', id: row.id });
    if (totpSecret) await dataSource.getRepository(UserEntity).update({ id: row.id, totpSecret: row.totpSecret }, { totpSecret });
  }
  return report;
}

function counted(counts: ResealCounts, value: string): string {
  counts.resealed++;
  return value;
}

/** Every row of a table in id order, a page at a time: memory stays flat however many records a case imported. */
async function* pages<T extends { id: string }>(dataSource: DataSource, entity: new () => T): AsyncGenerator<T> {
  let after = '';
  for (;;) {
    const page = (await dataSource.getRepository(entity).find({ where: { id: MoreThan(after) } as never, order: { id: 'ASC' } as never, take: PAGE })) as T[];
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1].id;
  }
}
