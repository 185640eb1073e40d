import { DataSource } from 'typeorm';
import { RecordImportEntity } from '@custodian/persistence';
import { ContentStore } from '@custodian/storage';

const RUNNING = ['queued', 'validating', 'importing'];

/**
 * The uploaded export is plaintext patron data: once its records are sealed, the file rejected, or its upload
 * refused, it is deleted, unless another import of the same bytes is still waiting to read it (the store is
 * content-addressed; a multi-file import names its files in `files`).
 */
export async function discardExport(dataSource: DataSource, store: ContentStore, sha256: string, endingImportId?: string): Promise<void> {
  const query = dataSource.getRepository(RecordImportEntity).createQueryBuilder('i')
    .where('i.status IN (:...running)', { running: RUNNING })
    .andWhere('(i.sha256 = :sha256 OR i.files LIKE :named)', { sha256, named: `%"${sha256}"%` });
  // `endingImportId`: an import that is being ended right now and no longer counts as needing the file.
  if (endingImportId) query.andWhere('i.id != :endingImportId', { endingImportId });
  if (!(await query.getExists())) await store.remove(sha256);
}
