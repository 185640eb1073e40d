import fc from 'fast-check';
import { ResponsiveRecord } from '../responsive-record';
import { decideRecord } from './decide-record';
import { CaseScope } from '../scope';
import { producedValuesOf } from './disclosed-values';
import { DEFAULT_REDACTION_POLICY } from './field-policy';
import { createRedactor, isWithheldField, redactRecord } from './redact-record';
import { RedactionOptions } from './redaction-options';
import { caseArbitrary, OTHER_PEOPLE, PATRON_NAMES } from './testing/case-arbitraries';

/*
 * The oracle: what may be produced, stated from the scope and the policy table alone (never from the redaction it
 * checks). A row is produced only when its type is requested, its card number named, its date inside the range
 * (registration rows carry none) and its table assessed for that type; of such a row only the columns the table
 * releases, contact details only when the scope asks, and a fine's item columns only when the release reaches loans
 * (Gov. Code §§ 7927.100(b), 7927.105(b)(2): fines are not exempt, what was borrowed is).
 */
const FINE_ITEM_COLUMNS = ['description', 'title', 'author', 'barcode', 'itemcallnumber', 'itemnumber', 'issue_id'];

function releasableColumns(record: ResponsiveRecord, scope: CaseScope, options: RedactionOptions): string[] | null {
  const table = Object.prototype.hasOwnProperty.call(DEFAULT_REDACTION_POLICY.tables, record.sourceTable) ? DEFAULT_REDACTION_POLICY.tables[record.sourceTable] : undefined;
  const day = record.occurredAt?.slice(0, 10);
  const dated = record.recordType === 'patron' && record.occurredAt === null ? true : day !== undefined && day >= scope.from && day <= scope.to;
  const named = record.cardNumber !== null && scope.cardNumbers.includes(record.cardNumber);
  if (!scope.recordTypes.includes(record.recordType) || !named || !dated || table?.recordType !== record.recordType) return null;
  const finesAlone = record.recordType === 'fines' && !scope.recordTypes.includes('loans');
  return Object.keys(record.fields).filter((field) => {
    if (finesAlone && FINE_ITEM_COLUMNS.includes(field)) return false;
    const rule = table.fields[field];
    return rule === 'produce' || (rule === 'contact' && scope.includeContactDetails === true);
  });
}

const hasText = (value: string | number | null | undefined): boolean => value !== null && value !== undefined && String(value).trim() !== '';
const byField = (a: { field: string }, b: { field: string }) => a.field.localeCompare(b.field);

describe('redaction properties', () => {
  it('name pools do not contain one another, so value overlaps in these tests mean a bug', () => {
    const names = [...PATRON_NAMES, ...OTHER_PEOPLE].map((name) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
    for (const name of names) expect(names.filter((other) => other.includes(name))).toEqual([name]);
  });

  it('produces only records inside the scope', () => {
    fc.assert(
      fc.property(caseArbitrary(), ({ scope, options, records }) => {
        const outOfScope = records.filter((record) => {
          const redaction = redactRecord(record, scope, options);
          if (redaction.outcome !== 'produced') return false;
          const day = (record.occurredAt ?? '').slice(0, 10);
          const dated = record.recordType === 'patron' || (day >= scope.from && day <= scope.to);
          return !scope.recordTypes.includes(record.recordType) || !scope.cardNumbers.includes(redaction.item.cardNumber) || !dated;
        });
        expect(outOfScope).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('produces exactly the columns the scope and the policy table release, each with its own value', () => {
    fc.assert(
      fc.property(caseArbitrary(), ({ scope, options, records }) => {
        for (const record of records) {
          const redaction = redactRecord(record, scope, options);
          const releasable = releasableColumns(record, scope, options);
          if (releasable === null) {
            expect(redaction.outcome).toBe('withheld');
            continue;
          }
          if (redaction.outcome !== 'produced') throw new Error(`${record.sourceTable} row withheld: ${redaction.reason}`);
          // Every produced row names its patron by card number, whatever columns its table has.
          const expected = [...new Set(['cardnumber', ...releasable])].map((field) => ({ field, value: field === 'cardnumber' ? record.cardNumber : record.fields[field] }));
          const withheld = Object.keys(record.fields).filter((field) => !releasable.includes(field) && hasText(record.fields[field]));
          expect(redaction.item.fields.filter((field) => !isWithheldField(field)).sort(byField)).toEqual(expected.sort(byField));
          expect(redaction.item.fields.filter(isWithheldField).map((field) => field.field).sort()).toEqual(withheld.sort());
        }
      }),
      { numRuns: 100 },
    );
  });

  it('lets no value the scope and the policy table withhold into any produced field of the case', () => {
    fc.assert(
      fc.property(caseArbitrary(), ({ scope, options, records }) => {
        const produced = records.flatMap((record) => producedValuesOf(redactRecord(record, scope, options)));
        const mustWithhold = records.flatMap((record) => {
          const releasable = releasableColumns(record, scope, options);
          const values = Object.entries(record.fields).filter(([field]) => releasable === null || !releasable.includes(field)).map(([, value]) => value);
          return releasable === null ? [record.cardNumber, record.occurredAt, ...values] : values;
        });
        // A named patron's own card number is produced in their other rows; it is the one legitimate overlap.
        const leaks = mustWithhold
          .filter((value): value is string | number => hasText(value) && String(value).length >= 3 && !scope.cardNumbers.includes(String(value)))
          .filter((value) => produced.some((text) => text.includes(String(value))));
        expect(leaks).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('logs every withholding, and no log entry carries a value', () => {
    fc.assert(
      fc.property(caseArbitrary(), ({ scope, options, records }) => {
        const redactor = createRedactor(scope, options);
        for (const record of records) {
          const redaction = redactor.redact(record);
          const withheldFields = redaction.outcome === 'produced' ? redaction.item.fields.filter(isWithheldField).length : 1;
          expect(redaction.log).toHaveLength(withheldFields);
          const log = JSON.stringify(redaction.log);
          expect(Object.values(record.fields).filter((value) => value !== null && String(value).length >= 6 && log.includes(String(value)))).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('decides the same way every time', () => {
    fc.assert(
      fc.property(caseArbitrary(), ({ scope, options, records }) => {
        const copy = JSON.parse(JSON.stringify(records)) as ResponsiveRecord[];
        expect(copy.map((record) => redactRecord(record, scope, options))).toEqual(records.map((record) => redactRecord(record, scope, options)));
        expect(copy.map((record) => decideRecord(record, scope, options))).toEqual(records.map((record) => decideRecord(record, scope, options)));
      }),
      { numRuns: 100 },
    );
  });
});
