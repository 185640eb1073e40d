import { DataSource, In, Not } from 'typeorm';
import { RecordImportEntity } from '@custodian/persistence';
import { ContentStore } from '@custodian/storage';

/**
 * The uploaded export is plaintext patron data: once its records are sealed (or the file rejected) it is deleted,
 * unless another import of the same bytes is still waiting to read it (the store is content-addressed).
 */
export async function discardExport(dataSource: DataSource, store: ContentStore, sha256: string, endingImportId?: string): Promise<void> {
  const running = { sha256, status: In(['queued', 'validating', 'importing']) };
  // `endingImportId`: an import that is being ended right now and no longer counts as needing the file.
  const stillNeeded = await dataSource.getRepository(RecordImportEntity).exists({ where: endingImportId ? { ...running, id: Not(endingImportId) } : running });
  if (!stillNeeded) await store.remove(sha256);
}
