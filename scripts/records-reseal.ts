// Brings every value sealed with the records cipher under the active key: `npm run records:reseal` (decision 0053).
// The database half of a key rotation (imported patron records, upload names, TOTP secrets); `storage:reseal` is the
// files' half. Run both after adding a new key to RECORDS_KEYS; once both report nothing left, the old key may go.
// Safe to re-run and to run while the API and worker are up. Exits 0 when everything is under the active key, 1 when
// some values could not be opened (listed by table and id, never by content), 2 on a configuration error.
import 'reflect-metadata';
import { resealRecords } from '@custodian/cases';
import { ConfigError, loadConfig } from '@custodian/config';
import { openDatabase } from '@custodian/persistence';
import { createRecordCipher, parseRecordKeyring } from '@custodian/records';

async function main(): Promise<number> {
  const config = loadConfig();
  const keyring = parseRecordKeyring(config.RECORDS_KEYS, config.RECORDS_ACTIVE_KEY_ID);
  const cipher = createRecordCipher({ keys: keyring.keys, activeKeyId: keyring.activeKeyId });
  const dataSource = await openDatabase({ url: config.DATABASE_URL, sqlitePath: config.SQLITE_PATH });
  try {
    const report = await resealRecords(dataSource, cipher);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.problems.length) process.stderr.write(`${report.problems.length} sealed value(s) could not be re-sealed under key "${cipher.activeKeyId}"; reading them fails closed\n`);
    return report.problems.length ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `records reseal failed: ${error.name}: ${error.message}\n`);
    process.exit(2);
  },
);
