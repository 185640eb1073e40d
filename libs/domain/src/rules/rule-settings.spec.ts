import { DEFAULT_RULE_SETTINGS, InvalidRuleSettingsError, RuleSettings, validateRuleSettings } from './rule-settings';

const settings = (patch: Partial<Record<keyof RuleSettings, unknown>>) => ({ ...DEFAULT_RULE_SETTINGS, ...patch }) as RuleSettings;

describe('validateRuleSettings: counsel’s stored answers, each problem naming its field', () => {
  it('accepts the defaults and every legal answer', () => {
    expect(validateRuleSettings(DEFAULT_RULE_SETTINGS)).toEqual([]);
    expect(
      validateRuleSettings(
        settings({
          searchWarrantTreatedAsCourtOrder: false,
          federalProcessHandling: 'comply_when_valid',
          checklistRequired: { search_warrant: { executable_in_county: true, signed_by_magistrate: false } },
          defaultRecommendations: { civil_subpoena: 'partial', court_order: 'deny' },
        }),
      ),
    ).toEqual([]);
  });

  it('names each bad field, with what it must be', () => {
    expect(
      validateRuleSettings(
        settings({
          searchWarrantTreatedAsCourtOrder: 'yes',
          federalProcessHandling: 'ignore',
          checklistRequired: { parking_ticket: { anything: true }, court_order: { judge_signature: 'yes', made_up: true } },
          defaultRecommendations: { parking_ticket: 'fulfil', court_order: 'maybe' },
        }),
      ),
    ).toEqual([
      'searchWarrantTreatedAsCourtOrder: must be true or false',
      'federalProcessHandling: must be one of refer_to_counsel, comply_when_valid',
      'checklistRequired.parking_ticket: not a request type',
      'checklistRequired.court_order.judge_signature: must be true or false',
      'checklistRequired.court_order.made_up: not a checklist item of court_order',
      'defaultRecommendations.parking_ticket: not a request type',
      'defaultRecommendations.court_order: must be one of fulfil, partial, deny',
    ]);
  });

  it('treats missing override maps as none', () => {
    expect(validateRuleSettings(settings({ checklistRequired: undefined, defaultRecommendations: undefined }))).toEqual([]);
    expect(validateRuleSettings(settings({ checklistRequired: { court_order: undefined } }))).toEqual([]);
  });

  it('carries the problems in the error it is thrown with', () => {
    const error = new InvalidRuleSettingsError(['a: bad', 'b: worse']);
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ name: 'InvalidRuleSettingsError', problems: ['a: bad', 'b: worse'], message: 'Invalid rule settings: a: bad; b: worse' });
  });
});
