// Brings every stored file under the active records key: `npm run storage:reseal` (decision 0051).
// Run it after adding a new key to RECORDS_KEYS (it becomes active): files of older keys get their data key re-wrapped
// (header only), plaintext files from before encryption at rest are sealed when their digest matches their address.
// Safe to re-run and to run while the API and worker are up (every rewrite is a rename). Exits 0 when every file is
// sealed under the active key, 1 when some could not be (listed by address and reason), 2 on a configuration error.
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@custodian/config';
import { contentStoreFor, fileEnvelopeFor, resealStore } from '@custodian/storage';

async function main(): Promise<number> {
  const config = loadConfig();
  const envelope = fileEnvelopeFor(config);
  const report = await resealStore(contentStoreFor(config, envelope), envelope);
  process.stdout.write(`${JSON.stringify({ activeKeyId: envelope.activeKeyId, ...report }, null, 2)}\n`);
  if (report.problems.length) process.stderr.write(`${report.problems.length} stored file(s) could not be sealed under key "${envelope.activeKeyId}"; reading them fails closed\n`);
  return report.problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `storage reseal failed: ${error.name}: ${error.message}\n`);
    process.exit(2);
  },
);
