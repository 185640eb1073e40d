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
