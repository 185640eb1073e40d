import { EntityManager, In } from 'typeorm';
import { OPEN_STATES, Role } from '@custodian/domain';
import { CaseEntity, UserEntity } from '@custodian/persistence';
import { dutyHolders } from './case-duties';

/**
 * Picks the active holder of `role` with the fewest open cases assigned, never someone who already holds a duty
 * on this case (anyone who created, edited, imported into or submitted it, reviewed or decided it: separation of
 * duties), nor an admin (admins take no case decisions). Null when nobody qualifies.
 */
export async function leastLoaded(
  manager: EntityManager,
  role: Role,
  column: 'assignedAttorneyId' | 'assignedDirectorId',
  exclude: (string | null)[],
  caseId?: string,
): Promise<UserEntity | null> {
  const excluded = new Set([...exclude, ...(caseId ? await dutyHolders(manager, caseId) : [])]);
  const candidates = (await manager.find(UserEntity, { where: { active: true }, order: { username: 'ASC' } })).filter(
    (user) => user.roles.includes(role) && !user.roles.includes('admin') && !excluded.has(user.id),
  );
  if (!candidates.length) return null;
  // Counted in the database: reading every open case's row per intake made each intake slower as the caseload grew.
  const counts: { assignee: string; open: string | number }[] = await manager
    .createQueryBuilder(CaseEntity, 'c')
    .select(`c."${column}"`, 'assignee')
    .addSelect('COUNT(*)', 'open')
    .where({ status: In([...OPEN_STATES]), [column]: In(candidates.map((c) => c.id)) })
    .groupBy(`c."${column}"`)
    .getRawMany();
  const openBy = new Map(counts.map((row) => [row.assignee, Number(row.open)]));
  const load = (user: UserEntity) => openBy.get(user.id) ?? 0;
  return candidates.reduce((best, user) => (load(user) < load(best) ? user : best));
}
