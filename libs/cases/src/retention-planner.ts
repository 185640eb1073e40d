import { EntityManager, In, IsNull, Not } from 'typeorm';
import { PurgePlanContent, RetentionCase, planPurge, toLocalDate } from '@custodian/domain';
import { CaseEntity, DocumentEntity, LegalHoldEntity, LetterEntity, PatronRecordEntity, PreservationHoldEntity, ProductionEntity } from '@custodian/persistence';
import { pacificToday } from './case-visibility';
import { loadRetentionSettings } from './publication-settings-store';

async function countsBy(manager: EntityManager, entity: Function, ids: string[], where = ''): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await manager.createQueryBuilder(entity as never, 'x').select('x."caseId"', 'caseId').addSelect('COUNT(*)', 'n')
    .where('x."caseId" IN (:...ids)', { ids }).andWhere(where || '1=1').groupBy('x."caseId"').getRawMany<{ caseId: string; n: string | number }>();
  return new Map(rows.map((r) => [r.caseId, Number(r.n)]));
}

/** Closed and withdrawn cases with what each still holds per class and its active holds. */
export async function loadRetentionCases(manager: EntityManager, caseIds?: string[]): Promise<RetentionCase[]> {
  const rows = await manager.find(CaseEntity, {
    where: { closedAt: Not(IsNull()), ...(caseIds ? { id: In(caseIds) } : {}) },
    select: { id: true, caseNumber: true, closedAt: true },
  });
  const ids = rows.map((r) => r.id);
  const [records, documents, productions, letters] = await Promise.all([
    countsBy(manager, PatronRecordEntity, ids),
    countsBy(manager, DocumentEntity, ids),
    countsBy(manager, ProductionEntity, ids, 'x.sha256 IS NOT NULL'),
    countsBy(manager, LetterEntity, ids),
  ]);
  const preservation = ids.length ? await manager.find(PreservationHoldEntity, { where: { caseId: In(ids), status: 'active' }, select: { id: true, caseId: true } }) : [];
  const legal = ids.length ? await manager.find(LegalHoldEntity, { where: { caseId: In(ids), releasedAt: IsNull() }, select: { id: true, caseId: true } }) : [];
  return rows.map((row) => ({
    caseId: row.id,
    caseNumber: row.caseNumber,
    closedOn: row.closedAt ? toLocalDate(row.closedAt) : null,
    items: { patron_records: records.get(row.id) ?? 0, documents: documents.get(row.id) ?? 0, productions: productions.get(row.id) ?? 0, letters: letters.get(row.id) ?? 0, case_metadata: 1 },
    holds: [
      ...legal.filter((h) => h.caseId === row.id).map((h) => ({ kind: 'legal' as const, id: h.id })),
      ...preservation.filter((h) => h.caseId === row.id).map((h) => ({ kind: 'preservation' as const, id: h.id })),
    ],
  }));
}

/** The dry run: what the schedule would purge today, and what holds keep. */
export async function dryRunPurge(manager: EntityManager, purgeAfterDays: number, today = pacificToday()): Promise<PurgePlanContent> {
  return planPurge(await loadRetentionCases(manager), await loadRetentionSettings(manager, purgeAfterDays), today);
}
