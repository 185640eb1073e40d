import { EntityManager } from 'typeorm';
import { DEFAULT_DEADLINE_SETTINGS, DeadlineSettings } from '@custodian/domain';
import { SettingEntity } from '@custodian/persistence';

export const SETTING_KEYS = { deadlines: 'deadlines', rules: 'rules' } as const;

/** Admin-edited values stored over the defaults; what is not stored keeps its default. */
export async function loadSetting<T extends object>(manager: EntityManager, key: string, defaults: Readonly<T>): Promise<T> {
  const row = await manager.findOne(SettingEntity, { where: { key } });
  return { ...defaults, ...((row?.value as Partial<T>) ?? {}) } as T;
}

export function loadDeadlineSettings(manager: EntityManager): Promise<DeadlineSettings> {
  return loadSetting(manager, SETTING_KEYS.deadlines, DEFAULT_DEADLINE_SETTINGS);
}
