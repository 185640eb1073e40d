import { EntityManager, Like } from 'typeorm';
import { CaseEntity } from '@custodian/persistence';

const CASE_NUMBER_LOCK = 6267;

/**
 * Case numbers read `2026-0042`: the year received and a sequence within it. Numbering is serialised for the
 * rest of the caller's transaction (SQLite writers are serial already), so concurrent intakes never collide.
 */
export async function nextCaseNumber(manager: EntityManager, year: number): Promise<string> {
  if (manager.connection.options.type === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1)', [CASE_NUMBER_LOCK]);
  const prefix = `${year}-`;
  const [last] = await manager.find(CaseEntity, { where: { caseNumber: Like(`${prefix}%`) }, order: { caseNumber: 'DESC' }, take: 1, select: { caseNumber: true } });
  const next = last ? Number(last.caseNumber.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}
