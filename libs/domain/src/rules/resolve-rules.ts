import { CLOCKS } from '../deadlines/clock-catalogue';
import { DEFAULT_DEADLINE_SETTINGS, DeadlineSettings } from '../deadlines/deadline-settings';
import { REQUEST_TYPES, RequestType } from '../request-types';
import { BASE_RULES } from './base-rules';
import { COUNSEL_SETTINGS, counselQuestionsFor, isNonDefault } from './counsel-overrides';
import { DEFAULT_RULE_SETTINGS, InvalidRuleSettingsError, RuleSettings, validateRuleSettings } from './rule-settings';
import type { EffectiveRule, RequestRule, RuleTable } from './rule-types';

function withChecklistOverrides(rule: RequestRule, overrides: Record<string, boolean> | undefined): RequestRule {
  if (!overrides) return rule;
  return { ...rule, checklist: rule.checklist.map((item) => (item.key in overrides ? { ...item, required: overrides[item.key] } : item)) };
}

function checklistChanged(rule: RequestRule, overrides: Record<string, boolean> | undefined): boolean {
  return rule.checklist.some((item) => overrides?.[item.key] !== undefined && overrides[item.key] !== item.required);
}

function resolveRow(type: RequestType, rules: RuleSettings, deadlines: DeadlineSettings): EffectiveRule {
  const ctx = { rules, deadlines };
  const base = BASE_RULES[type];
  let row: RequestRule = base;
  const overriddenBy: string[] = [];
  for (const setting of COUNSEL_SETTINGS) {
    if (!setting.appliesTo.includes(type) || !isNonDefault(setting, ctx)) continue;
    overriddenBy.push(setting.setting);
    if (setting.apply) row = setting.apply(row, ctx);
  }
  const checklistOverrides = rules.checklistRequired[type];
  if (checklistChanged(base, checklistOverrides)) overriddenBy.push(`checklistRequired.${type}`);
  row = withChecklistOverrides(row, checklistOverrides);
  const recommendation = rules.defaultRecommendations[type];
  if (recommendation && recommendation !== row.defaultRecommendation) {
    overriddenBy.push(`defaultRecommendations.${type}`);
    row = { ...row, defaultRecommendation: recommendation };
  }
  const overridden = overriddenBy.length > 0;
  return {
    ...row,
    clocks: row.clocks.filter((clock) => CLOCKS[clock].enabled?.(deadlines) ?? true),
    counselQuestions: counselQuestionsFor(type, ctx),
    overridden,
    source: {
      kind: overridden ? 'counsel_override' : 'default',
      overriddenBy,
      description: overridden
        ? `Default rule (domain brief § 3) changed by counsel setting${overriddenBy.length > 1 ? 's' : ''}: ${overriddenBy.join(', ')}`
        : `Default rule (domain brief § 3); basis: ${row.basisForRelease?.citation ?? 'none of Gov. Code § 7927.105(c)'}`,
    },
  };
}

/**
 * The rules in force: defaults with counsel's settings applied. Rule settings may be partial (missing
 * fields take defaults); deadline settings supply the answers to the clock questions. Throws
 * InvalidRuleSettingsError naming each bad field.
 */
export function resolveRules(
  ruleSettings: Partial<RuleSettings> = {},
  deadlineSettings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
): RuleTable {
  const rules: RuleSettings = { ...DEFAULT_RULE_SETTINGS, ...ruleSettings };
  const problems = validateRuleSettings(rules);
  if (problems.length) throw new InvalidRuleSettingsError(problems);
  return Object.fromEntries(REQUEST_TYPES.map((type) => [type, resolveRow(type, rules, deadlineSettings)])) as Record<RequestType, EffectiveRule>;
}

/** The default table, resolved once. */
export const DEFAULT_RULES: RuleTable = resolveRules();
