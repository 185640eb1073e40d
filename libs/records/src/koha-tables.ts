import { CARD_NUMBER_COLUMN, ColumnSpec, TableSchema } from './koha-schema';

/*
 * The tables an import accepts, with Koha's column names (installer/data/mysql/kohastructure.sql) and their
 * SQL limits. Koha's text/mediumtext/longtext columns are capped at 65,535 characters as a sanity limit.
 * "required" marks only what is needed to scope a row (patron, date); the rest of Koha's NOT NULLs are
 * left optional so that exports of a column subset (SQL reports) still load.
 */

const int: ColumnSpec = { type: 'integer' };
const money: ColumnSpec = { type: 'decimal' };
const date: ColumnSpec = { type: 'date' };
const datetime: ColumnSpec = { type: 'datetime' };
const requiredInt: ColumnSpec = { type: 'integer', required: true };
const text = (maxLength = 65535): ColumnSpec => ({ type: 'string', maxLength });
const branchcode = text(10);

const loanColumns: Record<string, ColumnSpec> = {
  issue_id: int,
  borrowernumber: int,
  cardnumber: CARD_NUMBER_COLUMN, // not a Koha column: report exports often join it in
  itemnumber: int,
  barcode: text(20), // from items, so productions read well
  title: text(), // from biblio
  author: text(),
  branchcode,
  issuedate: { type: 'datetime', required: true },
  date_due: datetime,
  returndate: datetime,
  lastreneweddate: datetime,
  renewals_count: int,
  auto_renew: int,
  onsite_checkout: int,
  note: text(),
  notedate: datetime,
  timestamp: datetime,
};

const holdColumns: Record<string, ColumnSpec> = {
  reserve_id: int,
  borrowernumber: int,
  cardnumber: CARD_NUMBER_COLUMN,
  reservedate: { type: 'date', required: true },
  biblionumber: int,
  itemnumber: int,
  title: text(),
  branchcode,
  notificationdate: date,
  reminderdate: date,
  cancellationdate: date,
  cancellation_reason: text(80),
  reservenotes: text(),
  priority: int,
  found: text(1),
  waitingdate: date,
  expirationdate: date,
  suspend_until: datetime,
  itemtype: text(10),
  timestamp: datetime,
};

const tables: TableSchema[] = [
  {
    table: 'borrowers',
    recordType: 'patron',
    borrowerColumn: 'borrowernumber',
    cardColumn: 'cardnumber',
    dateColumn: null,
    columns: {
      borrowernumber: requiredInt,
      cardnumber: { ...CARD_NUMBER_COLUMN, required: true },
      surname: text(),
      firstname: text(),
      title: text(),
      othernames: text(),
      initials: text(),
      dateofbirth: date,
      address: text(),
      address2: text(),
      city: text(),
      state: text(),
      zipcode: text(25),
      country: text(),
      email: text(),
      emailpro: text(),
      phone: text(),
      mobile: text(50),
      branchcode,
      categorycode: text(10),
      dateenrolled: date,
      dateexpiry: date,
      borrowernotes: text(),
      opacnote: text(),
      contactname: text(),
      contactfirstname: text(),
      contacttitle: text(),
      guarantorid: int,
      relationship: text(100),
      sex: text(1),
      userid: text(75),
      sort1: text(80),
      sort2: text(80),
      privacy: int,
      lastseen: datetime,
      updated_on: datetime,
    },
  },
  { table: 'issues', recordType: 'loans', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: 'issuedate', columns: loanColumns },
  { table: 'old_issues', recordType: 'loans', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: 'issuedate', columns: loanColumns },
  { table: 'reserves', recordType: 'holds', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: 'reservedate', columns: holdColumns },
  { table: 'old_reserves', recordType: 'holds', borrowerColumn: 'borrowernumber', cardColumn: 'cardnumber', dateColumn: 'reservedate', columns: holdColumns },
  {
    table: 'accountlines',
    recordType: 'fines',
    borrowerColumn: 'borrowernumber',
    cardColumn: 'cardnumber',
    dateColumn: 'date',
    columns: {
      accountlines_id: int,
      issue_id: int,
      borrowernumber: int,
      cardnumber: CARD_NUMBER_COLUMN,
      itemnumber: int,
      date: { type: 'datetime', required: true },
      amount: money,
      amountoutstanding: money,
      description: text(),
      debit_type_code: text(80),
      credit_type_code: text(80),
      status: text(16),
      payment_type: text(80),
      note: text(),
      manager_id: int,
      interface: text(16),
      branchcode,
      timestamp: datetime,
    },
  },
  {
    table: 'search_history',
    recordType: 'searches',
    borrowerColumn: 'userid', // Koha names the borrowernumber "userid" here
    cardColumn: 'cardnumber',
    dateColumn: 'time',
    columns: {
      id: int,
      userid: int,
      cardnumber: CARD_NUMBER_COLUMN,
      sessionid: text(32),
      query_desc: text(255),
      query_cgi: text(),
      type: text(16),
      total: int,
      time: { type: 'datetime', required: true },
    },
  },
  {
    // Not Koha: PC-session and room-booking products log by card number.
    table: 'sessions',
    recordType: 'sessions',
    borrowerColumn: 'borrowernumber',
    cardColumn: 'cardnumber',
    dateColumn: 'session_start',
    columns: {
      session_id: text(64),
      cardnumber: CARD_NUMBER_COLUMN,
      borrowernumber: int,
      resource: text(64),
      resource_type: text(16),
      session_start: { type: 'datetime', required: true },
      session_end: datetime,
      branchcode,
    },
  },
];

export const KOHA_TABLES: ReadonlyMap<string, TableSchema> = new Map(tables.map((schema) => [schema.table, schema]));
export const KOHA_TABLE_NAMES: readonly string[] = tables.map((schema) => schema.table);

export function tableSchema(table: string): TableSchema | undefined {
  return KOHA_TABLES.get(table);
}
