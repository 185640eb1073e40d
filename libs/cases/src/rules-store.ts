import { EntityManager } from 'typeorm';
import { DEFAULT_RULE_SETTINGS, RuleSettings, RuleTable, resolveRules } from '@custodian/domain';
import { loadDeadlineSettings, loadSetting, SETTING_KEYS } from './settings-store';

export function loadRuleSettings(manager: EntityManager): Promise<RuleSettings> {
  return loadSetting(manager, SETTING_KEYS.rules, DEFAULT_RULE_SETTINGS);
}

/** The rules in force: defaults with counsel's stored choices applied. */
export async function loadRules(manager: EntityManager): Promise<RuleTable> {
  return resolveRules(await loadRuleSettings(manager), await loadDeadlineSettings(manager));
}
