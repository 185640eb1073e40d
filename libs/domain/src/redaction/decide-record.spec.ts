import { ResponsiveRecord } from '../responsive-record';
import { CaseScope } from '../scope';
import { decideRecord } from './decide-record';
import { DEFAULT_REDACTION_POLICY } from './field-policy';

const scope: CaseScope = { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-02-28', recordTypes: ['patron', 'loans'] };

function loan(overrides: Partial<ResponsiveRecord> = {}): ResponsiveRecord {
  return { recordType: 'loans', sourceTable: 'old_issues', cardNumber: '23000000012345', occurredAt: '2026-01-15T10:00:00', fields: { itemnumber: 4711 }, ...overrides };
}

const withheldFor = (record: ResponsiveRecord) => {
  const decision = decideRecord(record, scope);
  return decision.decision === 'withhold' ? decision.reason : null;
};

describe('decideRecord', () => {
  it('produces a named patron’s requested record inside the date range', () => {
    expect(decideRecord(loan(), scope)).toEqual({ decision: 'produce' });
  });

  it('treats both ends of the range as inclusive, whatever the time of day', () => {
    expect(withheldFor(loan({ occurredAt: '2026-01-01T00:00:00' }))).toBeNull();
    expect(withheldFor(loan({ occurredAt: '2026-02-28T23:59:59-08:00' }))).toBeNull();
    expect(withheldFor(loan({ occurredAt: '2026-02-28' }))).toBeNull();
  });

  it('withholds rows dated outside the range', () => {
    expect(withheldFor(loan({ occurredAt: '2025-12-31T23:59:59' }))).toBe('OUTSIDE_DATE_RANGE');
    expect(withheldFor(loan({ occurredAt: '2026-03-01T00:00:00' }))).toBe('OUTSIDE_DATE_RANGE');
  });

  it('withholds undated or malformed dates rather than guessing', () => {
    expect(withheldFor(loan({ occurredAt: null }))).toBe('UNDATED_RECORD');
    expect(withheldFor(loan({ occurredAt: '15/01/2026' }))).toBe('UNDATED_RECORD');
  });

  it('does not date-check patron registration rows', () => {
    expect(withheldFor({ recordType: 'patron', sourceTable: 'borrowers', cardNumber: '23000000012345', occurredAt: null, fields: { surname: 'Zoë' } })).toBeNull();
  });

  it('withholds record types the scope does not request', () => {
    expect(withheldFor(loan({ recordType: 'holds', sourceTable: 'reserves' }))).toBe('RECORD_TYPE_NOT_REQUESTED');
  });

  it('withholds anonymised rows and other patrons’ rows', () => {
    expect(withheldFor(loan({ cardNumber: null }))).toBe('ANONYMISED_RECORD');
    expect(withheldFor(loan({ cardNumber: '  ' }))).toBe('ANONYMISED_RECORD');
    expect(withheldFor(loan({ cardNumber: '23000000099999' }))).toBe('PATRON_NOT_NAMED');
  });

  it('ignores surrounding whitespace in card numbers, wherever it comes from', () => {
    expect(withheldFor(loan({ cardNumber: ' 23000000012345 ' }))).toBeNull();
    // A card typed into the scope with a stray space, and a padded CSV cell in the row's own cardnumber column.
    expect(decideRecord(loan(), { ...scope, cardNumbers: [' 23000000012345\t'] })).toEqual({ decision: 'produce' });
    expect(withheldFor(loan({ fields: { cardnumber: '23000000012345 ', itemnumber: 1 } }))).toBeNull();
    expect(withheldFor(loan({ occurredAt: ' 2026-01-15T10:00:00 ' }))).toBeNull();
  });

  it('trusts the row’s card number when its own cardnumber column is empty (Koha writes NULL as an empty cell)', () => {
    expect(withheldFor(loan({ fields: { cardnumber: null, itemnumber: 1 } }))).toBeNull();
  });

  it('withholds a row whose own cardnumber column names another patron', () => {
    expect(withheldFor(loan({ fields: { cardnumber: '23000000099999', itemnumber: 1 } }))).toBe('PATRON_NOT_NAMED');
    expect(withheldFor(loan({ fields: { cardnumber: '23000000012345', itemnumber: 1 } }))).toBeNull();
  });

  it('withholds rows from tables the policy has not assessed, or claiming another record type', () => {
    expect(withheldFor(loan({ sourceTable: 'circulation_log' }))).toBe('UNASSESSED_SOURCE');
    expect(withheldFor(loan({ sourceTable: 'borrowers' }))).toBe('UNASSESSED_SOURCE');
    expect(withheldFor(loan({ sourceTable: 'toString' }))).toBe('UNASSESSED_SOURCE');
  });

  it('follows a replacement policy', () => {
    const policy = { ...DEFAULT_REDACTION_POLICY, tables: { ...DEFAULT_REDACTION_POLICY.tables, circulation_log: { recordType: 'loans' as const, fields: {} } } };
    expect(decideRecord(loan({ sourceTable: 'circulation_log' }), scope, { policy })).toEqual({ decision: 'produce' });
  });
});
