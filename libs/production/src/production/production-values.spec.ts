import fc from 'fast-check';
import type { CaseScope, ResponsiveRecord } from '@custodian/domain';
import { valuesHoldingWithheld } from '../verify/leak-detector';
import type { ProductionHeader } from './production-input';
import { aliasesRevealingWithheld, productionValues } from './production-values';
import { summariseRelease } from './release-preview';

const CARD = '23000000012345';
const OTHER_CARD = '23000000099999';
const records: ResponsiveRecord[] = [
  { recordType: 'patron', sourceTable: 'borrowers', cardNumber: CARD, occurredAt: null, fields: { borrowernumber: 101, cardnumber: CARD, surname: 'Nguyễn', firstname: 'Thảo', dateofbirth: '1984-02-29', borrowernotes: 'Asked about immigration forms' } },
  { recordType: 'patron', sourceTable: 'borrowers', cardNumber: OTHER_CARD, occurredAt: null, fields: { borrowernumber: 102, cardnumber: OTHER_CARD, surname: "O'Connor-Ibáñez", firstname: 'Siobhán' } },
  { recordType: 'loans', sourceTable: 'issues', cardNumber: CARD, occurredAt: '2026-03-04T10:12:00', fields: { issue_id: 1, borrowernumber: 101, title: 'Gardening in the Desert', issuedate: '2026-03-04 10:12:00' } },
];
const scopeWith = (...aliases: string[]): CaseScope => ({
  cardNumbers: [CARD, ...(aliases.length > 1 ? ['23000000055555'] : [])],
  from: '2026-01-01',
  to: '2026-10-31',
  recordTypes: ['patron', 'loans'],
  aliases: aliases.map((alias, index) => ({ cardNumber: index === 0 ? CARD : '23000000055555', alias })),
});
const revealing = async (scope: CaseScope) => aliasesRevealingWithheld(scope, (await productionValues(records, { scope })).withheld);

describe('productionValues: what the leak check tests a production against', () => {
  it('puts an aliased patron’s card number first, never exempt, and keeps produced values out of the withheld ones', async () => {
    const values = await productionValues(records, { scope: scopeWith('Patron A') });
    expect(values.withheld[0]).toEqual({ ref: 'aliased patron 1: card number', value: CARD, neverExempt: true });
    expect(values.withheld).toEqual(expect.arrayContaining(['Siobhán', OTHER_CARD, '1984-02-29', 'Asked about immigration forms']));
    expect(values.produced).toEqual(new Set(['Patron A', 'Nguyễn', 'Thảo', 'Gardening in the Desert', '2026-03-04 10:12:00']));
    expect(values.withheld).not.toContain('Nguyễn');
    expect(values.withheld).toEqual(expect.arrayContaining(['101', '1']));
  });

  it('reads the contact-details consent from the scope', async () => {
    const withEmail: ResponsiveRecord[] = [{ ...records[0], fields: { ...records[0].fields, email: 'thao@example.net' } }];
    const scope = scopeWith();
    expect((await productionValues(withEmail, { scope })).withheld).toContain('thao@example.net');
    expect((await productionValues(withEmail, { scope: { ...scope, includeContactDetails: true } })).produced).toContain('thao@example.net');
  });
});

describe('aliasesRevealingWithheld: an alias that would print a withheld value', () => {
  it('finds another patron’s name or card number, and the patron’s own withheld values, by position', async () => {
    expect(await revealing(scopeWith('Patron Siobhán'))).toEqual([1]);
    expect(await revealing(scopeWith(`Holder of ${OTHER_CARD}`))).toEqual([1]);
    expect(await revealing(scopeWith('Born 1984-02-29'))).toEqual([1]);
    expect(await revealing(scopeWith('Patron A', 'Patron Asked About Immigration Forms'))).toEqual([2]);
    expect(await revealing(scopeWith('Patron O’Connor-Ibáñez', 'Patron Siobhan'))).toEqual([1, 2]);
  });

  it('passes an alias holding nothing withheld, a produced value, or a withheld value too short to test', async () => {
    expect(await revealing(scopeWith('Patron A'))).toEqual([]);
    // The patron's own surname is produced here (the patron record is in scope): the alias prints nothing new.
    expect(await revealing(scopeWith('Patron Nguyễn'))).toEqual([]);
    expect(await revealing({ ...scopeWith(), aliases: undefined })).toEqual([]);
  });

  it('finds the patron’s own surname once the patron record is withheld', async () => {
    expect(await revealing({ ...scopeWith('Patron Nguyen'), recordTypes: ['loans'] })).toEqual([1]);
  });

  it('names exactly the aliases the leak check’s own rule finds, in the scope’s order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 6 }), fc.uniqueArray(fc.string({ minLength: 1, maxLength: 16 }), { maxLength: 5 }), (withheld, aliases) => {
        const scope = { aliases: aliases.map((alias, index) => ({ cardNumber: `2300000000${index}`, alias })) };
        const found = new Set(valuesHoldingWithheld(withheld, aliases));
        expect(aliasesRevealingWithheld(scope, withheld)).toEqual(aliases.flatMap((alias, index) => (found.has(alias) ? [index + 1] : [])));
      }),
    );
  });
});

describe('the release preview’s warning', () => {
  // Values the records hold (withheld or produced), other words, and both joined: the aliases a director may meet.
  const recordWords = ['Siobhán', OTHER_CARD, '1984-02-29', 'Nguyễn', 'Gardening', 'Immigration', 'Patron'];
  const alias = fc.oneof(fc.constantFrom(...recordWords), fc.string({ minLength: 1, maxLength: 10 })).chain((first) => fc.constantFrom(first, `Patron ${first}`, `${first} B`));

  it('names the aliases the approval refuses: the same positions as the rule over the production’s values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(alias, { minLength: 1, maxLength: 2 }), fc.subarray(['patron', 'loans'] as const, { minLength: 1 }), async (aliases, recordTypes) => {
        const scope = { ...scopeWith(...aliases), recordTypes: [...recordTypes] };
        const preview = await summariseRelease({ scope } as ProductionHeader, records);
        expect(preview.aliasesRevealingWithheld).toEqual(await revealing(scope));
      }),
    );
  });

  it('says so by position only', async () => {
    const preview = await summariseRelease({ scope: scopeWith('Patron A', 'Patron Siobhán') } as ProductionHeader, records);
    expect(preview.aliasesRevealingWithheld).toEqual([2]);
  });
});
