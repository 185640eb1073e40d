import fc from 'fast-check';
import { ResponsiveRecord } from '../responsive-record';
import { decideRecord } from './decide-record';
import { producedValuesOf, withheldValuesOf } from './disclosed-values';
import { tablePolicyFor, DEFAULT_REDACTION_POLICY } from './field-policy';
import { createRedactor, isWithheldField, redactRecord } from './redact-record';
import { caseArbitrary, OTHER_PEOPLE, PATRON_NAMES } from './testing/case-arbitraries';

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

  it('never lets a withheld value into a produced field', () => {
    fc.assert(
      fc.property(caseArbitrary(), ({ scope, options, records }) => {
        const redactions = records.map((record) => redactRecord(record, scope, options));
        const produced = redactions.flatMap((redaction) => producedValuesOf(redaction));
        // A named patron's own card number is produced in their other rows; it is the one legitimate overlap.
        const withheld = records
          .flatMap((record, index) => withheldValuesOf(record, redactions[index]))
          .filter((value) => value.length >= 3 && !scope.cardNumbers.includes(value));
        expect(withheld.filter((value) => produced.some((text) => text.includes(value)))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('produces each field’s own value, and only fields the policy lets through', () => {
    fc.assert(
      fc.property(caseArbitrary(), ({ scope, options, records }) => {
        for (const record of records) {
          const redaction = redactRecord(record, scope, options);
          if (redaction.outcome !== 'produced') continue;
          const rules = tablePolicyFor(DEFAULT_REDACTION_POLICY, record.sourceTable, record.recordType)?.fields ?? {};
          const wrong = redaction.item.fields.filter((field) => {
            if (isWithheldField(field)) return Object.keys(field).join() !== 'field,withheld';
            const rule = rules[field.field];
            const allowed = rule === 'produce' || (rule === 'contact' && options.includeContactDetails);
            return !allowed || field.value !== (record.fields[field.field] ?? null);
          });
          expect(wrong).toEqual([]);
        }
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
