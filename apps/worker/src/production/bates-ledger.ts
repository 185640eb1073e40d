import { EntityManager } from 'typeorm';
import { BatesSequenceEntity } from '@custodian/persistence';

/**
 * The library's Bates sequences. A range is reserved only when a production is finalised, inside the finalising
 * transaction, so a rendering that fails or is retried burns no numbers. The reservation is one conditional-free
 * UPDATE (the row lock on PostgreSQL, the write lock on SQLite, make it atomic), then the new value is read back in
 * the same transaction.
 */
export class BatesLedger {
  /** The number the next production of `prefix` would start at, read without reserving (to render with). */
  static async peek(manager: EntityManager, prefix: string): Promise<number> {
    const row = await manager.findOne(BatesSequenceEntity, { where: { prefix } });
    return row?.next ?? 1;
  }

  /** Reserves `pages` numbers of `prefix` in the caller's transaction and returns the first. */
  static async reserve(manager: EntityManager, prefix: string, pages: number): Promise<number> {
    if (!Number.isSafeInteger(pages) || pages < 1) throw new Error(`cannot reserve ${pages} Bates numbers`);
    await manager.createQueryBuilder().insert().into(BatesSequenceEntity).values({ prefix, next: 1 }).orIgnore().execute();
    await manager
      .createQueryBuilder()
      .update(BatesSequenceEntity)
      .set({ next: () => `"next" + ${pages}` })
      .where('prefix = :prefix', { prefix })
      .execute();
    const row = await manager.findOneOrFail(BatesSequenceEntity, { where: { prefix } });
    return row.next - pages;
  }
}
