import { REQUEST_TYPES, RequestType } from '../request-types';
import { CHECKLISTS } from './checklists';
import { RECOMMENDATIONS, Recommendation } from './review-types';

export const FEDERAL_PROCESS_HANDLING = ['refer_to_counsel', 'comply_when_valid'] as const;
export type FederalProcessHandling = (typeof FEDERAL_PROCESS_HANDLING)[number];

/** Counsel's choices on the open legal questions (domain.md lines marked counsel), plus per-row overrides. */
export interface RuleSettings {
  /** Does a state search warrant count as an order of the superior court under Gov. Code § 7927.105(c)(3)? */
  searchWarrantTreatedAsCourtOrder: boolean;
  /** NSLs, FISA orders and federal grand-jury subpoenas: refer to counsel with no release, or comply once valid. */
  federalProcessHandling: FederalProcessHandling;
  /** Make checklist items required or optional: { search_warrant: { executable_in_county: true } }. */
  checklistRequired: Partial<Record<RequestType, Record<string, boolean>>>;
  defaultRecommendations: Partial<Record<RequestType, Recommendation>>;
}

export const DEFAULT_RULE_SETTINGS: Readonly<RuleSettings> = Object.freeze<RuleSettings>({
  searchWarrantTreatedAsCourtOrder: true,
  federalProcessHandling: 'refer_to_counsel',
  checklistRequired: {},
  defaultRecommendations: {},
});

/** Problems with stored rule settings, each naming the field; empty when usable. */
export function validateRuleSettings(settings: RuleSettings): string[] {
  const problems: string[] = [];
  if (typeof settings.searchWarrantTreatedAsCourtOrder !== 'boolean') problems.push('searchWarrantTreatedAsCourtOrder: must be true or false');
  if (!FEDERAL_PROCESS_HANDLING.includes(settings.federalProcessHandling)) {
    problems.push(`federalProcessHandling: must be one of ${FEDERAL_PROCESS_HANDLING.join(', ')}`);
  }
  for (const [type, items] of Object.entries(settings.checklistRequired ?? {})) {
    if (!(REQUEST_TYPES as readonly string[]).includes(type)) {
      problems.push(`checklistRequired.${type}: not a request type`);
      continue;
    }
    const keys = CHECKLISTS[type as RequestType].map((i) => i.key);
    for (const [key, required] of Object.entries(items ?? {})) {
      if (!keys.includes(key)) problems.push(`checklistRequired.${type}.${key}: not a checklist item of ${type}`);
      else if (typeof required !== 'boolean') problems.push(`checklistRequired.${type}.${key}: must be true or false`);
    }
  }
  for (const [type, recommendation] of Object.entries(settings.defaultRecommendations ?? {})) {
    if (!(REQUEST_TYPES as readonly string[]).includes(type)) problems.push(`defaultRecommendations.${type}: not a request type`);
    else if (!RECOMMENDATIONS.includes(recommendation)) problems.push(`defaultRecommendations.${type}: must be one of ${RECOMMENDATIONS.join(', ')}`);
  }
  return problems;
}

export class InvalidRuleSettingsError extends RangeError {
  constructor(readonly problems: string[]) {
    super(`Invalid rule settings: ${problems.join('; ')}`);
    this.name = 'InvalidRuleSettingsError';
  }
}
