import type { FieldReasonCode, RecordType } from '@custodian/domain';

/** How record types, tables and columns are titled in a production. */
export const RECORD_TYPE_TITLES: Record<RecordType, string> = {
  patron: 'Patron registration records',
  loans: 'Loans',
  holds: 'Holds',
  fines: 'Fines and fees',
  searches: 'Catalogue searches',
  sessions: 'Computer and room sessions',
};

const COLUMN_LABELS: Record<string, string> = {
  cardnumber: 'Card number',
  borrowernumber: 'Borrower number',
  issue_id: 'Loan id',
  issuer_id: 'Issued by (staff id)',
  reserve_id: 'Hold id',
  accountlines_id: 'Account line id',
  manager_id: 'Staff id',
  userid: 'User id',
  sessionid: 'Session id',
  session_id: 'Session id',
  id: 'Id',
  timestamp: 'Last changed',
  query_cgi: 'Search URL',
  surname: 'Surname',
  firstname: 'First name',
  middle_name: 'Middle name',
  othernames: 'Other names',
  initials: 'Initials',
  pronouns: 'Pronouns',
  title: 'Title',
  author: 'Author',
  branchcode: 'Library',
  categorycode: 'Category',
  dateenrolled: 'Enrolled',
  dateexpiry: 'Expires',
  address: 'Address',
  address2: 'Address (2)',
  city: 'City',
  state: 'State',
  zipcode: 'ZIP code',
  country: 'Country',
  email: 'E-mail',
  emailpro: 'Work e-mail',
  phone: 'Phone',
  phonepro: 'Work phone',
  mobile: 'Mobile',
  dateofbirth: 'Date of birth',
  sex: 'Sex',
  borrowernotes: 'Staff note',
  opacnote: 'OPAC note',
  contactnote: 'Contact note',
  contactname: 'Contact surname',
  contactfirstname: 'Contact first name',
  guarantorid: 'Guarantor',
  relationship: 'Relationship',
  itemnumber: 'Item number',
  barcode: 'Barcode',
  itemcallnumber: 'Call number',
  issuedate: 'Checked out',
  date_due: 'Due',
  returndate: 'Returned',
  lastreneweddate: 'Last renewed',
  renewals_count: 'Renewals',
  auto_renew: 'Auto-renew',
  onsite_checkout: 'On-site',
  checkin_library: 'Returned at',
  note: 'Note',
  reservedate: 'Placed',
  biblionumber: 'Record number',
  itemtype: 'Item type',
  notificationdate: 'Notified',
  waitingdate: 'Waiting since',
  expirationdate: 'Expires',
  cancellationdate: 'Cancelled',
  cancellation_reason: 'Cancellation reason',
  found: 'Status',
  priority: 'Priority',
  suspend: 'Suspended',
  suspend_until: 'Suspended until',
  item_level_hold: 'Item-level',
  reservenotes: 'Hold note',
  date: 'Date',
  amount: 'Amount',
  amountoutstanding: 'Outstanding',
  description: 'Description',
  debit_type_code: 'Debit type',
  credit_type_code: 'Credit type',
  accounttype: 'Account type',
  status: 'Status',
  payment_type: 'Payment type',
  time: 'Searched at',
  query_desc: 'Search',
  type: 'Interface',
  total: 'Results',
  resource: 'Resource',
  resource_type: 'Resource type',
  session_start: 'Started',
  session_end: 'Ended',
  preferred_name: 'Preferred name',
  date_renewed: 'Renewed',
  code: 'Attribute',
  attribute: 'Value',
  guarantor_id: 'Guarantor',
  datetime: 'Date',
  branch: 'Library',
  value: 'Amount',
  location: 'Shelving location',
  ccode: 'Collection',
  module: 'Module',
  action: 'Action',
  info: 'Details',
};

const WIDE_COLUMNS = new Set(['title', 'author', 'description', 'query_desc', 'address', 'address2', 'email', 'emailpro', 'B_address', 'B_email', 'resource']);

/** The item columns that say what was borrowed; a loan or hold section without any of them says so. */
const WHAT_WAS_BORROWED = ['title', 'barcode', 'itemcallnumber', 'author'];

/**
 * The caption of a section of records: its record type and source table, and, for loans and holds whose export
 * gave neither title nor barcode, that the library's export does not say what was borrowed (so a reader does not
 * take "Item number 90110" for a description).
 */
export function sectionCaption(recordType: RecordType, sourceTable: string, columns: readonly string[]): string {
  const caption = `${RECORD_TYPE_TITLES[recordType]} (${sourceTable})`;
  if ((recordType === 'loans' || recordType === 'holds') && !columns.some((column) => WHAT_WAS_BORROWED.includes(column))) {
    return `${caption}: the library's export gives no title or barcode for these rows`;
  }
  return caption;
}

export function columnLabel(field: string): string {
  return COLUMN_LABELS[field] ?? field;
}

/** Relative column width: long free text gets twice the room. */
/**
 * Identifiers and timestamps someone will search for or copy: wide enough that a 14-digit barcode, a 32-character
 * card number or a date-time fits on one line of its cell.
 */
const IDENTIFIER_WEIGHTS: Record<string, number> = { barcode: 2.3, cardnumber: 2, itemcallnumber: 1.4 };
const DATE_TIME_COLUMNS = new Set(['issuedate', 'date_due', 'returndate', 'lastreneweddate', 'date', 'time', 'datetime', 'timestamp', 'suspend_until', 'session_start', 'session_end', 'notedate']);

export function columnWeight(field: string): number {
  if (WIDE_COLUMNS.has(field)) return 2;
  return IDENTIFIER_WEIGHTS[field] ?? (DATE_TIME_COLUMNS.has(field) ? 1.9 : 1);
}

/**
 * Withholdings marked in each row beside the item. Internal identifiers and housekeeping columns are withheld
 * from every row alike; marking them per row would only lengthen the tables, so the withholding log carries them.
 */
export function markedInRow(reason: FieldReasonCode): boolean {
  return reason !== 'INTERNAL_IDENTIFIER' && reason !== 'NOT_REQUESTED_FIELD';
}
