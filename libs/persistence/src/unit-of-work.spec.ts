import { DataSource } from 'typeorm';
import { openDatabase } from './data-source';
import { SettingEntity } from './entities';
import { UnitOfWork } from './unit-of-work';

// The embedded SQLite database, in memory: the same migrations and transactions the quick start runs on.
describe('UnitOfWork on SQLite', () => {
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;

  beforeAll(async () => {
    dataSource = await openDatabase({ sqlitePath: ':memory:' });
    unitOfWork = new UnitOfWork(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('brings the schema up to date with every migration', async () => {
    const tables = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((t: { name: string }) => t.name);
    for (const table of ['cases', 'audit_events', 'outbox', 'patron_records', 'settings', 'users']) expect(tables).toContain(table);
    const pending = await dataSource.showMigrations();
    expect(pending).toBe(false);
  });

  it('rolls back everything a failed transaction wrote', async () => {
    await expect(
      unitOfWork.run(async (manager) => {
        await manager.insert(SettingEntity, { key: 'rollback-probe', value: { n: 1 }, updatedById: null, updatedAt: new Date() });
        throw new Error('step failed');
      }),
    ).rejects.toThrow('step failed');
    expect(await dataSource.getRepository(SettingEntity).findOne({ where: { key: 'rollback-probe' } })).toBeNull();
  });

  it('serialises concurrent transactions, so no read-modify-write is lost', async () => {
    const counter = () => dataSource.getRepository(SettingEntity).findOne({ where: { key: 'counter-probe' } });
    await dataSource.getRepository(SettingEntity).insert({ key: 'counter-probe', value: 0, updatedById: null, updatedAt: new Date() });
    await Promise.all(
      Array.from({ length: 8 }, () =>
        unitOfWork.run(async (manager) => {
          const row = await manager.findOneOrFail(SettingEntity, { where: { key: 'counter-probe' } });
          await new Promise((resolve) => setImmediate(resolve));
          await manager.update(SettingEntity, { key: 'counter-probe' }, { value: (row.value as number) + 1 });
        }),
      ),
    );
    expect((await counter())?.value).toBe(8);
  });
});
