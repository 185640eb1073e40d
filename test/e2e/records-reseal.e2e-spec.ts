import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { resealRecords } from '@custodian/cases';
import { DocumentEntity, PatronRecordEntity, RecordImportEntity, UserEntity, openDatabase } from '@custodian/persistence';
import { createRecordCipher, RecordCipher } from '@custodian/records';
import { TestEnvironment, createTestEnvironment } from '../support/services';

jest.setTimeout(120_000);
const run = promisify(execFile);

// A fresh PostgreSQL database with every migration; the ciphers are real, with a rotation from k1 to k2.
const k1 = randomBytes(32);
const k2 = randomBytes(32);
const before = createRecordCipher({ keys: { k1 }, activeKeyId: 'k1' });
const after = createRecordCipher({ keys: { k1, k2 }, activeKeyId: 'k2' });
const onlyNew = createRecordCipher({ keys: { k2 }, activeKeyId: 'k2' });
const caseId = randomUUID();
const record = JSON.stringify({ recordType: 'loans', cardNumber: '23000000012345', fields: { title: 'Gardening in the Desert' } });

describe('records:reseal, the database half of a key rotation', () => {
  let environment: TestEnvironment;
  let db: DataSource;
  beforeEach(async () => {
    environment = await createTestEnvironment('postgres');
    db = await openDatabase({ url: environment.databaseUrl, sqlitePath: environment.env.SQLITE_PATH });
  });
  afterEach(async () => {
    await db.destroy();
    await environment.dispose();
  });

  async function seed(cipher: RecordCipher, rows = 3) {
    const ids = Array.from({ length: rows }, () => randomUUID());
    await db.getRepository(PatronRecordEntity).insert(ids.map((id, seq) => ({ id, caseId, importId: randomUUID(), seq, recordType: 'loans' as const, sourceTable: 'issues', keyId: cipher.activeKeyId, ciphertext: cipher.encrypt(record, caseId) })));
    const documentId = randomUUID();
    await db.getRepository(DocumentEntity).insert({ id: documentId, caseId, kind: 'consent', filename: cipher.encrypt('jane-doe-consent.pdf', `upload-name:${caseId}`), mediaType: 'application/pdf', sha256: 'a'.repeat(64), size: 1, uploadedById: randomUUID(), createdAt: new Date() });
    const importId = randomUUID();
    await db.getRepository(RecordImportEntity).insert({
      id: importId, caseId, status: 'completed', format: 'csv', table: null, filename: 'smith-loans.csv', sha256: 'b'.repeat(64), bytes: 1,
      files: [{ filename: cipher.encrypt('smith-issues.csv', `upload-name:${caseId}`), format: 'csv', table: 'issues', sha256: 'c'.repeat(64), bytes: 1 }, { filename: 'smith-borrowers.csv', format: 'csv', table: 'borrowers', sha256: 'd'.repeat(64), bytes: 1 }],
      createdById: randomUUID(), createdAt: new Date(), completedAt: new Date(),
    } as never);
    const userId = randomUUID();
    await db.getRepository(UserEntity).insert({ id: userId, username: `dir-${userId.slice(0, 8)}`, displayName: 'D', title: '', email: null, passwordHash: 'x', roles: ['director'], active: true, tokenVersion: 0, totpSecret: cipher.encrypt('JBSWY3DPEHPK3PXP', `totp:${userId}`), totpEnabled: true, createdAt: new Date(), updatedAt: new Date() } as never);
    return { ids, documentId, importId, userId };
  }

  it('re-seals every record, upload name and TOTP secret under the new key, so the old key can go', async () => {
    const { ids, documentId, importId, userId } = await seed(before);
    const report = await resealRecords(db, after);
    expect(report).toEqual({ activeKeyId: 'k2', patronRecords: { resealed: 3, current: 0 }, uploadNames: { resealed: 4, current: 0 }, totpSecrets: { resealed: 1, current: 0 }, problems: [] });

    // Read back with a cipher that no longer has k1: everything opens, with the contexts the application uses.
    for (const id of ids) {
      const row = await db.getRepository(PatronRecordEntity).findOneByOrFail({ id });
      expect(row.keyId).toBe('k2');
      expect(onlyNew.decryptString(row.ciphertext, caseId)).toBe(record);
    }
    const document = await db.getRepository(DocumentEntity).findOneByOrFail({ id: documentId });
    expect(onlyNew.decryptString(document.filename, `upload-name:${caseId}`)).toBe('jane-doe-consent.pdf');
    const upload = await db.getRepository(RecordImportEntity).findOneByOrFail({ id: importId });
    // The names from before decision 0016 (plaintext) are sealed now too.
    expect([upload.filename, ...upload.files!.map((file) => file.filename)].map((name) => onlyNew.decryptString(name, `upload-name:${caseId}`))).toEqual(['smith-loans.csv', 'smith-issues.csv', 'smith-borrowers.csv']);
    expect(upload.files!.map((file) => file.table)).toEqual(['issues', 'borrowers']);
    const user = await db.getRepository(UserEntity).findOneByOrFail({ id: userId });
    expect(onlyNew.decryptString(user.totpSecret!, `totp:${userId}`)).toBe('JBSWY3DPEHPK3PXP');

    // Run again: nothing left to do.
    expect(await resealRecords(db, after)).toMatchObject({ patronRecords: { resealed: 0, current: 3 }, uploadNames: { resealed: 0, current: 4 }, totpSecrets: { resealed: 0, current: 1 }, problems: [] });
  });

  it('lists a value it cannot open by table and id, never by content, and leaves it as it was', async () => {
    const { ids } = await seed(before, 2);
    const moved = await db.getRepository(PatronRecordEntity).findOneByOrFail({ id: ids[0] });
    // A value sealed for another case (moved between rows) fails authentication under this row's context.
    const foreign = before.encrypt(record, randomUUID());
    await db.getRepository(PatronRecordEntity).update({ id: moved.id }, { ciphertext: foreign });
    const report = await resealRecords(db, after);
    expect(report.patronRecords).toEqual({ resealed: 1, current: 0 });
    expect(report.problems).toEqual([{ table: 'patron_records', id: ids[0], reason: expect.stringMatching(/authentication failed/) }]);
    expect(JSON.stringify(report)).not.toContain('Gardening');
    expect((await db.getRepository(PatronRecordEntity).findOneByOrFail({ id: ids[0] })).ciphertext).toBe(foreign);
  });

  it('pages through more rows than one page holds', async () => {
    await seed(before, 501);
    expect((await resealRecords(db, after)).patronRecords).toEqual({ resealed: 501, current: 0 });
    const keys = await db.query(`SELECT "keyId", COUNT(*) AS n FROM patron_records GROUP BY "keyId"`);
    expect(keys.map((k: { keyId: string; n: number }) => [k.keyId, Number(k.n)])).toEqual([['k2', 501]]);
  });

  it('runs as `npm run records:reseal`: a JSON report, exit 0 when all is under the active key, 1 listing what could not be', async () => {
    const { ids } = await seed(before, 2);
    const env = { PATH: process.env.PATH ?? '', ...environment.env, RECORDS_KEYS: `k1:${k1.toString('base64')},k2:${k2.toString('base64')}` };
    const script = () => run(process.execPath, ['dist/scripts/records-reseal.js'], { env, cwd: join(__dirname, '../..') });
    const first = await script();
    expect(JSON.parse(first.stdout)).toMatchObject({ activeKeyId: 'k2', patronRecords: { resealed: 2, current: 0 }, uploadNames: { resealed: 4 }, totpSecrets: { resealed: 1 }, problems: [] });
    await db.getRepository(PatronRecordEntity).update({ id: ids[1] }, { ciphertext: before.encrypt(record, randomUUID()) });
    const refused = await script().then(() => null, (error: { code: number; stdout: string; stderr: string }) => error);
    expect(refused?.code).toBe(1);
    expect(JSON.parse(refused!.stdout).problems).toEqual([{ table: 'patron_records', id: ids[1], reason: expect.any(String) }]);
    expect(refused!.stderr).toMatch(/1 sealed value\(s\) could not be re-sealed under key "k2"/);
  });
});
