import fc from 'fast-check';
import { checkConsumerNoticeTiming } from './consumer-notice';
import { checkNondisclosurePeriod } from './nondisclosure';

describe('checkConsumerNoticeTiming (Code Civ. Proc. § 1985.3)', () => {
  const production = '2026-12-21';
  const library = '2026-12-01T10:00:00-08:00';

  it('holds when the patron was served 10+ days before production and 5+ days before the library', () => {
    const check = checkConsumerNoticeTiming({ productionDate: production, libraryServedAt: library, patronServedAt: '2026-11-26' });
    expect(check).toMatchObject({ ok: true, daysBeforeProduction: 25, daysBeforeLibraryService: 5, latestValidPatronService: '2026-11-26', problems: [] });
  });

  it('fails when the patron was served less than 5 days before the library', () => {
    const check = checkConsumerNoticeTiming({ productionDate: production, libraryServedAt: library, patronServedAt: '2026-11-28' });
    expect(check.problems.map((p) => p.code)).toEqual(['NOTICE_TOO_CLOSE_TO_LIBRARY_SERVICE']);
  });

  it('fails both margins for late service, and with no service at all', () => {
    const late = checkConsumerNoticeTiming({ productionDate: production, libraryServedAt: '2026-12-15', patronServedAt: '2026-12-14' });
    // Served on the library only 6 days before production: a deposition subpoena must allow 15 (Code Civ. Proc. § 2020.410(c)).
    expect(late.problems.map((p) => p.code)).toEqual(['NOTICE_TOO_CLOSE_TO_PRODUCTION', 'NOTICE_TOO_CLOSE_TO_LIBRARY_SERVICE', 'PRODUCTION_DATE_TOO_EARLY']);
    const none = checkConsumerNoticeTiming({ productionDate: production, libraryServedAt: library, patronServedAt: null });
    expect(none).toMatchObject({ ok: false, problems: [{ code: 'NO_CONSUMER_NOTICE' }] });
  });

  it('adds five days to each margin when the patron was served by mail', () => {
    const check = checkConsumerNoticeTiming({ productionDate: production, libraryServedAt: library, patronServedAt: '2026-11-26', patronServedByMail: true });
    expect(check).toMatchObject({ ok: false, requiredDaysBeforeProduction: 15, requiredDaysBeforeLibraryService: 10, latestValidPatronService: '2026-11-21' });
    expect(check.problems[0].citation).toMatch(/1013/);
  });

  it('adds 10 days for mail outside California and 20 outside the United States (Code Civ. Proc. § 1013(a))', () => {
    expect(checkConsumerNoticeTiming({ productionDate: production, libraryServedAt: library, patronServedAt: '2026-11-20', patronServedByMail: 'outside_california' })).toMatchObject({ requiredDaysBeforeProduction: 20, requiredDaysBeforeLibraryService: 15 });
    expect(checkConsumerNoticeTiming({ productionDate: production, libraryServedAt: library, patronServedAt: '2026-11-20', patronServedByMail: 'outside_us' })).toMatchObject({ requiredDaysBeforeProduction: 30, requiredDaysBeforeLibraryService: 25 });
  });

  it('flags a production date less than 15 days after service on the library (Code Civ. Proc. § 2020.410(c))', () => {
    const early = checkConsumerNoticeTiming({ productionDate: '2026-12-15', libraryServedAt: library, patronServedAt: '2026-11-20' });
    expect(early.problems).toEqual([expect.objectContaining({ code: 'PRODUCTION_DATE_TOO_EARLY', citation: 'Code Civ. Proc. § 2020.410(c)' })]);
    expect(checkConsumerNoticeTiming({ productionDate: '2026-12-16', libraryServedAt: library, patronServedAt: '2026-11-20' }).ok).toBe(true);
  });
});

describe('checkNondisclosurePeriod (Penal Code § 1546.2)', () => {
  it('accepts up to 90 days and flags longer or backwards periods', () => {
    expect(checkNondisclosurePeriod('2026-01-01', '2026-04-01').ok).toBe(true);
    expect(checkNondisclosurePeriod('2026-01-01', '2026-04-02')).toMatchObject({ ok: false, days: 91 });
    expect(checkNondisclosurePeriod('2026-01-10', '2026-01-01').ok).toBe(false);
  });
});

/*
 * Code Civ. Proc. § 1985.3(b)(2), (3): the patron is served at least 10 days before production and at least 5 days
 * before the library; § 1013(a) adds 5, 10 or 20 days for mail; § 2020.410(c): production at least 15 days after
 * the library was served. Days are calendar days, counted here with the platform's Date.
 */
describe('checkConsumerNoticeTiming against the statute, any dates', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const MAIL: Record<string, number> = { none: 0, true: 5, california: 5, outside_california: 10, outside_us: 20 };
  const mailArb = fc.constantFrom<[string, boolean | 'california' | 'outside_california' | 'outside_us' | undefined]>(
    ['none', undefined], ['none', false], ['true', true], ['california', 'california'], ['outside_california', 'outside_california'], ['outside_us', 'outside_us'],
  );

  it('reports exactly the margins the statute requires, and no others', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: -5, max: 40 }), fc.integer({ min: -5, max: 40 }), mailArb, (library, productionAfterLibrary, patronBeforeLibrary, [mailKey, byMail]) => {
        const extra = MAIL[mailKey];
        const check = checkConsumerNoticeTiming({ libraryServedAt: day(library), productionDate: day(library + productionAfterLibrary), patronServedAt: day(library - patronBeforeLibrary), patronServedByMail: byMail });
        const expected = [
          ...(patronBeforeLibrary + productionAfterLibrary < 10 + extra ? ['NOTICE_TOO_CLOSE_TO_PRODUCTION'] : []),
          ...(patronBeforeLibrary < 5 + extra ? ['NOTICE_TOO_CLOSE_TO_LIBRARY_SERVICE'] : []),
          ...(productionAfterLibrary < 15 ? ['PRODUCTION_DATE_TOO_EARLY'] : []),
        ];
        expect(check.problems.map((p) => p.code)).toEqual(expected);
        expect(check.ok).toBe(expected.length === 0);
        expect(check).toMatchObject({
          requiredDaysBeforeProduction: 10 + extra,
          requiredDaysBeforeLibraryService: 5 + extra,
          daysBeforeProduction: patronBeforeLibrary + productionAfterLibrary,
          daysBeforeLibraryService: patronBeforeLibrary,
        });
      }),
    );
  });

  it('names as the latest valid service the last day on which both margins hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: -5, max: 40 }), mailArb, (library, productionAfterLibrary, [, byMail]) => {
        const facts = { libraryServedAt: day(library), productionDate: day(library + productionAfterLibrary), patronServedByMail: byMail };
        const { latestValidPatronService } = checkConsumerNoticeTiming({ ...facts, patronServedAt: null });
        const noticeProblems = (servedOn: string) => checkConsumerNoticeTiming({ ...facts, patronServedAt: servedOn }).problems.filter((p) => p.code.startsWith('NOTICE_'));
        expect(noticeProblems(latestValidPatronService)).toEqual([]);
        const dayAfter = new Date(Date.parse(latestValidPatronService) + 86_400_000).toISOString().slice(0, 10);
        expect(noticeProblems(dayAfter)).not.toEqual([]);
      }),
    );
  });
});

describe('checkConsumerNoticeTiming: what it says', () => {
  const facts = { productionDate: '2026-12-21', libraryServedAt: '2026-12-01' };

  it('shows its working and says the timing holds', () => {
    const check = checkConsumerNoticeTiming({ ...facts, patronServedAt: '2026-11-20' });
    expect(check).toMatchObject({ productionDate: '2026-12-21', libraryServedOn: '2026-12-01', patronServedOn: '2026-11-20' });
    expect(check.steps).toEqual([
      'Production date Mon 2026-12-21; library served Tue 2026-12-01.',
      'The patron must be served at least 10 days before production and 5 days before the library (Code Civ. Proc. § 1985.3(b)(2), (3); § 1985.4): by Thu 2026-11-26 at the latest.',
      'Patron served Fri 2026-11-20: 31 days before production, 11 days before the library.',
      'Notice timing holds.',
    ]);
  });

  it('says what mail adds, cites § 1013(a), and explains each failing margin', () => {
    const check = checkConsumerNoticeTiming({ ...facts, patronServedAt: '2026-11-28', patronServedByMail: 'outside_california' });
    expect(check.steps[1]).toBe(
      'The patron must be served at least 20 days before production and 15 days before the library (service by mail adds 10 days) (Code Civ. Proc. § 1985.3(b)(2), (3); § 1985.4; Code Civ. Proc. § 1013(a)): by Mon 2026-11-16 at the latest.',
    );
    // 23 days before production is enough for the 20 that mail outside California requires; 3 before the library is not.
    expect(check.problems).toEqual([
      { code: 'NOTICE_TOO_CLOSE_TO_LIBRARY_SERVICE', message: 'The patron was served 3 days before the library; at least 15 are required.', citation: 'Code Civ. Proc. § 1985.3(b)(2), (3); § 1985.4; Code Civ. Proc. § 1013(a)' },
    ]);
    const both = checkConsumerNoticeTiming({ ...facts, patronServedAt: '2026-12-15', patronServedByMail: true });
    expect(both.problems.map((p) => p.message)).toEqual([
      'The patron was served 6 days before the production date; at least 15 are required.',
      'The patron was served -14 days before the library; at least 10 are required.',
    ]);
    expect(both.steps[both.steps.length - 1]).toBe(`Notice timing fails: ${both.problems.map((p) => p.message).join(' ')}`);
    expect(check.steps[check.steps.length - 1]).toBe('Notice timing fails: The patron was served 3 days before the library; at least 15 are required.');
  });

  it('without proof of service, says so and gives no margins', () => {
    const check = checkConsumerNoticeTiming({ ...facts, patronServedAt: null });
    expect(check).toMatchObject({ patronServedOn: null, daysBeforeProduction: null, daysBeforeLibraryService: null });
    expect(check.problems).toEqual([{ code: 'NO_CONSUMER_NOTICE', message: 'No proof that the patron was served with notice of the subpoena.', citation: 'Code Civ. Proc. § 1985.3(b)(2), (3); § 1985.4' }]);
    expect(check.steps).toHaveLength(3);
  });

  it('explains a production date set too soon after service on the library', () => {
    const check = checkConsumerNoticeTiming({ productionDate: '2026-12-10', libraryServedAt: '2026-12-01', patronServedAt: '2026-11-01' });
    expect(check.problems).toEqual([
      { code: 'PRODUCTION_DATE_TOO_EARLY', message: 'The production date is 9 days after the library was served; a deposition subpoena for records must allow at least 15.', citation: 'Code Civ. Proc. § 2020.410(c)' },
    ]);
  });

  it('takes the local date of a date-time in the library’s zone, or in the zone given', () => {
    // 07:30 UTC on 2 Dec is still 1 Dec in Los Angeles, already 2 Dec in New York.
    expect(checkConsumerNoticeTiming({ ...facts, libraryServedAt: '2026-12-02T07:30:00Z', patronServedAt: null }).libraryServedOn).toBe('2026-12-01');
    expect(checkConsumerNoticeTiming({ ...facts, libraryServedAt: '2026-12-02T07:30:00Z', patronServedAt: null, timeZone: 'America/New_York' }).libraryServedOn).toBe('2026-12-02');
  });
});
