import { DEFAULT_TRANSPARENCY_SETTINGS, TransparencySettings, validateTransparencySettings } from './transparency-settings';

const withSetting = (change: Partial<TransparencySettings>) => validateTransparencySettings({ ...DEFAULT_TRANSPARENCY_SETTINGS, ...change });

describe('validateTransparencySettings', () => {
  it('accepts the defaults: § 1874(b) delays of 180 days (FISA) and a year (annual), bands of 500, gags in aggregate', () => {
    expect(DEFAULT_TRANSPARENCY_SETTINGS).toMatchObject({ nationalSecurityOption: 'separate_500_semiannual', fisaPublicationDelayDays: 180, annualPublicationDelayDays: 365, gagOrderCounting: 'aggregate', gagThreshold: 10 });
    expect(validateTransparencySettings(DEFAULT_TRANSPARENCY_SETTINGS)).toEqual([]);
  });

  it('names the options when one is unknown', () => {
    expect(withSetting({ nationalSecurityOption: 'exact' as never })).toEqual(['nationalSecurityOption: must be one of separate_1000_semiannual, separate_500_semiannual, combined_250_semiannual, combined_100_annual']);
    expect(withSetting({ gagOrderCounting: 'publish' as never })).toEqual(['gagOrderCounting: must be one of aggregate, by_type, exclude']);
  });

  it('holds the publication delays to the statute’s floors and ten years', () => {
    const fisa = ['fisaPublicationDelayDays: must be a whole number of days from 180 (50 U.S.C. § 1874(b)) to 3650'];
    const annual = ['annualPublicationDelayDays: must be a whole number of days from 365 (50 U.S.C. § 1874(b)) to 3650'];
    expect([withSetting({ fisaPublicationDelayDays: 3650 }), withSetting({ annualPublicationDelayDays: 3650 })]).toEqual([[], []]);
    for (const days of [179, 3651, 200.5]) expect(withSetting({ fisaPublicationDelayDays: days })).toEqual(fisa);
    for (const days of [364, 3651, 400.5]) expect(withSetting({ annualPublicationDelayDays: days })).toEqual(annual);
  });

  it('takes a threshold from 1 to 1000', () => {
    expect([withSetting({ gagThreshold: 1 }), withSetting({ gagThreshold: 1000 })]).toEqual([[], []]);
    for (const threshold of [0, 1001, 2.5]) expect(withSetting({ gagThreshold: threshold })).toEqual(['gagThreshold: must be a whole number from 1 to 1000']);
  });

  it('takes a methodology of 20 to 1500 characters', () => {
    const problem = ['methodology: must be text of 20 to 1500 characters'];
    expect([withSetting({ methodology: 'x'.repeat(20) }), withSetting({ methodology: 'x'.repeat(1500) })]).toEqual([[], []]);
    expect(withSetting({ methodology: 'x'.repeat(1501) })).toEqual(problem);
    expect(withSetting({ methodology: `  ${'x'.repeat(19)}   ` })).toEqual(problem);
    expect(withSetting({ methodology: 42 as never })).toEqual(problem);
  });
});
