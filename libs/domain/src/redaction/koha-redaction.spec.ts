import { ResponsiveRecord } from '../responsive-record';
import { CaseScope } from '../scope';
import { DEFAULT_REDACTION_POLICY } from './field-policy';
import { FINE_ITEM_FIELDS, KOHA_CATALOGUE } from './koha-catalogue';
import { isWithheldField, redactRecord } from './redact-record';

const card = '2300-0001 2345';
const scope = (recordTypes: CaseScope['recordTypes']): CaseScope => ({ cardNumbers: [card], from: '2026-01-01', to: '2026-12-31', recordTypes });
const fine: ResponsiveRecord = {
  recordType: 'fines',
  sourceTable: 'accountlines',
  cardNumber: card,
  occurredAt: '2026-03-10T10:00:00',
  fields: { borrowernumber: 101, date: '2026-03-10T10:00:00', amount: 5, amountoutstanding: 5, debit_type_code: 'OVERDUE', description: 'Overdue: Cien años de soledad', itemnumber: 5001, issue_id: 9, title: 'Cien años de soledad', barcode: '39000000012345' },
};

const produced = (record: ResponsiveRecord, s: CaseScope) => {
  const redaction = redactRecord(record, s);
  if (redaction.outcome !== 'produced') throw new Error('withheld');
  return redaction.item.fields;
};

describe('the redaction policy of Koha records', () => {
  it('is derived from the catalogue: every column classified, credentials never produced', () => {
    for (const table of KOHA_CATALOGUE.values()) {
      if (table.recordType === null) continue;
      expect(Object.keys(DEFAULT_REDACTION_POLICY.tables[table.table].fields)).toEqual(Object.keys(table.columns));
    }
    for (const credential of ['password', 'secret', 'overdrive_auth_token']) expect(DEFAULT_REDACTION_POLICY.tables.borrowers.fields[credential]).toBe('NOT_REQUESTED_FIELD');
  });

  it('withholds what a fine says was borrowed when the release does not reach loans (Gov. Code § 7927.105(b)(2))', () => {
    const fields = produced(fine, scope(['fines']));
    for (const field of FINE_ITEM_FIELDS.filter((f) => f in fine.fields)) expect(fields).toContainEqual({ field, withheld: 'REVEALS_ITEM_BORROWED' });
    expect(fields).toContainEqual({ field: 'amount', value: 5 });
    expect(JSON.stringify(fields)).not.toContain('soledad');
  });

  it('produces the item of a fine when the release covers loans too', () => {
    const fields = produced(fine, scope(['fines', 'loans']));
    expect(fields).toContainEqual({ field: 'title', value: 'Cien años de soledad' });
    expect(fields).toContainEqual({ field: 'barcode', value: '39000000012345' });
  });

  it('names the patron by card number in every produced row, also where the table carries only a borrowernumber', () => {
    const loan: ResponsiveRecord = { recordType: 'loans', sourceTable: 'old_issues', cardNumber: card, occurredAt: '2026-03-02T15:31:44', fields: { borrowernumber: 101, issuedate: '2026-03-02T15:31:44', itemnumber: 5001 } };
    const attribute: ResponsiveRecord = { recordType: 'patron', sourceTable: 'borrower_attributes', cardNumber: card, occurredAt: null, fields: { borrowernumber: 101, code: 'SCHOOL', attribute: 'x' } };
    for (const record of [loan, attribute, fine]) expect(produced(record, scope(['patron', 'loans', 'fines']))[0]).toEqual({ field: 'cardnumber', value: card });
    const withCard = produced({ ...loan, fields: { ...loan.fields, cardnumber: card } }, scope(['loans']));
    expect(withCard.filter((f) => f.field === 'cardnumber')).toHaveLength(1);
  });

  it('holds a dated patron row (a staff action on the account) to the date range; registration rows have no date', () => {
    const action: ResponsiveRecord = { recordType: 'patron', sourceTable: 'action_logs', cardNumber: card, occurredAt: '2025-06-01T09:00:00', fields: { object: 101, module: 'MEMBERS', action: 'MODIFY', timestamp: '2025-06-01T09:00:00' } };
    expect(redactRecord(action, scope(['patron']))).toMatchObject({ outcome: 'withheld', reason: 'OUTSIDE_DATE_RANGE' });
    expect(redactRecord({ ...action, occurredAt: '2026-06-01T09:00:00' }, scope(['patron'])).outcome).toBe('produced');
  });

  it('withholds columns the catalogue does not know (a local or newer Koha column)', () => {
    const loan: ResponsiveRecord = { recordType: 'loans', sourceTable: 'issues', cardNumber: card, occurredAt: '2026-03-02T15:31:44', fields: { issuedate: '2026-03-02T15:31:44', local_column: 'secret' } };
    const fields = produced(loan, scope(['loans']));
    expect(fields.find((f) => f.field === 'local_column')).toEqual({ field: 'local_column', withheld: 'UNLISTED_FIELD' });
    expect(fields.filter(isWithheldField).map((f) => f.field)).toEqual(['local_column']);
  });
});
