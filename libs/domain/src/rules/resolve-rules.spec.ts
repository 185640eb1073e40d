import { CLOCK_NAMES } from '../deadlines/clock-catalogue';
import { resolveDeadlineSettings } from '../deadlines/deadline-settings';
import { REQUEST_TYPES } from '../request-types';
import { isReasonCode } from './reason-codes';
import { DEFAULT_RULES, resolveRules } from './resolve-rules';
import { InvalidRuleSettingsError } from './rule-settings';

describe('rules table', () => {
  it.each(REQUEST_TYPES)('%s: a complete row with citations', (type) => {
    const rule = DEFAULT_RULES[type];
    expect(rule.requestType).toBe(type);
    expect(rule.label).toBeTruthy();
    expect(rule.checklist.length).toBeGreaterThan(0);
    expect(rule.checklist.some((i) => i.required)).toBe(true);
    const keys = rule.checklist.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of rule.checklist) {
      expect(item.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(item.label).toBeTruthy();
      expect(item.citation).toBeTruthy();
    }
    for (const route of rule.releaseRoutes) for (const key of route.requires) expect(keys).toContain(key);
    for (const code of rule.defaultReasonCodes) expect(isReasonCode(code)).toBe(true);
    for (const clock of rule.clocks) expect(CLOCK_NAMES).toContain(clock);
    if (rule.basisForRelease) expect(rule.basisForRelease.citation).toMatch(/7927\.105\(c\)\([123]\)/);
    expect(rule.source).toMatchObject({ kind: 'default', overriddenBy: [] });
    expect(rule.overridden).toBe(false);
  });

  it('states the bases of domain.md § 3', () => {
    expect(DEFAULT_RULES.internal.basisForRelease?.citation).toBe('Gov. Code § 7927.105(c)(1)');
    expect(DEFAULT_RULES.patron_consent.basisForRelease?.citation).toBe('Gov. Code § 7927.105(c)(2)');
    expect(DEFAULT_RULES.court_order.basisForRelease?.citation).toBe('Gov. Code § 7927.105(c)(3)');
    expect(DEFAULT_RULES.search_warrant.basisForRelease?.citation).toMatch(/7927\.105\(c\)\(3\)/);
    for (const type of ['civil_subpoena', 'criminal_subpoena', 'national_security_letter', 'fisa_order', 'emergency', 'public_records'] as const) {
      expect(DEFAULT_RULES[type].basisForRelease).toBeNull();
      expect(DEFAULT_RULES[type].defaultRecommendation).toBe('deny');
    }
    expect(DEFAULT_RULES.emergency.requiresPreservationHold).toBe(true);
    expect(DEFAULT_RULES.emergency.clocks).toContain('preservation_hold');
    expect(DEFAULT_RULES.national_security_letter.gagHandling).toMatchObject({ when: 'always', citation: '18 U.S.C. § 2709(c)' });
    expect(DEFAULT_RULES.fisa_order.gagHandling?.when).toBe('always');
    expect(DEFAULT_RULES.search_warrant.gagHandling?.when).toBe('if_ordered');
    expect(DEFAULT_RULES.public_records.clocks).toContain('cpra_determination');
    expect(DEFAULT_RULES.search_warrant.clocks).toContain('search_warrant_expiry');
    expect(DEFAULT_RULES.civil_subpoena.checklist.find((i) => i.key === 'objection_received')).toMatchObject({ required: true, supportingAnswer: false });
  });

  it('lists the counsel questions on the rows they concern, with the answers in force', () => {
    expect(DEFAULT_RULES.search_warrant.counselQuestions).toEqual([expect.objectContaining({ setting: 'searchWarrantTreatedAsCourtOrder', value: true, defaultValue: true })]);
    expect(DEFAULT_RULES.criminal_subpoena.counselQuestions.map((q) => q.setting)).toEqual(['federalProcessHandling', 'evidenceCode1560Enabled']);
    expect(DEFAULT_RULES.court_order.counselQuestions).toEqual([]);
  });

  it('applies a warrant setting and says which row it changed and why', () => {
    const rules = resolveRules({ searchWarrantTreatedAsCourtOrder: false });
    expect(rules.search_warrant).toMatchObject({ basisForRelease: null, releaseWithoutBasis: 'RELEASE_WITHOUT_BASIS', defaultRecommendation: 'deny', defaultReasonCodes: ['WARRANT_NOT_COURT_ORDER'], overridden: true });
    expect(rules.search_warrant.source).toMatchObject({ kind: 'counsel_override', overriddenBy: ['searchWarrantTreatedAsCourtOrder'] });
    expect(rules.court_order.overridden).toBe(false);
  });

  it('adds federal release routes only when counsel chooses to comply with valid process', () => {
    expect(DEFAULT_RULES.national_security_letter.releaseRoutes).toEqual([]);
    const rules = resolveRules({ federalProcessHandling: 'comply_when_valid' });
    expect(rules.national_security_letter.releaseRoutes[0].requires).toContain('library_is_ecs_provider');
    expect(rules.criminal_subpoena.releaseRoutes).toHaveLength(2);
    expect(rules.fisa_order.source.overriddenBy).toEqual(['federalProcessHandling']);
  });

  it('shows Evidence Code § 1560 clocks on subpoena rows only when enabled', () => {
    expect(DEFAULT_RULES.civil_subpoena.clocks).not.toContain('evidence_code_1560_civil');
    const rules = resolveRules({}, resolveDeadlineSettings({ evidenceCode1560Enabled: true }));
    expect(rules.civil_subpoena.clocks).toContain('evidence_code_1560_civil');
    expect(rules.civil_subpoena.source.overriddenBy).toEqual(['evidenceCode1560Enabled']);
    // Clocks no setting switches stay on every resolved row.
    expect(rules.civil_subpoena.clocks).toEqual(expect.arrayContaining(['instrument_compliance', 'legal_review_target']));
    expect(resolveRules().public_records.clocks).toEqual(expect.arrayContaining(['cpra_determination', 'cpra_extension_notice']));
  });

  it('applies checklist and recommendation overrides', () => {
    const rules = resolveRules({ checklistRequired: { search_warrant: { executable_in_county: true } }, defaultRecommendations: { civil_subpoena: 'partial' } });
    expect(rules.search_warrant.checklist.find((i) => i.key === 'executable_in_county')?.required).toBe(true);
    expect(rules.search_warrant.source.overriddenBy).toEqual(['checklistRequired.search_warrant']);
    expect(rules.civil_subpoena.defaultRecommendation).toBe('partial');
  });

  it('refuses settings it cannot apply, naming each', () => {
    const attempt = () => resolveRules({ federalProcessHandling: 'ignore' as never, checklistRequired: { search_warrant: { made_up: true } } });
    expect(attempt).toThrow(InvalidRuleSettingsError);
    expect(attempt).toThrow(/federalProcessHandling[\s\S]*checklistRequired\.search_warrant\.made_up/);
  });
});

describe('rules table: which rows count as changed by counsel, and how the row says so', () => {
  it('describes a default row by its basis, or says it has none of § 7927.105(c)', () => {
    const rules = resolveRules();
    expect(rules.court_order.source.description).toBe('Default rule (domain brief § 3); basis: Gov. Code § 7927.105(c)(3)');
    expect(rules.civil_subpoena.source.description).toBe('Default rule (domain brief § 3); basis: none of Gov. Code § 7927.105(c)');
  });

  it('names the one setting or the several settings that changed a row', () => {
    const one = resolveRules({ searchWarrantTreatedAsCourtOrder: false }).search_warrant.source.description;
    expect(one).toBe('Default rule (domain brief § 3) changed by counsel setting: searchWarrantTreatedAsCourtOrder');
    const several = resolveRules({ searchWarrantTreatedAsCourtOrder: false, defaultRecommendations: { search_warrant: 'partial' } }).search_warrant;
    expect(several.source).toEqual({
      kind: 'counsel_override',
      overriddenBy: ['searchWarrantTreatedAsCourtOrder', 'defaultRecommendations.search_warrant'],
      description: 'Default rule (domain brief § 3) changed by counsel settings: searchWarrantTreatedAsCourtOrder, defaultRecommendations.search_warrant',
    });
    expect(several.defaultRecommendation).toBe('partial');
  });

  it('does not count an override that restates the default as a change', () => {
    const rules = resolveRules({ checklistRequired: { search_warrant: { signed_by_magistrate: true, executable_in_county: false } }, defaultRecommendations: { court_order: 'fulfil' } });
    for (const type of ['search_warrant', 'court_order'] as const) {
      expect(rules[type].overridden).toBe(false);
      expect(rules[type].source).toMatchObject({ kind: 'default', overriddenBy: [] });
    }
    expect(rules.search_warrant.checklist).toEqual(DEFAULT_RULES.search_warrant.checklist);
  });

  it('changes only the checklist items named, in either direction', () => {
    const rules = resolveRules({ checklistRequired: { court_order: { judge_signature: false, service_proper: true } } });
    const required = (type: 'court_order', key: string) => rules[type].checklist.find((i) => i.key === key)?.required;
    expect(required('court_order', 'judge_signature')).toBe(false);
    expect(required('court_order', 'service_proper')).toBe(true);
    const untouched = rules.court_order.checklist.filter((i) => i.key !== 'judge_signature' && i.key !== 'service_proper');
    expect(untouched).toEqual(DEFAULT_RULES.court_order.checklist.filter((i) => i.key !== 'judge_signature' && i.key !== 'service_proper'));
    expect(rules.court_order.source.overriddenBy).toEqual(['checklistRequired.court_order']);
  });

  it('gives each federal type counsel may comply with its own release route, and no other row one', () => {
    const rules = resolveRules({ federalProcessHandling: 'comply_when_valid' });
    expect(rules.federal_search_warrant.releaseRoutes.map((r) => r.requires)).toEqual([['signed_by_federal_judge', 'within_execution_period', 'names_records_with_particularity', 'counsel_consulted']]);
    expect(rules.sca_2703_process.releaseRoutes.map((r) => r.citation)).toEqual(['18 U.S.C. § 2703(c), (d); U.S. Const., art. VI, cl. 2']);
    expect(rules.fisa_order.releaseRoutes.map((r) => r.requires)).toEqual([['issued_by_fisc', 'grandfathered_investigation', 'counsel_consulted']]);
    // Not federal process counsel answers by this setting: an agency subpoena still waits for a court order.
    expect(rules.federal_administrative_subpoena).toEqual(DEFAULT_RULES.federal_administrative_subpoena);
    expect(rules.civil_subpoena).toEqual(DEFAULT_RULES.civil_subpoena);
  });

  it('shows the public-records tolling question answered as the deadline settings answer it', () => {
    const pausing = resolveDeadlineSettings({ pausableClocks: ['cpra_determination'] });
    const rules = resolveRules({}, pausing);
    expect(rules.public_records.counselQuestions).toEqual([
      expect.objectContaining({ setting: 'pausableClocks', settingsGroup: 'deadlines', value: true, defaultValue: false, citation: 'Gov. Code § 7922.535 (no tolling provision)' }),
    ]);
    expect(rules.public_records.source.overriddenBy).toEqual(['pausableClocks']);
    expect(DEFAULT_RULES.public_records.counselQuestions[0].value).toBe(false);
  });

  it('treats absent settings as the defaults', () => {
    expect(resolveRules()).toEqual(DEFAULT_RULES);
    expect(resolveRules({ federalProcessHandling: 'refer_to_counsel' })).toEqual(DEFAULT_RULES);
  });
});
