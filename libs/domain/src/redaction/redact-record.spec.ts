import { ResponsiveRecord } from '../responsive-record';
import { CaseScope } from '../scope';
import { producedValues, producedValuesOf, withheldValues, withheldValuesOf } from './disclosed-values';
import { DEFAULT_REDACTION_POLICY } from './field-policy';
import { isRedactionReasonCode, REDACTION_REASONS, withheldToken } from './reason-codes';
import { createRedactor, isWithheldField, ProducedItem, redactRecord } from './redact-record';
import { RedactionOptions } from './redaction-options';
import { WithholdingSummary } from './withholding-summary';

const card = '23000000012345';
const scope: CaseScope = { cardNumbers: [card], from: '2026-01-01', to: '2026-02-28', recordTypes: ['patron', 'loans'] };
const patron: ResponsiveRecord = {
  recordType: 'patron',
  sourceTable: 'borrowers',
  cardNumber: card,
  occurredAt: null,
  fields: {
    borrowernumber: 51,
    cardnumber: card,
    surname: 'Núñez',
    firstname: 'Zoë',
    dateofbirth: '1990-05-01',
    email: 'zoe@example.org',
    phone: '760-555-0101',
    borrowernotes: 'Banned from the 3D printer',
    contactname: 'Bartholomew Quince',
    guarantorid: 77,
    opacnote: '',
    sort1: null,
    favourite_colour: 'teal',
  },
};

function produced(record: ResponsiveRecord, scopeChanges: Partial<CaseScope> = {}, options: RedactionOptions = {}): ProducedItem {
  const redaction = redactRecord(record, { ...scope, ...scopeChanges }, options);
  if (redaction.outcome !== 'produced') throw new Error(`withheld: ${redaction.reason}`);
  return redaction.item;
}

const fieldOf = (item: ProducedItem, name: string) => item.fields.find((field) => field.field === name);

describe('redactRecord field policy', () => {
  it('produces identity and withholds what the authority does not name, each with its reason', () => {
    const item = produced(patron);
    expect(fieldOf(item, 'surname')).toEqual({ field: 'surname', value: 'Núñez' });
    expect(fieldOf(item, 'cardnumber')).toEqual({ field: 'cardnumber', value: card });
    expect(fieldOf(item, 'borrowernotes')).toEqual({ field: 'borrowernotes', withheld: 'STAFF_NOTE' });
    expect(fieldOf(item, 'dateofbirth')).toEqual({ field: 'dateofbirth', withheld: 'PERSONAL_IDENTIFIER' });
    expect(fieldOf(item, 'contactname')).toEqual({ field: 'contactname', withheld: 'OTHER_PATRON' });
    expect(fieldOf(item, 'guarantorid')).toEqual({ field: 'guarantorid', withheld: 'OTHER_PATRON' });
    expect(fieldOf(item, 'borrowernumber')).toEqual({ field: 'borrowernumber', withheld: 'INTERNAL_IDENTIFIER' });
    expect(fieldOf(item, 'favourite_colour')).toEqual({ field: 'favourite_colour', withheld: 'UNLISTED_FIELD' });
  });

  it('withholds contact details unless the scope asks for them', () => {
    expect(fieldOf(produced(patron), 'email')).toEqual({ field: 'email', withheld: 'CONTACT_NOT_REQUESTED' });
    expect(fieldOf(produced(patron, { includeContactDetails: true }), 'email')).toEqual({ field: 'email', value: 'zoe@example.org' });
    expect(fieldOf(produced(patron, { includeContactDetails: true }), 'phone')).toEqual({ field: 'phone', value: '760-555-0101' });
    // The scope is the one source: a flag passed beside it (as options once carried) changes nothing.
    expect(fieldOf(produced(patron, {}, { includeContactDetails: true } as RedactionOptions), 'email')).toEqual({ field: 'email', withheld: 'CONTACT_NOT_REQUESTED' });
  });

  it('leaves out empty columns that would be withheld: there is nothing to withhold', () => {
    const item = produced(patron);
    expect(fieldOf(item, 'opacnote')).toBeUndefined();
    expect(fieldOf(item, 'sort1')).toBeUndefined();
  });

  it('orders listed columns by the policy, then unlisted ones', () => {
    const names = produced(patron).fields.map((field) => field.field);
    expect(names.indexOf('cardnumber')).toBeLessThan(names.indexOf('surname'));
    expect(names[names.length - 1]).toBe('favourite_colour');
  });

  it('logs each withholding with its basis and never the value', () => {
    const redaction = redactRecord(patron, scope, {}, 'patron record #1');
    const log = JSON.stringify(redaction.log);
    for (const value of ['Banned from the 3D printer', 'Bartholomew', '1990-05-01', 'zoe@example.org', 'teal', '760-555']) expect(log).not.toContain(value);
    expect(redaction.log).toContainEqual({
      recordType: 'patron',
      sourceTable: 'borrowers',
      field: 'borrowernotes',
      reasonCode: 'STAFF_NOTE',
      basis: REDACTION_REASONS.STAFF_NOTE.basis,
      itemRef: 'patron record #1',
    });
  });

  it('logs a withheld record as one entry without a field', () => {
    const redaction = redactRecord({ ...patron, cardNumber: '999', fields: { ...patron.fields, cardnumber: '999' } }, scope);
    expect(redaction).toMatchObject({ outcome: 'withheld', reason: 'PATRON_NOT_NAMED', recordType: 'patron' });
    expect(redaction.log).toHaveLength(1);
    expect(redaction.log[0].field).toBeUndefined();
  });

  it('numbers items per record type as they stream', () => {
    const redactor = createRedactor(scope);
    const loan: ResponsiveRecord = { recordType: 'loans', sourceTable: 'issues', cardNumber: card, occurredAt: '2026-01-02', fields: { note: 'x y z' } };
    redactor.redact(patron);
    redactor.redact(loan);
    expect(redactor.redact(loan).log[0].itemRef).toBe('loan #2');
  });

  it('marks withheld content with a fixed token that says nothing about its length', () => {
    expect(withheldToken('STAFF_NOTE')).toBe('[WITHHELD: STAFF_NOTE]');
  });

  it('accepts counsel’s own policy table', () => {
    const policy = { ...DEFAULT_REDACTION_POLICY, tables: { ...DEFAULT_REDACTION_POLICY.tables, borrowers: { recordType: 'patron' as const, fields: { surname: 'produce' as const, dateofbirth: 'produce' as const } } } };
    const item = produced(patron, {}, { policy });
    expect(fieldOf(item, 'dateofbirth')).toEqual({ field: 'dateofbirth', value: '1990-05-01' });
    expect(fieldOf(item, 'firstname')).toEqual({ field: 'firstname', withheld: 'UNLISTED_FIELD' });
  });
});

describe('withheld and produced values', () => {
  const otherPatronLoan: ResponsiveRecord = { recordType: 'loans', sourceTable: 'issues', cardNumber: '23000000099999', occurredAt: '2026-01-03', fields: { title: 'Their book', cardnumber: '23000000099999' } };

  it('lists withheld field values and every value of withheld records', () => {
    const values = withheldValues([patron, otherPatronLoan], scope);
    expect(values).toEqual(expect.arrayContaining(['Banned from the 3D printer', 'Bartholomew Quince', '1990-05-01', '51', 'teal', 'Their book', '23000000099999', '2026-01-03']));
    expect(values).not.toContain('Núñez');
  });

  it('lists produced values', () => {
    const values = producedValues([patron, otherPatronLoan], scope);
    expect(values).toEqual(expect.arrayContaining(['Núñez', 'Zoë', card]));
    expect(values).not.toContain('Their book');
  });
});

describe('WithholdingSummary', () => {
  it('aggregates by kind and counts items per record type', () => {
    const summary = new WithholdingSummary();
    const redactor = createRedactor(scope);
    for (const record of [patron, patron, { ...patron, cardNumber: null }]) summary.add(redactor.redact(record));
    expect(summary.itemCounts()).toEqual({ patron: { produced: 2, withheld: 1 } });
    const staffNotes = summary.entries().find((entry) => entry.field === 'borrowernotes');
    expect(staffNotes).toMatchObject({ reasonCode: 'STAFF_NOTE', count: 2, describedInProduction: true });
    const anonymised = summary.entries().find((entry) => entry.reasonCode === 'ANONYMISED_RECORD');
    expect(anonymised).toMatchObject({ count: 1, describedInProduction: false });
    expect(produced(patron).fields.filter(isWithheldField).length).toBe(summary.entries().filter((entry) => entry.field).length);
  });
});

describe('redactRecord attribution and empty columns', () => {
  const loanScope: CaseScope = { ...scope, recordTypes: ['loans', 'holds'] };
  const loan = (cardNumber: string, fields: ResponsiveRecord['fields']): ResponsiveRecord => ({ recordType: 'loans', sourceTable: 'issues', cardNumber, occurredAt: '2026-01-02T10:00:00', fields });
  const item = (record: ResponsiveRecord, s = loanScope) => {
    const redaction = redactRecord(record, s);
    if (redaction.outcome !== 'produced') throw new Error(`withheld: ${redaction.reason}`);
    return redaction.item;
  };

  it('names the patron first, once, by the card number trimmed, whatever the row’s own cardnumber column holds', () => {
    for (const column of [undefined, null, card, ` ${card} `]) {
      const fields: ResponsiveRecord['fields'] = column === undefined ? { issuedate: '2026-01-02T10:00:00' } : { issuedate: '2026-01-02T10:00:00', cardnumber: column };
      const produced = item(loan(` ${card}\t`, fields));
      expect(produced.cardNumber).toBe(card);
      expect(produced.fields.filter((field) => field.field === 'cardnumber')).toEqual([{ field: 'cardnumber', value: card }]);
      expect(produced.fields[0]).toEqual({ field: 'cardnumber', value: card });
    }
  });

  it('shows what a hold was for: only a fine hides its item when the release does not reach loans', () => {
    const hold: ResponsiveRecord = { recordType: 'holds', sourceTable: 'reserves', cardNumber: card, occurredAt: '2026-01-05', fields: { reservedate: '2026-01-05', title: 'Η Οδύσσεια', barcode: '39000000000042', itemnumber: 42 } };
    const fields = item(hold, { ...scope, recordTypes: ['holds'] }).fields;
    expect(fields.filter(isWithheldField)).toEqual([]);
    expect(fields).toContainEqual({ field: 'title', value: 'Η Οδύσσεια' });
  });

  it('leaves out a column it would withhold that holds only spaces, and logs nothing for it', () => {
    const redaction = redactRecord(loan(card, { issuedate: '2026-01-02T10:00:00', note: '   ', borrowernumber: 0 }), loanScope);
    if (redaction.outcome !== 'produced') throw new Error('withheld');
    expect(redaction.item.fields.map((field) => field.field)).toEqual(['cardnumber', 'issuedate', 'borrowernumber']);
    expect(redaction.log.map((entry) => entry.field)).toEqual(['borrowernumber']);
  });

  it('lists only the columns the row has, in the policy’s order', () => {
    expect(item(loan(card, { returndate: '2026-01-09T10:00:00', issuedate: '2026-01-02T10:00:00' })).fields.map((field) => field.field)).toEqual(['cardnumber', 'issuedate', 'returndate']);
  });
});

describe('withheld and produced values: what counts as a value', () => {
  const withheldLoan: ResponsiveRecord = {
    recordType: 'loans', sourceTable: 'issues', cardNumber: '23000000099999', occurredAt: null,
    fields: { empty: '', spaces: '   ', missing: null, absent: undefined as unknown as null, zero: 0, title: 'Their book' },
  };

  it('gives no produced values for a withheld record', () => {
    const redaction = redactRecord(withheldLoan, scope);
    expect(redaction.outcome).toBe('withheld');
    expect(producedValuesOf(redaction)).toEqual([]);
  });

  it('lists only the withheld columns’ values of a produced record whose patron has no alias', () => {
    const redaction = redactRecord(patron, scope);
    expect(withheldValuesOf(patron, redaction).sort()).toEqual(['51', 'Banned from the 3D printer', '1990-05-01', 'zoe@example.org', '760-555-0101', 'Bartholomew Quince', '77', 'teal'].sort());
  });

  it('lists every text of a withheld record and nothing for its empty cells', () => {
    expect(withheldValuesOf(withheldLoan, redactRecord(withheldLoan, scope))).toEqual(['23000000099999', '0', 'Their book']);
  });
});

describe('isRedactionReasonCode', () => {
  it('knows the codes and nothing else', () => {
    expect([isRedactionReasonCode('STAFF_NOTE'), isRedactionReasonCode('UNASSESSED_SOURCE')]).toEqual([true, true]);
    expect([isRedactionReasonCode('staff_note'), isRedactionReasonCode('toString'), isRedactionReasonCode(42), isRedactionReasonCode(undefined)]).toEqual([false, false, false, false]);
    // Not a string, though it reads as one: a stored log entry's code must be the string itself.
    expect([isRedactionReasonCode(['STAFF_NOTE']), isRedactionReasonCode({ toString: () => 'STAFF_NOTE' })]).toEqual([false, false]);
  });
});

describe('WithholdingSummary order', () => {
  it('lists entries by record type, table, whole items before fields, field and reason, whatever order they came in', () => {
    const summary = new WithholdingSummary();
    const loan: ResponsiveRecord = { recordType: 'loans', sourceTable: 'old_issues', cardNumber: card, occurredAt: '2026-01-02', fields: { note: 'n', borrowernumber: 1, issue_id: 2 } };
    summary.add(redactRecord({ ...loan, sourceTable: 'issues' }, scope));
    summary.add(redactRecord(loan, scope));
    summary.add(redactRecord({ ...loan, occurredAt: '2027-01-01' }, scope));
    summary.add(redactRecord(patron, scope));
    summary.add(redactRecord({ ...loan, fields: { ...loan.fields, local: 'x' } }, scope));
    expect(summary.entries().map((entry) => [entry.recordType, entry.sourceTable, entry.field ?? '', entry.reasonCode])).toEqual([
      ['loans', 'issues', 'borrowernumber', 'INTERNAL_IDENTIFIER'],
      ['loans', 'issues', 'issue_id', 'INTERNAL_IDENTIFIER'],
      ['loans', 'issues', 'note', 'STAFF_NOTE'],
      ['loans', 'old_issues', '', 'OUTSIDE_DATE_RANGE'],
      ['loans', 'old_issues', 'borrowernumber', 'INTERNAL_IDENTIFIER'],
      ['loans', 'old_issues', 'issue_id', 'INTERNAL_IDENTIFIER'],
      ['loans', 'old_issues', 'local', 'UNLISTED_FIELD'],
      ['loans', 'old_issues', 'note', 'STAFF_NOTE'],
      ...summary.entries().filter((entry) => entry.recordType === 'patron').map((entry) => ['patron', 'borrowers', entry.field ?? '', entry.reasonCode]),
    ]);
    const patronFields = summary.entries().filter((entry) => entry.recordType === 'patron').map((entry) => `${entry.field}/${entry.reasonCode}`);
    expect(patronFields).toEqual([...patronFields].sort());
  });
});
