import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { BatesSequenceEntity, UnitOfWork, openDatabase } from '@custodian/persistence';
import { BatesLedger } from './bates-ledger';

// On the embedded SQLite database, in memory, with the migrations the product runs: the ledger's SQL as shipped.
describe('BatesLedger', () => {
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let prefixes = 0;
  const freshPrefix = () => `T${++prefixes}`;
  const next = async (prefix: string) => (await dataSource.getRepository(BatesSequenceEntity).findOne({ where: { prefix } }))?.next;

  beforeAll(async () => {
    dataSource = await openDatabase({ sqlitePath: ':memory:' });
    unitOfWork = new UnitOfWork(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('starts a new prefix at 1, and peeking reserves nothing', async () => {
    const prefix = freshPrefix();
    expect(await BatesLedger.peek(dataSource.manager, prefix)).toBe(1);
    expect(await BatesLedger.peek(dataSource.manager, prefix)).toBe(1);
    expect(await next(prefix)).toBeUndefined();
  });

  it('continues one sequence per prefix across productions, each prefix on its own', async () => {
    const [a, b] = [freshPrefix(), freshPrefix()];
    expect(await BatesLedger.reserve(dataSource.manager, a, 12)).toBe(1);
    expect(await BatesLedger.reserve(dataSource.manager, b, 3)).toBe(1);
    expect(await BatesLedger.reserve(dataSource.manager, a, 1)).toBe(13);
    expect(await BatesLedger.peek(dataSource.manager, a)).toBe(14);
    expect(await BatesLedger.peek(dataSource.manager, b)).toBe(4);
  });

  it('gives disjoint, gap-free ranges to productions finalised at the same time', async () => {
    const prefix = freshPrefix();
    const pages = [5, 1, 9, 2, 7, 3, 4, 8];
    const starts = await Promise.all(pages.map((count) => unitOfWork.run((manager) => BatesLedger.reserve(manager, prefix, count))));
    const ranges = starts.map((start, i) => [start, start + pages[i] - 1]).sort((x, y) => x[0] - y[0]);
    expect(ranges[0][0]).toBe(1);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1] + 1);
    expect(await next(prefix)).toBe(pages.reduce((sum, n) => sum + n, 0) + 1);
  });

  it('reserves nothing when the transaction that reserved rolls back', async () => {
    const prefix = freshPrefix();
    await BatesLedger.reserve(dataSource.manager, prefix, 4);
    await expect(unitOfWork.run(async (manager) => {
      await BatesLedger.reserve(manager, prefix, 10);
      throw new Error('finalising failed');
    })).rejects.toThrow('finalising failed');
    expect(await BatesLedger.peek(dataSource.manager, prefix)).toBe(5);
  });

  it('takes back a stopped production\'s range only while it is the last one, so the sequence never has a gap or a repeat', async () => {
    const prefix = freshPrefix();
    const first = await BatesLedger.reserve(dataSource.manager, prefix, 3); // 1-3
    const stopped = await BatesLedger.reserve(dataSource.manager, prefix, 5); // 4-8
    expect(await BatesLedger.release(dataSource.manager, prefix, stopped, stopped + 4)).toBe(true);
    expect(await BatesLedger.peek(dataSource.manager, prefix)).toBe(4);
    // Released twice, or a range that is not the tail: nothing moves.
    expect(await BatesLedger.release(dataSource.manager, prefix, stopped, stopped + 4)).toBe(false);
    const stoppedAgain = await BatesLedger.reserve(dataSource.manager, prefix, 2); // 4-5
    await BatesLedger.reserve(dataSource.manager, prefix, 1); // 6, numbered after it
    expect(await BatesLedger.release(dataSource.manager, prefix, stoppedAgain, stoppedAgain + 1)).toBe(false);
    expect(await BatesLedger.release(dataSource.manager, prefix, first, first + 2)).toBe(false);
    expect(await BatesLedger.peek(dataSource.manager, prefix)).toBe(7);
  });

  it('refuses a range of no pages or nonsense bounds', async () => {
    for (const pages of [0, -1, 1.5, Number.NaN]) await expect(BatesLedger.reserve(dataSource.manager, freshPrefix(), pages)).rejects.toThrow('cannot reserve');
    for (const [start, end] of [[0, 3], [5, 4], [1.5, 2]]) await expect(BatesLedger.release(dataSource.manager, freshPrefix(), start, end)).rejects.toThrow('cannot release');
  });

  it('numbers every released production exactly once, in one run of numbers, whatever productions stop (property)', async () => {
    // Each step reserves a production's range, or stops one of those not yet stopped; a stopped production keeps its
    // numbers, void, only when a later one was numbered after it.
    const steps = fc.array(fc.oneof(fc.record({ reserve: fc.integer({ min: 1, max: 20 }) }), fc.record({ stop: fc.nat() })), { minLength: 1, maxLength: 25 });
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        const prefix = freshPrefix();
        const held: { start: number; end: number; stopped: boolean }[] = [];
        for (const step of plan) {
          if ('reserve' in step) {
            const start = await BatesLedger.reserve(dataSource.manager, prefix, step.reserve);
            held.push({ start, end: start + step.reserve - 1, stopped: false });
            continue;
          }
          const running = held.filter((range) => !range.stopped);
          if (!running.length) continue;
          const victim = running[step.stop % running.length];
          victim.stopped = true;
          if (await BatesLedger.release(dataSource.manager, prefix, victim.start, victim.end)) held.splice(held.indexOf(victim), 1);
        }
        // What the library holds: every range, kept or void, one after another from 1, ending where the ledger goes on.
        const sorted = [...held].sort((x, y) => x.start - y.start);
        let expected = 1;
        for (const range of sorted) {
          expect(range.start).toBe(expected);
          expected = range.end + 1;
        }
        expect(await BatesLedger.peek(dataSource.manager, prefix)).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });
});
