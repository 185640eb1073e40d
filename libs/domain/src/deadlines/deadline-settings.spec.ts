import { DEFAULT_DEADLINE_SETTINGS, InvalidDeadlineSettingsError, calendarFor, resolveDeadlineSettings, validateDeadlineSettings } from './deadline-settings';

describe('deadline settings', () => {
  it('has valid defaults', () => {
    expect(validateDeadlineSettings(DEFAULT_DEADLINE_SETTINGS)).toEqual([]);
  });
  it('names each bad field, including statutory ceilings', () => {
    const problems = validateDeadlineSettings({
      ...DEFAULT_DEADLINE_SETTINGS,
      timeZone: 'Mars/Olympus',
      cpraMaxExtensionDays: 21,
      legalReviewTargetCourtDays: -1,
      cityHolidays: [{ date: '2026-02-30', name: '' }],
      pausableClocks: ['nope' as never],
    });
    expect(problems.join('\n')).toMatch(/timeZone[\s\S]*legalReviewTargetCourtDays[\s\S]*cityHolidays\[0\]\.date[\s\S]*cityHolidays\[0\]\.name[\s\S]*pausableClocks\[0\]/);
    expect(problems.join('\n')).toMatch(/cpraMaxExtensionDays: 21 exceeds the 14 days of Gov. Code § 7922.535\(b\)/);
  });
  it('refuses targets and lists beyond practical bounds (a million court days would break every later intake)', () => {
    expect(validateDeadlineSettings({ ...DEFAULT_DEADLINE_SETTINGS, legalReviewTargetCourtDays: 1_000_000 })).toEqual(['legalReviewTargetCourtDays: must be at most 60, got 1000000']);
    expect(validateDeadlineSettings({ ...DEFAULT_DEADLINE_SETTINGS, legalReviewTargetCourtDays: 60, preservationHoldDays: 730 })).toEqual([]);
    const holidays = Array.from({ length: 1001 }, (_, i) => ({ date: '2027-01-04', name: `closure ${i}` }));
    expect(validateDeadlineSettings({ ...DEFAULT_DEADLINE_SETTINGS, cityHolidays: holidays })).toEqual(['cityHolidays: at most 1000 entries']);
    expect(validateDeadlineSettings({ ...DEFAULT_DEADLINE_SETTINGS, cityHolidays: 'none' as never })).toEqual(['cityHolidays, pausableClocks and cityClosureRules must be lists']);
  });
  it('throws from resolveDeadlineSettings with the problems attached', () => {
    expect(() => resolveDeadlineSettings({ searchWarrantValidityDays: 11 })).toThrow(InvalidDeadlineSettingsError);
  });
  it('builds the calendar once per settings object, with the city holidays', () => {
    const settings = resolveDeadlineSettings({ cityHolidays: [{ date: '2026-10-14', name: 'Founders Day' }] });
    expect(calendarFor(settings)).toBe(calendarFor(settings));
    expect(calendarFor(settings).isHoliday('2026-10-14')).toBe(true);
    expect(calendarFor(DEFAULT_DEADLINE_SETTINGS).isHoliday('2026-10-14')).toBe(false);
  });
});
