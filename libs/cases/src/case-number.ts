import { EntityManager, Like } from 'typeorm';
import { CaseEntity } from '@custodian/persistence';

/** Case numbers read `2026-0042`: the year received and a sequence within it. */
export async function nextCaseNumber(manager: EntityManager, year: number): Promise<string> {
  const prefix = `${year}-`;
  const [last] = await manager.find(CaseEntity, { where: { caseNumber: Like(`${prefix}%`) }, order: { caseNumber: 'DESC' }, take: 1, select: { caseNumber: true } });
  const next = last ? Number(last.caseNumber.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}
