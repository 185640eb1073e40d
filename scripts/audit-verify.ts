// Recomputes the audit hash chain from the command line: `npm run audit:verify [-- --head <hash>]`.
// Exits 0 when the chain is whole (and passes through the given head), 1 naming the first broken event.
import 'reflect-metadata';
import { AuditLog } from '@custodian/audit';
import { ConfigError, loadConfig } from '@custodian/config';
import { AuditEventEntity, UnitOfWork, openDatabase } from '@custodian/persistence';

async function main(): Promise<number> {
  const config = loadConfig();
  const dataSource = await openDatabase({ url: config.DATABASE_URL, sqlitePath: config.SQLITE_PATH });
  try {
    const result = await new AuditLog(new UnitOfWork(dataSource)).verify();
    const expectedHead = argument('--head');
    let headFound = true;
    if (expectedHead) headFound = await dataSource.getRepository(AuditEventEntity).exists({ where: { hash: expectedHead } });
    process.stdout.write(`${JSON.stringify({ ...result, ...(expectedHead ? { exportedHeadFound: headFound } : {}) }, null, 2)}\n`);
    if (!result.ok) process.stderr.write(`audit chain broken at event ${result.firstBroken!.seq} (${result.firstBroken!.reason})\n`);
    if (!headFound) process.stderr.write('the exported head is not in the chain: events were removed or rewritten\n');
    return result.ok && headFound ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `audit verify failed: ${error.name}: ${error.message}\n`);
    process.exit(2);
  },
);
