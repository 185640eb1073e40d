import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseEntity, UserEntity, openDatabase } from '@custodian/persistence';
import { productionHeader } from './production-header';

// The embedded SQLite database, in memory: the header reads the approver and reviewer from the users table.
describe('productionHeader names the approver and reviewer', () => {
  let dataSource: DataSource;
  const library = { batesPrefix: 'PDL', libraryName: 'Palm Desert Library', libraryPlace: 'Palm Desert, California' };
  const row = {
    id: randomUUID(), caseNumber: 'CUST-2026-0042', requestType: 'court_order', requester: { name: 'Det. A. Ruiz', agency: 'Palm Desert Police' },
    instrument: { issuedBy: 'Superior Court of California, County of Riverside', docketNumber: 'CR-2026-0411' },
    scope: { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-02-28', recordTypes: ['loans'] },
  } as unknown as CaseEntity;

  async function user(displayName: string, title: string, roles: string[]): Promise<string> {
    const id = randomUUID();
    await dataSource.getRepository(UserEntity).insert({ id, username: `u-${id.slice(0, 8)}`, displayName, title, email: null, passwordHash: 'x', roles, active: true, tokenVersion: 0, totpSecret: null, totpEnabled: false, createdAt: new Date(), updatedAt: new Date() } as never);
    return id;
  }
  const header = (directorId: string, attorneyId: string) => productionHeader(dataSource, row, row.scope, { directorId, createdAt: new Date('2026-03-05T10:00:00Z') }, { attorneyId }, library);

  beforeAll(async () => {
    dataSource = await openDatabase({ sqlitePath: ':memory:' });
  });
  afterAll(() => dataSource.destroy());

  it("prints the approving director's and the reviewing attorney's own names and titles, the director also as custodian", async () => {
    const printed = await header(await user('Maria Lopez', 'Library Director', ['director']), await user('Ravi Patel', 'Deputy City Attorney', ['attorney']));
    expect(printed.approvedBy).toEqual({ displayName: 'Maria Lopez', title: 'Library Director' });
    expect(printed.reviewedBy).toEqual({ displayName: 'Ravi Patel', title: 'Deputy City Attorney' });
    expect(printed.declaration?.custodian).toEqual({ displayName: 'Maria Lopez', title: 'Library Director' });
  });

  it('refuses, instead of printing a placeholder, when the approver or reviewer is unknown or has no name or title', async () => {
    const director = await user('Maria Lopez', 'Library Director', ['director']);
    const attorney = await user('Ravi Patel', 'Deputy City Attorney', ['attorney']);
    await expect(header(randomUUID(), attorney)).rejects.toThrow('Production not rendered: the approving director is not known');
    await expect(header(director, randomUUID())).rejects.toThrow('Production not rendered: the reviewing attorney is not known');
    await expect(header(director, await user('Ravi Patel', '', ['attorney']))).rejects.toThrow('the reviewing attorney (Ravi Patel) has no title');
    await expect(header(await user('Library Director', 'Library Director', ['director']), attorney)).rejects.toThrow('is a placeholder, not a person');
  });
});
