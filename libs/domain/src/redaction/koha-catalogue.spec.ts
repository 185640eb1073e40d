import { ResponsiveRecord } from '../responsive-record';
import { CaseScope } from '../scope';
import { producedValuesOf } from './disclosed-values';
import { KohaColumn, kohaTable, KOHA_CATALOGUE } from './koha-catalogue';
import { redactRecord } from './redact-record';
import { KOHA_REFERENCE_TABLES, kohaReferenceColumns } from './testing/koha-schema-reference';

/*
 * The catalogue checked against Koha's schema (the reference copy in testing/) and against the policy as the statute
 * and ALA's procedures state it (domain.md §1, §4, §9): the records named are the patron's identity and use; contact
 * details (address, e-mail, telephone) only when the scope asks for them; never another person, a staff note, an
 * internal number, or a credential.
 */

const CONTACT_COLUMNS = [
  ...['streetnumber', 'streettype', 'address', 'address2', 'city', 'state', 'zipcode', 'country', 'email', 'phone'].flatMap((name) => [name, `B_${name}`]),
  'mobile', 'fax', 'emailpro', 'phonepro', 'smsalertnumber',
];
const CREDENTIALS = ['password', 'secret', 'overdrive_auth_token'];
const OTHER_PERSONS = ['contactname', 'contactfirstname', 'contacttitle', 'relationship', 'guarantorid', ...Object.keys(kohaReferenceColumns('borrowers')).filter((name) => name.startsWith('altcontact'))];
const STAFF_NOTES: Record<string, string[]> = {
  borrowers: ['borrowernotes', 'opacnote', 'contactnote', 'debarredcomment'],
  issues: ['note', 'notedate', 'noteseen'],
  reserves: ['reservenotes'],
  accountlines: ['note'],
  statistics: ['other'],
  action_logs: ['info'],
};
const PATRON_TABLES = ['borrowers', 'deletedborrowers'];

const catalogued = (table: string): Readonly<Record<string, KohaColumn>> => {
  const found = kohaTable(table);
  if (!found) throw new Error(`${table} is not catalogued`);
  return found.columns;
};
const rulesOf = (table: string, names: string[]) => names.map((name) => [name, catalogued(table)[name]?.rule]);

/** The type the import must check a column as, read off its MySQL declaration. */
function expectedType(sql: string): Pick<KohaColumn, 'type' | 'maxLength'> | { type: 'string'; text: true } {
  const [, base, size] = /^(\w+)(?:\((\d+))?/.exec(sql) ?? [];
  if (['tinyint', 'int'].includes(base) && size === '1') return { type: 'boolean' }; // Koha's flags: tinyint(1), int(1)
  if (['tinyint', 'smallint', 'int', 'bigint'].includes(base)) return { type: 'integer' };
  if (['decimal', 'double'].includes(base)) return { type: 'decimal' };
  if (base === 'date') return { type: 'date' };
  if (['datetime', 'timestamp'].includes(base)) return { type: 'datetime' };
  if (base === 'varchar') return { type: 'string', maxLength: Number(size) };
  if (base === 'tinytext') return { type: 'string', maxLength: 255 };
  return { type: 'string', text: true };
}

describe('the Koha catalogue against Koha’s schema', () => {
  it.each(KOHA_REFERENCE_TABLES)('classifies every column Koha declares in %s', (table) => {
    expect(Object.keys(kohaReferenceColumns(table)).filter((name) => !(name in catalogued(table)))).toEqual([]);
  });

  it.each(KOHA_REFERENCE_TABLES)('types every column of %s as Koha declares it', (table) => {
    const wrong = Object.entries(kohaReferenceColumns(table)).filter(([name, sql]) => {
      const expected = expectedType(sql);
      const column = catalogued(table)[name];
      // Text columns have no declared length; the import caps them all the same.
      if ('text' in expected) return column.type !== 'string' || column.maxLength === undefined;
      return column.type !== expected.type || column.maxLength !== expected.maxLength;
    });
    expect(wrong).toEqual([]);
  });

  it('finds tables by name and nothing else', () => {
    expect(kohaTable('borrowers')?.table).toBe('borrowers');
    expect(kohaTable('circulation_log')).toBeUndefined();
  });
});

describe('the Koha catalogue’s policy', () => {
  it.each(PATRON_TABLES)('releases a patron’s identity from %s: card number and names', (table) => {
    expect(rulesOf(table, ['cardnumber', 'surname', 'firstname', 'middle_name', 'preferred_name'])).toEqual(
      ['cardnumber', 'surname', 'firstname', 'middle_name', 'preferred_name'].map((name) => [name, 'produce']),
    );
  });

  it.each(PATRON_TABLES)('classes as contact details exactly the address, e-mail and telephone columns of %s', (table) => {
    const contact = Object.entries(catalogued(table)).filter(([, column]) => column.rule === 'contact').map(([name]) => name);
    expect(contact.sort()).toEqual([...CONTACT_COLUMNS].sort());
  });

  it('has contact details in no table but the patron’s registration', () => {
    const elsewhere = [...KOHA_CATALOGUE.values()].filter((table) => !PATRON_TABLES.includes(table.table) && Object.values(table.columns).some((column) => column.rule === 'contact'));
    expect(elsewhere.map((table) => table.table)).toEqual([]);
  });

  it.each(PATRON_TABLES)('never stores the credentials of %s', (table) => {
    expect(rulesOf(table, CREDENTIALS)).toEqual(CREDENTIALS.map((name) => [name, 'never_stored']));
  });

  it.each(PATRON_TABLES)('withholds the other persons %s names (guarantors, alternate contacts)', (table) => {
    expect(rulesOf(table, OTHER_PERSONS)).toEqual(OTHER_PERSONS.map((name) => [name, 'OTHER_PATRON']));
    expect(catalogued('borrower_relationships').guarantor_id.rule).toBe('OTHER_PATRON');
  });

  it.each(Object.entries(STAFF_NOTES))('withholds the staff notes of %s', (table, notes) => {
    expect(rulesOf(table, notes)).toEqual(notes.map((name) => [name, 'STAFF_NOTE']));
  });

  it('withholds the date of birth and sex, which the records named do not include', () => {
    expect(rulesOf('borrowers', ['dateofbirth', 'sex'])).toEqual([['dateofbirth', 'PERSONAL_IDENTIFIER'], ['sex', 'PERSONAL_IDENTIFIER']]);
  });

  it('withholds the internal number each patron-record table ties its rows to the patron by', () => {
    const tables = [...KOHA_CATALOGUE.values()].filter((table) => table.recordType !== null);
    expect(tables.length).toBeGreaterThan(10);
    const produced = tables.filter((table) => table.borrowerColumn === null || table.columns[table.borrowerColumn]?.rule !== 'INTERNAL_IDENTIFIER');
    expect(produced.map((table) => table.table)).toEqual([]);
  });
});

describe('a Koha borrowers row with every column filled', () => {
  const card = '23000000012345';
  const columns = kohaReferenceColumns('borrowers');
  const row: ResponsiveRecord = {
    recordType: 'patron',
    sourceTable: 'borrowers',
    cardNumber: card,
    occurredAt: null,
    fields: Object.fromEntries(Object.keys(columns).map((name) => [name, name === 'cardnumber' ? card : `value of ${name}`])),
  };
  const scope: CaseScope = { cardNumbers: [card], from: '2026-01-01', to: '2026-12-31', recordTypes: ['patron'] };
  const releasedColumns = (includeContactDetails: boolean) => {
    const released = new Set(producedValuesOf(redactRecord(row, { ...scope, includeContactDetails })));
    return Object.keys(columns).filter((name) => released.has(String(row.fields[name])));
  };

  it('releases no contact detail when the scope does not ask for them', () => {
    expect(releasedColumns(false).filter((name) => CONTACT_COLUMNS.includes(name))).toEqual([]);
  });

  it('releases every contact detail when the scope asks for them', () => {
    expect(CONTACT_COLUMNS.filter((name) => !releasedColumns(true).includes(name))).toEqual([]);
  });

  it.each([false, true])('never releases credentials, other persons or staff notes (contact details asked: %p)', (includeContactDetails) => {
    const never = [...CREDENTIALS, ...OTHER_PERSONS, ...STAFF_NOTES.borrowers, 'borrowernumber', 'dateofbirth'];
    expect(releasedColumns(includeContactDetails).filter((name) => never.includes(name))).toEqual([]);
    expect(releasedColumns(includeContactDetails)).toEqual(expect.arrayContaining(['cardnumber', 'surname', 'firstname']));
  });
});
