import { EntityManager, In } from 'typeorm';
import { OPEN_STATES, Role } from '@custodian/domain';
import { CaseEntity, UserEntity } from '@custodian/persistence';

/**
 * Picks the active holder of `role` with the fewest open cases assigned, never someone who already
 * holds another duty on this case (separation of duties). Null when nobody qualifies.
 */
export async function leastLoaded(manager: EntityManager, role: Role, column: 'assignedAttorneyId' | 'assignedDirectorId', exclude: (string | null)[]): Promise<UserEntity | null> {
  const candidates = (await manager.find(UserEntity, { where: { active: true }, order: { username: 'ASC' } })).filter(
    (user) => user.roles.includes(role) && !exclude.includes(user.id),
  );
  if (!candidates.length) return null;
  const open = await manager.find(CaseEntity, { where: { status: In([...OPEN_STATES]), [column]: In(candidates.map((c) => c.id)) }, select: { id: true, [column]: true } });
  const load = (user: UserEntity) => open.filter((row) => row[column] === user.id).length;
  return candidates.reduce((best, user) => (load(user) < load(best) ? user : best));
}
