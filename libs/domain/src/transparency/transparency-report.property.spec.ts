import fc from 'fast-check';
import { addDays } from '../deadlines/iso-date';
import { CASE_STATES } from '../case-state';
import { REQUEST_TYPES } from '../request-types';
import { GAG_ORDER_COUNTING, NATIONAL_SECURITY_OPTIONS, ORDINARY_TYPES, ReportCase, ReportHold, TransparencySettings, DEFAULT_TRANSPARENCY_SETTINGS, buildTransparencyReport, transparencyReportCsv } from '../index';

const day = fc.integer({ min: 0, max: 4 * 366 }).map((n) => addDays('2024-01-01', n));

const caseOf = (types: readonly (typeof REQUEST_TYPES)[number][], gagged: fc.Arbitrary<boolean>) =>
  fc.record({
    id: fc.uuid(), requestType: fc.constantFrom(...types), receivedOn: day, status: fc.constantFrom(...CASE_STATES),
    decision: fc.constantFrom('approve' as const, 'deny' as const, null), decidedOn: fc.option(day, { nil: null }),
    production: fc.option(fc.record({ produced: fc.nat(20), withheld: fc.nat(5) }), { nil: null }),
    narrowed: fc.boolean(), patrons: fc.integer({ min: 0, max: 3 }), emergency: fc.boolean(), gagged, fisaContents: fc.boolean(),
  }) satisfies fc.Arbitrary<ReportCase>;

const query = fc.record({
  period: fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
  requestTypes: fc.option(fc.subarray([...REQUEST_TYPES], { minLength: 1 }), { nil: undefined }),
  today: day.map((d) => addDays(d, 200)),
});

const settings: fc.Arbitrary<TransparencySettings> = fc.record({
  nationalSecurityOption: fc.constantFrom(...NATIONAL_SECURITY_OPTIONS),
  fisaPublicationDelayDays: fc.integer({ min: 180, max: 400 }),
  annualPublicationDelayDays: fc.integer({ min: 365, max: 500 }),
  gagOrderCounting: fc.constantFrom(...GAG_ORDER_COUNTING),
  gagThreshold: fc.constant(10),
  methodology: fc.constant(DEFAULT_TRANSPARENCY_SETTINGS.methodology),
});

/**
 * Indistinguishability: two libraries that differ only in their national-security process (any number below a
 * band, any dates, outcomes, patrons, emergency flags, holds) publish identical reports for every period, filter,
 * date and counsel option. So no combination of reports, however many, yields an exact national-security count.
 */
describe('no exact national-security count can be derived', () => {
  it('reports are identical whatever the national-security cases below a band', () => {
    fc.assert(
      fc.property(
        fc.array(caseOf(ORDINARY_TYPES, fc.boolean()), { maxLength: 15 }),
        fc.array(caseOf(['national_security_letter', 'fisa_order'], fc.boolean()), { maxLength: 20 }),
        fc.array(caseOf(['national_security_letter', 'fisa_order'], fc.boolean()), { maxLength: 20 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        settings,
        fc.array(fc.record({ pick: fc.nat(), placedOn: day, releasedOn: fc.option(day, { nil: null }) }), { maxLength: 8 }),
        (ordinary, nsA, nsB, queries, chosen, holdPicks) => {
          // Holds on any case: ordinary ones, and national-security ones of either library.
          const all = [...ordinary, ...nsA, ...nsB];
          const holds: ReportHold[] = all.length ? holdPicks.map((h) => ({ caseId: all[h.pick % all.length].id, placedOn: h.placedOn, releasedOn: h.releasedOn })) : [];
          for (const q of queries) {
            const a = buildTransparencyReport([...ordinary, ...nsA], holds, q, chosen);
            const b = buildTransparencyReport([...nsB, ...ordinary], holds, q, chosen);
            expect(a).toEqual(b);
            expect(transparencyReportCsv(a)).toBe(transparencyReportCsv(b));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('in aggregate mode, fewer cases under a nondisclosure order than the threshold leave no trace by date or type', () => {
    fc.assert(
      fc.property(
        fc.array(caseOf(ORDINARY_TYPES, fc.constant(false)), { maxLength: 15 }),
        // At most 9 per report in all: below the threshold of 10 in every half-year.
        fc.array(caseOf(ORDINARY_TYPES, fc.constant(true)), { maxLength: 9 }),
        fc.array(caseOf(ORDINARY_TYPES, fc.constant(true)), { maxLength: 9 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        (ordinary, gagA, gagB, queries) => {
          for (const q of queries) {
            const s = { ...DEFAULT_TRANSPARENCY_SETTINGS, gagOrderCounting: 'aggregate' as const };
            expect(buildTransparencyReport([...ordinary, ...gagA], [], q, s)).toEqual(buildTransparencyReport([...ordinary, ...gagB], [], q, s));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
