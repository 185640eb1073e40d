import fc from 'fast-check';
import { ResponsiveRecord } from '../responsive-record';
import { CaseScope } from '../scope';
import { producedValuesOf, withheldValuesOf } from './disclosed-values';
import { isWithheldField, ProducedItem, redactRecord } from './redact-record';

const aliased = '23000000012345';
const plain = '23000000067890';
const scope: CaseScope = { cardNumbers: [aliased, plain], from: '2026-01-01', to: '2026-02-28', recordTypes: ['patron', 'loans', 'fines'], aliases: [{ cardNumber: aliased, alias: 'Patron A' }] };

const loan = (cardNumber: string, extra: Record<string, string | number | null> = {}): ResponsiveRecord => ({
  recordType: 'loans', sourceTable: 'issues', cardNumber, occurredAt: '2026-01-10', fields: { borrowernumber: 51, itemnumber: 9, issuedate: '2026-01-10', date_due: '2026-01-31', note: 'Returned wet', ...extra },
});
const registration = (cardNumber: string): ResponsiveRecord => ({
  recordType: 'patron', sourceTable: 'borrowers', cardNumber, occurredAt: null, fields: { borrowernumber: 51, cardnumber: cardNumber, surname: 'Núñez', firstname: 'Zoë' },
});

function produced(record: ResponsiveRecord, inScope: CaseScope = scope): ProducedItem {
  const redaction = redactRecord(record, inScope);
  if (redaction.outcome !== 'produced') throw new Error(`withheld: ${redaction.reason}`);
  return redaction.item;
}
const valueOf = (item: ProducedItem, name: string) => {
  const field = item.fields.find((f) => f.field === name);
  return field && !isWithheldField(field) ? field.value : field;
};

describe('redaction of a patron the scope names by an alias', () => {
  it('attributes a loan row (which has no card number column) by the alias, and a plain patron’s by the card number', () => {
    expect(valueOf(produced(loan(aliased)), 'cardnumber')).toBe('Patron A');
    expect(produced(loan(aliased)).alias).toBe('Patron A');
    expect(valueOf(produced(loan(plain)), 'cardnumber')).toBe(plain);
    expect(produced(loan(plain)).alias).toBeUndefined();
  });

  it('prints the alias in the registration record’s own card number column', () => {
    const item = produced(registration(aliased));
    expect(valueOf(item, 'cardnumber')).toBe('Patron A');
    expect(item.fields.filter((f) => f.field === 'cardnumber')).toHaveLength(1);
    expect(valueOf(item, 'surname')).toBe('Núñez');
  });

  it('lists the aliased card number among the withheld values and the alias among the produced ones', () => {
    for (const record of [loan(aliased), registration(aliased)]) {
      const redaction = redactRecord(record, scope);
      expect(withheldValuesOf(record, redaction)).toContain(aliased);
      expect(producedValuesOf(redaction)).toContain('Patron A');
      expect(producedValuesOf(redaction)).not.toContain(aliased);
    }
    const plainRedaction = redactRecord(loan(plain), scope);
    expect(withheldValuesOf(loan(plain), plainRedaction)).not.toContain(plain);
    expect(producedValuesOf(plainRedaction)).toContain(plain);
  });

  it('withholds another produced column that repeats the aliased card number, and logs it', () => {
    const record = loan(aliased, { title: `renewed by phone, card ${aliased}` });
    const redaction = redactRecord(record, scope);
    if (redaction.outcome !== 'produced') throw new Error('withheld');
    expect(redaction.item.fields.find((f) => f.field === 'title')).toEqual({ field: 'title', withheld: 'PERSONAL_IDENTIFIER' });
    expect(redaction.log).toContainEqual(expect.objectContaining({ field: 'title', reasonCode: 'PERSONAL_IDENTIFIER' }));
    expect(withheldValuesOf(record, redaction)).toContain(`renewed by phone, card ${aliased}`);
    // The same title on the plain patron's row is produced: their card number is printed anyway.
    expect(valueOf(produced(loan(plain, { title: `card ${plain}` })), 'title')).toBe(`card ${plain}`);
  });

  it('finds a lettered card number anywhere, case and spaces aside, and a numeric one only as a whole token', () => {
    const lettered: CaseScope = { ...scope, cardNumbers: ['P0012345'], aliases: [{ cardNumber: 'P0012345', alias: 'Patron A' }] };
    expect(valueOf(produced(loan('P0012345', { title: 'ref xp0012345y' }), lettered), 'title')).toEqual({ field: 'title', withheld: 'PERSONAL_IDENTIFIER' });
    expect(valueOf(produced(loan(aliased, { title: `ref 9${aliased}` })), 'title')).toBe(`ref 9${aliased}`);
  });

  it('tells a card number in a value from other text, by the same rules as the leak check', () => {
    const aliasFor = (card: string): CaseScope => ({ ...scope, cardNumbers: [card], aliases: [{ cardNumber: card, alias: 'Patron A' }] });
    const title = (card: string, value: string | null) => valueOf(produced(loan(card, { title: value }), aliasFor(card)), 'title');
    const withheld = { field: 'title', withheld: 'PERSONAL_IDENTIFIER' };
    // Lettered and 6 characters or more: anywhere, spaces and case aside; other text and empty columns stay.
    expect([title('P12345', 'xp12345y'), title('P0012345', 'card p00 12345'), title('P0012345', 'Le Petit Prince'), title('P0012345', null)]).toEqual([withheld, withheld, 'Le Petit Prince', null]);
    // Lettered but short, or numeric and 6 digits or more: only as a whole token, its characters taken literally.
    expect([title('P123', 'xP123y'), title('P123', 'card P123')]).toEqual(['xP123y', withheld]);
    expect([title('123456', 'card 123456'), title('12.3456', 'card 12x3456'), title('12.3456', 'card 12.3456')]).toEqual([withheld, 'card 12x3456', withheld]);
  });

  it('does not look for a short numeric card number the leak check cannot test either (dates would go)', () => {
    const short: CaseScope = { ...scope, cardNumbers: ['42'], aliases: [{ cardNumber: '42', alias: 'Patron A' }] };
    const item = produced(loan('42', { title: 'shelf 42' }), short);
    expect(valueOf(item, 'title')).toBe('shelf 42');
    expect(valueOf(item, 'cardnumber')).toBe('Patron A');
  });

  it('never produces a value containing an aliased (long) card number, whatever the other columns hold', () => {
    const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(aliased, `x ${aliased}`, `${aliased}.`, 'Patron A'));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('title', 'branchcode', 'itemnumber', 'issuedate', 'date_due', 'renewals_count'), text), fc.boolean(), (fields, withCardColumn) => {
        const record: ResponsiveRecord = { ...loan(aliased), fields: { borrowernumber: 51, ...fields, ...(withCardColumn ? { cardnumber: aliased } : {}) } };
        const redaction = redactRecord(record, scope);
        if (redaction.outcome !== 'produced') return;
        // Independent of the finder: a plain substring search after removing the separators the token rule allows.
        for (const value of producedValuesOf(redaction)) expect(value.includes(aliased)).toBe(false);
        expect(redaction.item.fields.filter((f) => f.field === 'cardnumber')).toEqual([{ field: 'cardnumber', value: 'Patron A' }]);
      }),
    );
  });
});
