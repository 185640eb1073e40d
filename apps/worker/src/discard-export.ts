import { DataSource, In } from 'typeorm';
import { RecordImportEntity } from '@custodian/persistence';
import { ContentStore } from '@custodian/storage';

/**
 * The uploaded export is plaintext patron data: once its records are sealed (or the file rejected) it is deleted,
 * unless another import of the same bytes is still waiting to read it (the store is content-addressed).
 */
export async function discardExport(dataSource: DataSource, store: ContentStore, sha256: string): Promise<void> {
  const stillNeeded = await dataSource.getRepository(RecordImportEntity).exists({ where: { sha256, status: In(['queued', 'validating', 'importing']) } });
  if (!stillNeeded) await store.remove(sha256);
}
