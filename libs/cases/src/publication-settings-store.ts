import { EntityManager } from 'typeorm';
import { DEFAULT_TRANSPARENCY_SETTINGS, RetentionSettings, TransparencySettings, defaultRetention } from '@custodian/domain';
import { loadSetting } from './settings-store';

/** Keys of the settings this library's transparency and retention features keep (beside deadlines and rules). */
export const POLICY_SETTING_KEYS = { transparency: 'transparency', retention: 'retention' } as const;

export function loadTransparencySettings(manager: EntityManager): Promise<TransparencySettings> {
  return loadSetting(manager, POLICY_SETTING_KEYS.transparency, DEFAULT_TRANSPARENCY_SETTINGS);
}

export function loadRetentionSettings(manager: EntityManager, purgeAfterDays: number): Promise<RetentionSettings> {
  return loadSetting(manager, POLICY_SETTING_KEYS.retention, defaultRetention(purgeAfterDays));
}
