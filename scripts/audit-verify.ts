// Recomputes the keyed audit chain from the command line: `npm run audit:verify [-- --head <file>]`.
// Checks the chain against the last signed head exported to AUDIT_HEAD_DIR (or the head file given), so a truncated
// tail or a rewrite with recomputed links is caught. Exits 0 when whole, 1 naming the first broken event.
import 'reflect-metadata';
import { AuditHeadStore, AuditLog, auditKeysFrom, readSignedHead } from '@custodian/audit';
import { ConfigError, loadConfig } from '@custodian/config';
import { UnitOfWork, openDatabase } from '@custodian/persistence';

async function main(): Promise<number> {
  const config = loadConfig();
  const keys = auditKeysFrom(config);
  const headFile = argument('--head');
  const exported = headFile ? await readSignedHead(headFile, keys) : await new AuditHeadStore(config.AUDIT_HEAD_DIR, keys).latest();
  if (headFile && !exported) throw new Error(`no head file at ${headFile}`);
  const dataSource = await openDatabase({ url: config.DATABASE_URL, sqlitePath: config.SQLITE_PATH });
  try {
    const started = Date.now();
    const result = await new AuditLog(new UnitOfWork(dataSource), keys).verify(exported);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`${JSON.stringify({ ...result, seconds, eventsPerSecond: Math.round(result.events / Math.max(seconds, 0.001)) }, null, 2)}\n`);
    if (!exported) process.stderr.write(`warning: no exported head in ${config.AUDIT_HEAD_DIR}: a truncated tail cannot be detected\n`);
    if (!result.ok) {
      const { seq, reason } = result.firstBroken!;
      const why = reason === 'truncated' ? 'the chain ends before the exported head: events were removed'
        : reason === 'exported_head_mismatch' ? 'the chain does not pass through the exported signed head: it was rewritten (or the head file was forged)'
        : reason;
      process.stderr.write(`audit chain broken at event ${seq} (${why})\n`);
    }
    return result.ok ? 0 : 1;
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
