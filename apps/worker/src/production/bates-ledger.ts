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

  /**
   * Gives back the range `start`…`end` of a production that will never be released, in the caller's transaction,
   * if it is still the sequence's last: the next production then takes those numbers and the library's sequence has
   * no gap. A range another production was numbered after cannot be given back without a gap; false then, and the
   * caller records the range as void.
   */
  static async release(manager: EntityManager, prefix: string, start: number, end: number): Promise<boolean> {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 1 || end < start) throw new Error(`cannot release Bates numbers ${start}…${end}`);
    const released = await manager
      .createQueryBuilder()
      .update(BatesSequenceEntity)
      .set({ next: start })
      .where('prefix = :prefix AND "next" = :after', { prefix, after: end + 1 })
      .execute();
    return !!released.affected;
  }
}
