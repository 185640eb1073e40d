import { RecordType } from '../request-types';
import { FieldReasonCode } from './reason-codes';

/*
 * Every column of every Koha table that holds patron data, with its SQL type (installer/data/mysql/kohastructure.sql,
 * ../shared/reference/koha-schema.md) and what the redaction policy does with it. ONE source of truth: the import
 * (libs/records) types and checks values from this list, and DEFAULT_REDACTION_POLICY is derived from it, so the
 * import cannot accept a column the policy has not classified, or the other way round.
 */

/** SQL types as the import checks them; tinyint(1) flags are `boolean` (true/false and 0/1 both accepted, stored 0/1). */
export type KohaColumnType = 'string' | 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean';

/**
 * `produce`; `contact` (only when the scope asks for contact details); a reason it is withheld; or `never_stored`:
 * credentials and tokens that are dropped at import and never sealed (password hashes, 2FA secrets, OAuth tokens).
 */
export type CatalogueRule = 'produce' | 'contact' | FieldReasonCode | 'never_stored';

export interface KohaColumn {
  type: KohaColumnType;
  /** Characters (varchar/tinytext limits); text columns get a sanity cap instead. */
  maxLength?: number;
  rule: CatalogueRule;
}

export interface KohaTable {
  table: string;
  /** The record type rows become; null for lookup tables (items, biblio) that only describe what was borrowed. */
  recordType: RecordType | null;
  /** Column holding the borrowernumber the row pertains to (search_history: userid; relationships: guarantee_id). */
  borrowerColumn: string | null;
  /** Column holding a card number directly (a circulation report's join), when the table may carry one. */
  cardColumn: string | null;
  /** Column the row is dated by. */
  dateColumn: string | null;
  /** The row pertains to the borrower only when this column has one of these values (action_logs.module). */
  attributableWhen?: { column: string; values: readonly string[] };
  /** True for tables Koha has; false for the PC-session table some libraries add. */
  koha: boolean;
  /** Columns in the order a production shows them. */
  columns: Readonly<Record<string, KohaColumn>>;
}

const TEXT_CAP = 65535;

type Spec = [type: KohaColumnType, rule: CatalogueRule, maxLength?: number];

function columns(specs: Record<string, Spec>): Record<string, KohaColumn> {
  return Object.fromEntries(
    Object.entries(specs).map(([name, [type, rule, maxLength]]) => [name, { type, rule, ...(type === 'string' ? { maxLength: maxLength ?? TEXT_CAP } : {}) }]),
  );
}

/** Columns a circulation report joins in from items and biblio, so a production says what was borrowed. */
const ITEM_JOIN: Record<string, Spec> = {
  cardnumber: ['string', 'produce', 32],
  title: ['string', 'produce'],
  author: ['string', 'produce'],
  barcode: ['string', 'produce', 20],
  itemcallnumber: ['string', 'produce', 255],
};

const BORROWER_COLUMNS: Record<string, Spec> = {
  cardnumber: ['string', 'produce', 32],
  surname: ['string', 'produce'],
  firstname: ['string', 'produce'],
  middle_name: ['string', 'produce'],
  title: ['string', 'produce'],
  othernames: ['string', 'produce'],
  initials: ['string', 'produce'],
  pronouns: ['string', 'produce'],
  preferred_name: ['string', 'produce'], // newer Koha
  branchcode: ['string', 'produce', 10],
  categorycode: ['string', 'produce', 10],
  dateenrolled: ['date', 'produce'],
  dateexpiry: ['date', 'produce'],
  date_renewed: ['date', 'produce'],
  streetnumber: ['string', 'contact', 255],
  streettype: ['string', 'contact', 255],
  address: ['string', 'contact'],
  address2: ['string', 'contact'],
  city: ['string', 'contact'],
  state: ['string', 'contact'],
  zipcode: ['string', 'contact', 255],
  country: ['string', 'contact'],
  email: ['string', 'contact'],
  phone: ['string', 'contact'],
  mobile: ['string', 'contact', 255],
  fax: ['string', 'contact'],
  emailpro: ['string', 'contact'],
  phonepro: ['string', 'contact'],
  B_streetnumber: ['string', 'contact', 255],
  B_streettype: ['string', 'contact', 255],
  B_address: ['string', 'contact'],
  B_address2: ['string', 'contact'],
  B_city: ['string', 'contact'],
  B_state: ['string', 'contact'],
  B_zipcode: ['string', 'contact', 255],
  B_country: ['string', 'contact'],
  B_email: ['string', 'contact'],
  B_phone: ['string', 'contact'],
  smsalertnumber: ['string', 'contact', 50],
  dateofbirth: ['date', 'PERSONAL_IDENTIFIER'],
  sex: ['string', 'PERSONAL_IDENTIFIER', 1],
  borrowernotes: ['string', 'STAFF_NOTE'],
  opacnote: ['string', 'STAFF_NOTE'],
  contactnote: ['string', 'STAFF_NOTE', 255],
  debarredcomment: ['string', 'STAFF_NOTE', 255],
  contactname: ['string', 'OTHER_PATRON'],
  contactfirstname: ['string', 'OTHER_PATRON'],
  contacttitle: ['string', 'OTHER_PATRON'],
  relationship: ['string', 'OTHER_PATRON', 100],
  altcontactfirstname: ['string', 'OTHER_PATRON'],
  altcontactsurname: ['string', 'OTHER_PATRON'],
  altcontactaddress1: ['string', 'OTHER_PATRON'],
  altcontactaddress2: ['string', 'OTHER_PATRON'],
  altcontactaddress3: ['string', 'OTHER_PATRON'],
  altcontactstate: ['string', 'OTHER_PATRON'],
  altcontactzipcode: ['string', 'OTHER_PATRON'],
  altcontactcountry: ['string', 'OTHER_PATRON'],
  altcontactphone: ['string', 'OTHER_PATRON'],
  borrowernumber: ['integer', 'INTERNAL_IDENTIFIER'],
  sms_provider_id: ['integer', 'INTERNAL_IDENTIFIER'],
  userid: ['string', 'NOT_REQUESTED_FIELD', 75],
  auth_method: ['string', 'NOT_REQUESTED_FIELD', 16],
  flags: ['integer', 'NOT_REQUESTED_FIELD'],
  sort1: ['string', 'NOT_REQUESTED_FIELD', 80],
  sort2: ['string', 'NOT_REQUESTED_FIELD', 80],
  privacy: ['integer', 'NOT_REQUESTED_FIELD'],
  privacy_guarantor_fines: ['boolean', 'NOT_REQUESTED_FIELD'],
  privacy_guarantor_checkouts: ['boolean', 'NOT_REQUESTED_FIELD'],
  checkprevcheckout: ['string', 'NOT_REQUESTED_FIELD', 7],
  updated_on: ['datetime', 'NOT_REQUESTED_FIELD'],
  lastseen: ['datetime', 'NOT_REQUESTED_FIELD'],
  lang: ['string', 'NOT_REQUESTED_FIELD', 25],
  login_attempts: ['integer', 'NOT_REQUESTED_FIELD'],
  gonenoaddress: ['boolean', 'NOT_REQUESTED_FIELD'],
  lost: ['boolean', 'NOT_REQUESTED_FIELD'],
  debarred: ['date', 'NOT_REQUESTED_FIELD'],
  password_expiration_date: ['date', 'NOT_REQUESTED_FIELD'],
  anonymized: ['boolean', 'NOT_REQUESTED_FIELD'],
  autorenew_checkouts: ['boolean', 'NOT_REQUESTED_FIELD'],
  primary_contact_method: ['string', 'NOT_REQUESTED_FIELD', 45],
  protected: ['boolean', 'NOT_REQUESTED_FIELD'], // newer Koha
  guarantorid: ['integer', 'OTHER_PATRON'], // Koha before 19.11 kept the guarantor here
  password: ['string', 'never_stored', 60],
  secret: ['string', 'never_stored'],
  overdrive_auth_token: ['string', 'never_stored'],
};

const LOAN_COLUMNS: Record<string, Spec> = {
  ...ITEM_JOIN,
  issuedate: ['datetime', 'produce'],
  date_due: ['datetime', 'produce'],
  returndate: ['datetime', 'produce'],
  lastreneweddate: ['datetime', 'produce'],
  renewals_count: ['integer', 'produce'],
  auto_renew: ['boolean', 'produce'],
  onsite_checkout: ['boolean', 'produce'],
  branchcode: ['string', 'produce', 10],
  itemnumber: ['integer', 'produce'],
  biblionumber: ['integer', 'INTERNAL_IDENTIFIER'],
  note: ['string', 'STAFF_NOTE'],
  notedate: ['datetime', 'STAFF_NOTE'],
  noteseen: ['boolean', 'STAFF_NOTE'],
  issue_id: ['integer', 'INTERNAL_IDENTIFIER'],
  borrowernumber: ['integer', 'INTERNAL_IDENTIFIER'],
  issuer_id: ['integer', 'INTERNAL_IDENTIFIER'],
  checkin_library: ['string', 'produce', 10], // REST checkin_library_id
  booking_id: ['integer', 'INTERNAL_IDENTIFIER'], // REST booking_id
  timestamp: ['datetime', 'NOT_REQUESTED_FIELD'],
  unseen_renewals: ['integer', 'NOT_REQUESTED_FIELD'],
  auto_renew_error: ['string', 'NOT_REQUESTED_FIELD', 32],
};

const HOLD_COLUMNS: Record<string, Spec> = {
  ...ITEM_JOIN,
  reservedate: ['date', 'produce'],
  itemtype: ['string', 'produce', 10],
  branchcode: ['string', 'produce', 10],
  notificationdate: ['date', 'produce'],
  waitingdate: ['date', 'produce'],
  expirationdate: ['date', 'produce'],
  cancellationdate: ['date', 'produce'],
  cancellation_reason: ['string', 'produce', 80],
  found: ['string', 'produce', 1],
  priority: ['integer', 'produce'],
  suspend: ['boolean', 'produce'],
  suspend_until: ['datetime', 'produce'],
  item_level_hold: ['boolean', 'produce'],
  biblionumber: ['integer', 'produce'],
  itemnumber: ['integer', 'produce'],
  reservenotes: ['string', 'STAFF_NOTE'],
  reserve_id: ['integer', 'INTERNAL_IDENTIFIER'],
  borrowernumber: ['integer', 'INTERNAL_IDENTIFIER'],
  desk_id: ['integer', 'INTERNAL_IDENTIFIER'],
  item_group_id: ['integer', 'INTERNAL_IDENTIFIER'],
  timestamp: ['datetime', 'NOT_REQUESTED_FIELD'],
  reminderdate: ['date', 'NOT_REQUESTED_FIELD'],
  lowestPriority: ['boolean', 'NOT_REQUESTED_FIELD'],
  non_priority: ['boolean', 'NOT_REQUESTED_FIELD'],
  patron_expiration_date: ['date', 'NOT_REQUESTED_FIELD'],
};

const ACCOUNTLINE_COLUMNS: Record<string, Spec> = {
  cardnumber: ['string', 'produce', 32],
  date: ['datetime', 'produce'],
  amount: ['decimal', 'produce'],
  amountoutstanding: ['decimal', 'produce'],
  debit_type_code: ['string', 'produce', 80],
  credit_type_code: ['string', 'produce', 80],
  accounttype: ['string', 'produce', 80], // Koha before 19.11
  status: ['string', 'produce', 16],
  payment_type: ['string', 'produce', 80],
  branchcode: ['string', 'produce', 10],
  // These say what was borrowed; a release of fines alone withholds them (see FINE_ITEM_FIELDS).
  description: ['string', 'produce'],
  title: ['string', 'produce'],
  author: ['string', 'produce'],
  barcode: ['string', 'produce', 20],
  itemcallnumber: ['string', 'produce', 255],
  itemnumber: ['integer', 'produce'],
  note: ['string', 'STAFF_NOTE'],
  accountlines_id: ['integer', 'INTERNAL_IDENTIFIER'],
  issue_id: ['integer', 'INTERNAL_IDENTIFIER'],
  borrowernumber: ['integer', 'INTERNAL_IDENTIFIER'],
  manager_id: ['integer', 'INTERNAL_IDENTIFIER'],
  register_id: ['integer', 'INTERNAL_IDENTIFIER'],
  credit_number: ['string', 'INTERNAL_IDENTIFIER', 20],
  timestamp: ['datetime', 'NOT_REQUESTED_FIELD'],
  interface: ['string', 'NOT_REQUESTED_FIELD', 16],
};

/**
 * Account-line columns that reveal which item a fine was for. Fines are not exempt (Gov. Code §§ 7927.100(b),
 * 7927.105(b)(2)), but what was borrowed is: a release that does not reach loans withholds these.
 */
export const FINE_ITEM_FIELDS: readonly string[] = ['description', 'title', 'author', 'barcode', 'itemcallnumber', 'itemnumber', 'issue_id'];

const tables: KohaTable[] = [
  { table: 'borrowers', recordType: 'patron', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: null, koha: true, columns: columns(BORROWER_COLUMNS) },
  // Deleted patrons keep their history; their rows are produced like any patron's.
  { table: 'deletedborrowers', recordType: 'patron', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: null, koha: true, columns: columns(BORROWER_COLUMNS) },
  {
    table: 'borrower_attributes',
    recordType: 'patron',
    borrowerColumn: 'borrowernumber',
    cardColumn: null,
    dateColumn: null,
    koha: true,
    columns: columns({
      code: ['string', 'produce', 10],
      // Local extended attributes hold anything from a student number to a driver's licence.
      attribute: ['string', 'PERSONAL_IDENTIFIER', 255],
      id: ['integer', 'INTERNAL_IDENTIFIER'],
      borrowernumber: ['integer', 'INTERNAL_IDENTIFIER'],
    }),
  },
  {
    // Pertains to the guarantee (the child); the guarantor is another person.
    table: 'borrower_relationships',
    recordType: 'patron',
    borrowerColumn: 'guarantee_id',
    cardColumn: null,
    dateColumn: null,
    koha: true,
    columns: columns({
      relationship: ['string', 'produce', 100],
      guarantor_id: ['integer', 'OTHER_PATRON'],
      id: ['integer', 'INTERNAL_IDENTIFIER'],
      guarantee_id: ['integer', 'INTERNAL_IDENTIFIER'],
    }),
  },
  { table: 'issues', recordType: 'loans', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: 'issuedate', koha: true, columns: columns(LOAN_COLUMNS) },
  { table: 'old_issues', recordType: 'loans', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: 'issuedate', koha: true, columns: columns(LOAN_COLUMNS) },
  {
    // Circulation transactions (issue, return, renew, payment ...), one row each.
    table: 'statistics',
    recordType: 'loans',
    borrowerColumn: 'borrowernumber',
    cardColumn: 'cardnumber',
    dateColumn: 'datetime',
    koha: true,
    columns: columns({
      ...ITEM_JOIN,
      datetime: ['datetime', 'produce'],
      type: ['string', 'produce', 16],
      branch: ['string', 'produce', 10],
      value: ['decimal', 'produce'],
      itemtype: ['string', 'produce', 10],
      location: ['string', 'produce', 80],
      ccode: ['string', 'produce', 80],
      itemnumber: ['integer', 'produce'],
      other: ['string', 'STAFF_NOTE'],
      borrowernumber: ['integer', 'INTERNAL_IDENTIFIER'],
      categorycode: ['string', 'NOT_REQUESTED_FIELD', 10],
      interface: ['string', 'NOT_REQUESTED_FIELD', 30],
    }),
  },
  { table: 'reserves', recordType: 'holds', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: 'reservedate', koha: true, columns: columns(HOLD_COLUMNS) },
  { table: 'old_reserves', recordType: 'holds', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: 'reservedate', koha: true, columns: columns(HOLD_COLUMNS) },
  { table: 'accountlines', recordType: 'fines', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: 'date', koha: true, columns: columns(ACCOUNTLINE_COLUMNS) },
  {
    table: 'search_history',
    recordType: 'searches',
    borrowerColumn: 'userid', // Koha names the borrowernumber "userid" here
    cardColumn: 'cardnumber',
    dateColumn: 'time',
    koha: true,
    columns: columns({
      cardnumber: ['string', 'produce', 32],
      time: ['datetime', 'produce'],
      query_desc: ['string', 'produce', 255],
      type: ['string', 'produce', 16],
      total: ['integer', 'produce'],
      id: ['integer', 'INTERNAL_IDENTIFIER'],
      userid: ['integer', 'INTERNAL_IDENTIFIER'],
      sessionid: ['string', 'INTERNAL_IDENTIFIER', 32],
      // The same search again as a URL query string; query_desc already produces it.
      query_cgi: ['string', 'NOT_REQUESTED_FIELD'],
    }),
  },
  {
    // Staff actions; the object is a borrowernumber only for these modules (Koha's logaction calls).
    table: 'action_logs',
    recordType: 'patron',
    borrowerColumn: 'object',
    cardColumn: null,
    dateColumn: 'timestamp',
    attributableWhen: { column: 'module', values: ['MEMBERS', 'CIRCULATION', 'FINES'] },
    koha: true,
    columns: columns({
      timestamp: ['datetime', 'produce'],
      module: ['string', 'produce'],
      action: ['string', 'produce'],
      info: ['string', 'STAFF_NOTE'],
      action_id: ['integer', 'INTERNAL_IDENTIFIER'],
      user: ['integer', 'INTERNAL_IDENTIFIER'],
      object: ['integer', 'INTERNAL_IDENTIFIER'],
      interface: ['string', 'NOT_REQUESTED_FIELD', 30],
      script: ['string', 'NOT_REQUESTED_FIELD', 255],
      trace: ['string', 'NOT_REQUESTED_FIELD'],
    }),
  },
  {
    // Not Koha: PC-session and room-booking products log by card number.
    table: 'sessions',
    recordType: 'sessions',
    borrowerColumn: 'borrowernumber',
    cardColumn: 'cardnumber',
    dateColumn: 'session_start',
    koha: false,
    columns: columns({
      cardnumber: ['string', 'produce', 32],
      resource: ['string', 'produce', 64],
      resource_type: ['string', 'produce', 16],
      session_start: ['datetime', 'produce'],
      session_end: ['datetime', 'produce'],
      branchcode: ['string', 'produce', 10],
      session_id: ['string', 'INTERNAL_IDENTIFIER', 64],
      borrowernumber: ['integer', 'INTERNAL_IDENTIFIER'],
    }),
  },
  // Lookup tables: what was borrowed. Not records of anyone; their columns are copied into loans, holds and fines.
  {
    table: 'items',
    recordType: null,
    borrowerColumn: null,
    cardColumn: null,
    dateColumn: null,
    koha: true,
    columns: columns({
      itemnumber: ['integer', 'produce'],
      biblionumber: ['integer', 'produce'],
      biblioitemnumber: ['integer', 'produce'],
      barcode: ['string', 'produce', 20],
      itemcallnumber: ['string', 'produce', 255],
      homebranch: ['string', 'produce', 10],
      holdingbranch: ['string', 'produce', 10],
      itype: ['string', 'produce', 10],
      location: ['string', 'produce', 80],
      permanent_location: ['string', 'produce', 80],
      ccode: ['string', 'produce', 80],
      enumchron: ['string', 'produce'],
      copynumber: ['string', 'produce', 32],
      stocknumber: ['string', 'produce', 32],
      materials: ['string', 'produce'],
      uri: ['string', 'produce'],
      cn_source: ['string', 'produce', 10],
      cn_sort: ['string', 'produce', 255],
      dateaccessioned: ['date', 'produce'],
      booksellerid: ['string', 'produce'],
      price: ['decimal', 'produce'],
      replacementprice: ['decimal', 'produce'],
      replacementpricedate: ['date', 'produce'],
      datelastborrowed: ['date', 'produce'],
      datelastseen: ['datetime', 'produce'],
      stack: ['integer', 'produce'],
      notforloan: ['integer', 'produce'],
      damaged: ['integer', 'produce'],
      damaged_on: ['datetime', 'produce'],
      itemlost: ['integer', 'produce'],
      itemlost_on: ['datetime', 'produce'],
      withdrawn: ['integer', 'produce'],
      withdrawn_on: ['datetime', 'produce'],
      coded_location_qualifier: ['string', 'produce', 10],
      issues: ['integer', 'produce'],
      renewals: ['integer', 'produce'],
      reserves: ['integer', 'produce'],
      restricted: ['integer', 'produce'],
      itemnotes: ['string', 'produce'],
      itemnotes_nonpublic: ['string', 'STAFF_NOTE'],
      onloan: ['date', 'produce'],
      more_subfields_xml: ['string', 'NOT_REQUESTED_FIELD'],
      new_status: ['string', 'produce', 32],
      exclude_from_local_holds_priority: ['boolean', 'produce'],
      bookable: ['boolean', 'produce'],
      deleted_on: ['datetime', 'produce'],
      timestamp: ['datetime', 'produce'],
    }),
  },
  {
    table: 'biblio',
    recordType: null,
    borrowerColumn: null,
    cardColumn: null,
    dateColumn: null,
    koha: true,
    columns: columns({
      biblionumber: ['integer', 'produce'],
      frameworkcode: ['string', 'produce', 4],
      author: ['string', 'produce'],
      title: ['string', 'produce'],
      medium: ['string', 'produce'],
      subtitle: ['string', 'produce'],
      part_number: ['string', 'produce'],
      part_name: ['string', 'produce'],
      unititle: ['string', 'produce'],
      notes: ['string', 'produce'],
      serial: ['boolean', 'produce'],
      seriestitle: ['string', 'produce'],
      copyrightdate: ['integer', 'produce'],
      timestamp: ['datetime', 'produce'],
      datecreated: ['date', 'produce'],
      abstract: ['string', 'produce'],
      opac_suppressed: ['boolean', 'produce'],
    }),
  },
  {
    table: 'biblioitems',
    recordType: null,
    borrowerColumn: null,
    cardColumn: null,
    dateColumn: null,
    koha: true,
    columns: columns({
      biblioitemnumber: ['integer', 'produce'],
      biblionumber: ['integer', 'produce'],
      volume: ['string', 'produce'],
      number: ['string', 'produce'],
      itemtype: ['string', 'produce', 10],
      isbn: ['string', 'produce'],
      issn: ['string', 'produce'],
      ean: ['string', 'produce'],
      publicationyear: ['string', 'produce'],
      publishercode: ['string', 'produce', 255],
      volumedate: ['date', 'produce'],
      volumedesc: ['string', 'produce'],
      collectiontitle: ['string', 'produce'],
      collectionissn: ['string', 'produce'],
      collectionvolume: ['string', 'produce'],
      editionstatement: ['string', 'produce'],
      editionresponsibility: ['string', 'produce'],
      timestamp: ['datetime', 'produce'],
      illus: ['string', 'produce', 255],
      pages: ['string', 'produce', 255],
      notes: ['string', 'produce'],
      size: ['string', 'produce', 255],
      place: ['string', 'produce', 255],
      lccn: ['string', 'produce', 255],
      url: ['string', 'produce'],
      cn_source: ['string', 'produce', 10],
      cn_class: ['string', 'produce', 30],
      cn_item: ['string', 'produce', 10],
      cn_suffix: ['string', 'produce', 10],
      cn_sort: ['string', 'produce', 255],
      agerestriction: ['string', 'produce', 255],
      totalissues: ['integer', 'produce'],
    }),
  },
  {
    // Read for the AnonymousPatron preference only: the borrowernumber anonymised history is moved to.
    table: 'systempreferences',
    recordType: null,
    borrowerColumn: null,
    cardColumn: null,
    dateColumn: null,
    koha: true,
    columns: columns({
      variable: ['string', 'produce', 50],
      value: ['string', 'produce'],
      options: ['string', 'produce'],
      explanation: ['string', 'produce'],
      type: ['string', 'produce', 20],
    }),
  },
];

export const KOHA_CATALOGUE: ReadonlyMap<string, KohaTable> = new Map(tables.map((table) => [table.table, table]));

export function kohaTable(name: string): KohaTable | undefined {
  return KOHA_CATALOGUE.get(name);
}
