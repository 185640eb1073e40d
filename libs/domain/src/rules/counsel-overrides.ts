import type { RequestType } from '../request-types';
import type { CounselQuestion, ReleaseRoute, RequestRule } from './rule-types';
import type { RuleSettings } from './rule-settings';
import type { DeadlineSettings } from '../deadlines/deadline-settings';

const SUPREMACY = 'U.S. Const., art. VI, cl. 2';

/** Release routes for federal process, used only when counsel chooses to comply with valid process. */
const FEDERAL_ROUTES: Partial<Record<RequestType, ReleaseRoute>> = {
  national_security_letter: {
    text: 'NSL to a library acting as an electronic communication service provider, found valid on counsel\'s advice',
    citation: `18 U.S.C. § 2709(b), (f); ${SUPREMACY}`,
    requires: ['signed_by_designated_fbi_official', 'certification_of_relevance', 'library_is_ecs_provider', 'counsel_consulted'],
  },
  fisa_order: {
    text: 'FISC order in a grandfathered investigation, found valid on counsel\'s advice',
    citation: `50 U.S.C. § 1861; ${SUPREMACY}`,
    requires: ['issued_by_fisc', 'grandfathered_investigation', 'counsel_consulted'],
  },
  federal_search_warrant: {
    text: 'Federal warrant found valid and within its execution period on counsel\'s advice',
    citation: `Fed. R. Crim. P. 41; ${SUPREMACY}`,
    requires: ['signed_by_federal_judge', 'within_execution_period', 'names_records_with_particularity', 'counsel_consulted'],
  },
  sca_2703_process: {
    text: 'Stored Communications Act process to a library acting as an electronic communication service provider, found valid on counsel\'s advice',
    citation: `18 U.S.C. § 2703(c), (d); ${SUPREMACY}`,
    requires: ['issued_under_2703', 'library_is_ecs_provider', 'records_named_with_particularity', 'counsel_consulted'],
  },
  criminal_subpoena: {
    text: 'Federal grand-jury subpoena, found valid on counsel\'s advice',
    citation: `${SUPREMACY}; Fed. R. Crim. P. 17`,
    requires: ['federal_process', 'issued_by_court_or_grand_jury', 'records_named_with_particularity'],
  },
};

interface SettingContext {
  rules: RuleSettings;
  deadlines: DeadlineSettings;
}

/**
 * One counsel question: which rows it concerns, what it asks, where its answer lives and how a non-default
 * answer changes a row. Questions on clocks (settings group 'deadlines') change clock plans, not rows.
 */
export interface CounselSetting {
  setting: string;
  settingsGroup: 'rules' | 'deadlines';
  appliesTo: readonly RequestType[];
  question: string;
  citation: string;
  value: (ctx: SettingContext) => unknown;
  defaultValue: unknown;
  apply?: (rule: RequestRule, ctx: SettingContext) => RequestRule;
}

export const COUNSEL_SETTINGS: readonly CounselSetting[] = [
  {
    setting: 'searchWarrantTreatedAsCourtOrder',
    settingsGroup: 'rules',
    appliesTo: ['search_warrant'],
    question: 'Does a state search warrant count as an order of the appropriate superior court?',
    citation: 'Gov. Code § 7927.105(c)(3)',
    value: (ctx) => ctx.rules.searchWarrantTreatedAsCourtOrder,
    defaultValue: true,
    apply: (rule) => ({
      ...rule,
      basisForRelease: null,
      releaseWithoutBasis: 'RELEASE_WITHOUT_BASIS',
      defaultRecommendation: 'deny',
      defaultReasonCodes: ['WARRANT_NOT_COURT_ORDER'],
    }),
  },
  {
    setting: 'federalProcessHandling',
    settingsGroup: 'rules',
    appliesTo: ['national_security_letter', 'fisa_order', 'criminal_subpoena', 'federal_search_warrant', 'sca_2703_process'],
    question: 'Federal process: refer every one to counsel with no release, or comply once counsel finds it valid (federal supremacy)?',
    citation: `${SUPREMACY}; 18 U.S.C. § 2709; 50 U.S.C. § 1861`,
    value: (ctx) => ctx.rules.federalProcessHandling,
    defaultValue: 'refer_to_counsel',
    apply: (rule) => {
      const route = FEDERAL_ROUTES[rule.requestType];
      return route ? { ...rule, releaseRoutes: [...rule.releaseRoutes, route] } : rule;
    },
  },
  {
    setting: 'evidenceCode1560Enabled',
    settingsGroup: 'deadlines',
    appliesTo: ['civil_subpoena', 'criminal_subpoena'],
    question: 'Does Evid. Code § 1560 delivery (5 days criminal, 15 days civil) apply to patron records a library may not release without a court order?',
    citation: 'Evid. Code § 1560(b); Gov. Code § 7927.105',
    value: (ctx) => ctx.deadlines.evidenceCode1560Enabled,
    defaultValue: false,
  },
  {
    setting: 'pausableClocks',
    settingsGroup: 'deadlines',
    appliesTo: ['public_records'],
    question: 'Does the public-records clock stop while the requester is asked to clarify (needs_info)?',
    citation: 'Gov. Code § 7922.535 (no tolling provision)',
    value: (ctx) => ctx.deadlines.pausableClocks.includes('cpra_determination'),
    defaultValue: false,
  },
];

export function counselQuestionsFor(type: RequestType, ctx: SettingContext): CounselQuestion[] {
  return COUNSEL_SETTINGS.filter((s) => s.appliesTo.includes(type)).map((s) => ({
    setting: s.setting,
    settingsGroup: s.settingsGroup,
    question: s.question,
    citation: s.citation,
    value: s.value(ctx),
    defaultValue: s.defaultValue,
  }));
}

export function isNonDefault(setting: CounselSetting, ctx: SettingContext): boolean {
  return JSON.stringify(setting.value(ctx)) !== JSON.stringify(setting.defaultValue);
}
