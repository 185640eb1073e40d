import { defaultRetention, RetentionSettings, validateRetentionSettings } from './retention-schedule';

/*
 * The legal floors, from the sources the schedule cites: a city may destroy a record two years old (Gov. Code
 * § 34090: 730 days) for documents, productions, letters and the case itself; audit records are kept at least a year
 * (CJIS Security Policy § 5.4.7); imported patron data has no floor (a duplicate, § 34090.7). 100 years is the cap.
 */
const FLOORS: [keyof RetentionSettings, number, string][] = [
  ['patronRecordsDays', 0, 'Gov. Code § 7927.105'],
  ['documentsDays', 730, 'Gov. Code § 34090'],
  ['productionsDays', 730, 'Gov. Code § 34090'],
  ['lettersDays', 730, 'Gov. Code § 34090'],
  ['caseMetadataDays', 730, 'Gov. Code § 34090'],
  ['auditEventsDays', 365, 'CJIS Security Policy § 5.4.7'],
];
const OTHER_CASE_CLASSES = ['patronRecordsDays', 'documentsDays', 'productionsDays', 'lettersDays'] as const;

/** Settings at every floor, so one class can be moved without tripping another rule. */
const atFloors = (): RetentionSettings => ({ ...defaultRetention(0), documentsDays: 730, productionsDays: 730, lettersDays: 730, caseMetadataDays: 730, auditEventsDays: 365 });

describe('defaultRetention', () => {
  it('keeps imported patron data for the deployment’s PURGE_AFTER_DAYS (a year when unset) and the rest at least two years', () => {
    expect(defaultRetention(45).patronRecordsDays).toBe(45);
    expect(defaultRetention()).toMatchObject({ patronRecordsDays: 365, documentsDays: 730, productionsDays: 730, lettersDays: 730, caseMetadataDays: 1825, auditEventsDays: 1095 });
    expect(validateRetentionSettings(defaultRetention())).toEqual([]);
  });
});

describe('validateRetentionSettings', () => {
  it('accepts every class at its legal floor', () => {
    expect(validateRetentionSettings(atFloors())).toEqual([]);
  });

  it.each(FLOORS)('refuses %s one day below its floor of %p days, citing %s', (key, floor, citation) => {
    // A case kept under two years is also shorter than its documents: that second problem is reported too.
    expect(validateRetentionSettings({ ...atFloors(), [key]: floor - 1 })[0]).toBe(`${key}: must be a whole number of days from ${floor} (${citation}) to 36500`);
  });

  it.each(FLOORS)('refuses %s as a fraction of a day or beyond 100 years', (key) => {
    // The case is purged last, so a long class needs a case kept as long.
    const base = { ...atFloors(), caseMetadataDays: 36500 };
    expect(validateRetentionSettings({ ...base, [key]: 36500 })).toEqual([]);
    expect(validateRetentionSettings({ ...base, [key]: 36501 })[0]).toMatch(new RegExp(`^${key}: must be a whole number`));
    expect(validateRetentionSettings({ ...base, [key]: 800.5 })).toEqual([expect.stringMatching(new RegExp(`^${key}: must be a whole number`))]);
  });

  it.each(OTHER_CASE_CLASSES)('keeps the case at least as long as its %s (the case is purged last)', (key) => {
    expect(validateRetentionSettings({ ...atFloors(), [key]: 900, caseMetadataDays: 900 })).toEqual([]);
    expect(validateRetentionSettings({ ...atFloors(), [key]: 901, caseMetadataDays: 900 })).toEqual([
      'caseMetadataDays: must be at least as long as every other class of a case (the case is purged last)',
    ]);
  });

  it('reports a case kept a fraction of a day once, as a bad number', () => {
    expect(validateRetentionSettings({ ...atFloors(), caseMetadataDays: 100.5 })).toEqual([expect.stringMatching(/^caseMetadataDays: must be a whole number/)]);
  });

  it('needs the city’s schedule named in 3 to 300 characters', () => {
    const problem = ['citySchedule: must be text of 3 to 300 characters'];
    expect(validateRetentionSettings({ ...atFloors(), citySchedule: 'R-7' })).toEqual([]);
    expect(validateRetentionSettings({ ...atFloors(), citySchedule: 'x'.repeat(300) })).toEqual([]);
    expect(validateRetentionSettings({ ...atFloors(), citySchedule: 'x'.repeat(301) })).toEqual(problem);
    expect(validateRetentionSettings({ ...atFloors(), citySchedule: ' R7  ' })).toEqual(problem);
    expect(validateRetentionSettings({ ...atFloors(), citySchedule: 730 as unknown as string })).toEqual(problem);
  });
});
