// A process that commits a case step with its outbox row and is killed before it can relay the job to Redis:
// exactly the crash the transactional outbox exists for. It uses the compiled persistence and queue code, so
// the row is the one a real transition writes. Usage: node commit-then-crash.js <caseId> (DATABASE_URL set).
const { join } = require('node:path');
const dist = join(__dirname, '../../dist/libs');
const { openDatabase, UnitOfWork, CaseEntity } = require(join(dist, 'persistence/src'));
const { enqueueInTransaction, jobRequest } = require(join(dist, 'queues/src'));

async function main() {
  const caseId = process.argv[2];
  const dataSource = await openDatabase({ url: process.env.DATABASE_URL, sqlitePath: ':memory:' });
  const unitOfWork = new UnitOfWork(dataSource);
  const submittedAt = new Date();
  await unitOfWork.run(async (manager) => {
    await manager.update(CaseEntity, { id: caseId }, { pendingStep: 'intake', submittedAt });
    await enqueueInTransaction(manager, jobRequest('complete-intake', { caseId }, `${caseId}-intake-${submittedAt.getTime()}`));
  });
  process.stdout.write('committed\n');
  process.kill(process.pid, 'SIGKILL');
}

main().catch((error) => {
  process.stderr.write(`${error.name}: ${error.message}\n`);
  process.exit(1);
});
