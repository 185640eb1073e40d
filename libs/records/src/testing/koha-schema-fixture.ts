import { readFileSync } from 'fs';
import { join } from 'path';

/*
 * Test support: a Koha export generated from koha-schema.md (a copy of ../shared/reference/koha-schema.md, the columns
 * of Koha's kohastructure.sql). Every column of every table, with MySQL-style values as Koha's database and Reports
 * module give them: `2026-03-02 15:31:44`, NULLs, "5.000000", negative payments, UTF-8, quotes and commas in search
 * queries, a guarantor relationship, anonymised history (NULL and the AnonymousPatron). Written as one JSON file,
 * as Reports-style CSV per table, and in the REST API's shape, so tests can check all three become the same records.
 */

export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type Tables = Record<string, Row[]>;

/** Columns per table, in koha-schema.md's order, with their SQL types. */
export function kohaSchemaColumns(): Map<string, [column: string, sql: string][]> {
  const text = readFileSync(join(__dirname, 'koha-schema.md'), 'utf8');
  const tables = new Map<string, [string, string][]>();
  let current: [string, string][] | null = null;
  for (const line of text.split('\n')) {
    const heading = /^## (\w+)/.exec(line);
    if (heading) tables.set(heading[1], (current = []));
    const column = /^\| `([^`]+)` \| (.+) \|$/.exec(line);
    if (column && current) current.push([column[1], column[2]]);
  }
  return tables;
}

export const NAMED = { borrowernumber: 101, cardnumber: '2300-0001 2345', surname: 'Nguyễn', firstname: 'Thảo' };
export const OTHER = { borrowernumber: 102, cardnumber: '23000000099999', surname: 'Ibáñez-Other', firstname: 'Siobhán' };
/** Koha's AnonymousPatron: old loans are anonymised to this borrowernumber. */
export const ANONYMOUS = { borrowernumber: 999, cardnumber: 'ANON-0000', surname: 'Anonymous', firstname: '' };

export const NAMED_TITLE = 'Cien años de soledad, "edición" especial';
export const NAMED_BARCODE = '39000000012345';
export const OTHER_TITLE = 'Zyxwotherpatronsnovel';
export const ANONYMISED_TITLE = 'Qanonymisedloanq';
/** Printed in the value of every staff-only or credential column: none may ever reach a production. */
export const STAFF_ONLY_MARK = 'STAFFONLY';

/** Columns whose values must never print (staff notes, credentials, internal settings): marked with STAFF_ONLY_MARK. */
const STAFF_ONLY = new Set(['borrowernotes', 'opacnote', 'contactnote', 'debarredcomment', 'password', 'secret', 'overdrive_auth_token', 'userid', 'sort1', 'sort2', 'note', 'reservenotes', 'query_cgi', 'sessionid', 'auto_renew_error', 'checkprevcheckout', 'lang', 'auth_method', 'primary_contact_method', 'info', 'script', 'trace', 'other']);

function valueFor(table: string, column: string, sql: string, serial: number): Cell {
  if (/^(tinyint|int)\(1\)/.test(sql)) return serial % 2;
  if (/^(int|bigint|smallint|tinyint)/.test(sql)) return 7000 + serial;
  if (/^(decimal|double)/.test(sql)) return '5.000000';
  if (/^date( |$)/.test(sql)) return '2026-03-02';
  if (/^(datetime|timestamp)/.test(sql)) return `2026-03-02 15:31:${String(10 + (serial % 40)).padStart(2, '0')}`;
  if (/^enum/.test(sql)) return 'password';
  const limit = /varchar\((\d+)\)/.exec(sql);
  const max = limit ? Number(limit[1]) : 200;
  const text = STAFF_ONLY.has(column) ? `${STAFF_ONLY_MARK}${column}` : `${column} é,"${serial}"`;
  return text.length <= max ? text : text.slice(0, max).trim() || 'x';
}

function fullRow(table: string, columns: [string, string][], serial: number, overrides: Row): Row {
  const row: Row = {};
  for (const [column, sql] of columns) row[column] = valueFor(table, column, sql, serial);
  return { ...row, ...overrides };
}

/** The export as Koha's tables: every column of every table in koha-schema.md, plus items, biblio and systempreferences. */
export function kohaSchemaExport(): Tables {
  const schema = kohaSchemaColumns();
  const cols = (table: string) => schema.get(table) ?? [];
  let serial = 0;
  const row = (table: string, overrides: Row) => fullRow(table, cols(table), ++serial, overrides);
  const patron = (p: { borrowernumber: number; cardnumber: string; surname: string; firstname: string }) =>
    row('borrowers', { ...p, branchcode: 'PDL', categorycode: 'ADULT', email: `${p.borrowernumber}@example.net`, dateofbirth: '1984-02-29', sex: 'F', relationship: null });
  const loan = (table: string, borrowernumber: number | null, itemnumber: number, issuedate: string) =>
    row(table, { borrowernumber, itemnumber, issuedate, date_due: '2026-03-23 23:59:00', returndate: table === 'old_issues' ? '2026-03-20 10:00:00' : null, branchcode: 'PDL' });
  return {
    systempreferences: [{ variable: 'AnonymousPatron', value: String(ANONYMOUS.borrowernumber) }],
    borrowers: [patron(NAMED), patron(OTHER), patron(ANONYMOUS)],
    deletedborrowers: [row('deletedborrowers', { borrowernumber: 103, cardnumber: '23000000055555', surname: 'Deleted', firstname: 'Dana', branchcode: 'PDL', categorycode: 'ADULT' })],
    borrower_relationships: [row('borrower_relationships', { guarantor_id: OTHER.borrowernumber, guarantee_id: NAMED.borrowernumber, relationship: 'parent' })],
    borrower_attributes: [row('borrower_attributes', { borrowernumber: NAMED.borrowernumber, code: 'SCHOOL', attribute: `${STAFF_ONLY_MARK}attribute` })],
    items: [
      { itemnumber: 5001, biblionumber: 77, barcode: NAMED_BARCODE, itemcallnumber: 'FIC GAR', homebranch: 'PDL' },
      { itemnumber: 5002, biblionumber: 78, barcode: '39000000099999', itemcallnumber: 'FIC OTH', homebranch: 'PDL' },
      { itemnumber: 5003, biblionumber: 79, barcode: '39000000077777', itemcallnumber: 'FIC ANO', homebranch: 'PDL' },
    ],
    biblio: [
      { biblionumber: 77, title: NAMED_TITLE, author: 'García Márquez, Gabriel' },
      { biblionumber: 78, title: OTHER_TITLE, author: 'Someone Else' },
      { biblionumber: 79, title: ANONYMISED_TITLE, author: 'Nobody' },
    ],
    issues: [loan('issues', NAMED.borrowernumber, 5001, '2026-03-02 15:31:44'), loan('issues', OTHER.borrowernumber, 5002, '2026-03-03 11:00:00')],
    old_issues: [
      loan('old_issues', NAMED.borrowernumber, 5001, '2026-02-02 09:15:00'),
      loan('old_issues', ANONYMOUS.borrowernumber, 5003, '2026-02-10 12:00:00'),
      loan('old_issues', null, 5003, '2026-02-11 12:00:00'),
    ],
    reserves: [row('reserves', { borrowernumber: NAMED.borrowernumber, biblionumber: 77, itemnumber: null, reservedate: '2026-03-05', branchcode: 'PDL' })],
    old_reserves: [row('old_reserves', { borrowernumber: ANONYMOUS.borrowernumber, biblionumber: 79, itemnumber: null, reservedate: '2026-02-05', branchcode: 'PDL' })],
    accountlines: [
      row('accountlines', { borrowernumber: NAMED.borrowernumber, itemnumber: 5001, issue_id: null, date: '2026-03-10 10:00:00', amount: '5.000000', amountoutstanding: '5.000000', description: `Overdue: ${NAMED_TITLE}`, debit_type_code: 'OVERDUE', credit_type_code: null }),
      row('accountlines', { borrowernumber: NAMED.borrowernumber, itemnumber: null, issue_id: null, date: '2026-03-11 10:00:00', amount: '-5.000000', amountoutstanding: '0.000000', description: 'Payment', debit_type_code: null, credit_type_code: 'PAYMENT' }),
    ],
    search_history: [row('search_history', { userid: NAMED.borrowernumber, query_desc: 'kw,wrd: "immigration, forms" & más', time: '2026-03-04 18:22:10' })],
    statistics: [row('statistics', { borrowernumber: NAMED.borrowernumber, itemnumber: 5001, datetime: '2026-03-02 15:31:44', type: 'issue', branch: 'PDL', value: '0.0000' })],
    action_logs: [row('action_logs', { object: NAMED.borrowernumber, module: 'MEMBERS', action: 'MODIFY', timestamp: '2026-03-06 09:00:00' })],
  };
}

/** One JSON file keyed by table, as a database tool or a script over Koha's tables writes it. */
export function toJsonFile(tables: Tables): string {
  return JSON.stringify(tables, null, 1);
}

function csvCell(value: Cell, delimiter: string): string {
  if (value === null) return ''; // Koha's Reports module writes NULL as an empty cell
  const text = String(value);
  return /["\n\r]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Reports-style CSV of one table: the SQL column names as header, NULL as empty, Koha's CSVDelimiter. */
export function toCsvTable(rows: Row[], delimiter = ','): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [columns.join(delimiter), ...rows.map((row) => columns.map((column) => csvCell(row[column] ?? null, delimiter)).join(delimiter))];
  return `${lines.join('\r\n')}\r\n`;
}

const REST_PATRON: Record<string, string> = { borrowernumber: 'patron_id', othernames: 'other_name', zipcode: 'postal_code', dateofbirth: 'date_of_birth', branchcode: 'library_id', categorycode: 'category_id', dateenrolled: 'date_enrolled', dateexpiry: 'expiry_date', borrowernotes: 'staff_notes', sex: 'gender', opacnote: 'opac_notes' };

/** The REST API's shape: patrons, checkouts (with the item and biblio embedded), checked-in checkouts, holds, account lines. */
export function toRestShape(tables: Tables): Record<string, Record<string, unknown>[]> {
  const items = new Map(tables.items.map((item) => [item.itemnumber, item]));
  const biblios = new Map(tables.biblio.map((biblio) => [biblio.biblionumber, biblio]));
  const embedItem = (itemnumber: Cell) => {
    const item = items.get(itemnumber);
    if (!item) return null;
    const biblio = biblios.get(item.biblionumber);
    return { item_id: item.itemnumber, external_id: item.barcode, callnumber: item.itemcallnumber, biblio_id: item.biblionumber, biblio: { title: biblio?.title ?? null, author: biblio?.author ?? null } };
  };
  const iso = (value: Cell) => (typeof value === 'string' && value.length === 19 ? `${value.replace(' ', 'T')}-08:00` : value);
  const checkout = (loan: Row) => ({
    checkout_id: loan.issue_id, patron_id: loan.borrowernumber, item_id: loan.itemnumber, due_date: iso(loan.date_due), library_id: loan.branchcode,
    checkin_date: iso(loan.returndate), checkout_date: iso(loan.issuedate), renewals_count: loan.renewals_count, auto_renew: loan.auto_renew === 1,
    onsite_checkout: loan.onsite_checkout === 1, note: loan.note, timestamp: iso(loan.timestamp), item: embedItem(loan.itemnumber),
  });
  return {
    patrons: tables.borrowers.map((patron) => {
      const out: Record<string, unknown> = { extended_attributes: [], _strings: { library_id: { str: 'Palm Desert' } }, checkouts_count: 1 };
      for (const [column, value] of Object.entries(patron)) out[REST_PATRON[column] ?? column] = value;
      return out;
    }),
    checkouts: tables.issues.map(checkout),
    checked_in_checkouts: tables.old_issues.map(checkout),
    holds: tables.reserves.map((hold) => ({
      hold_id: hold.reserve_id, patron_id: hold.borrowernumber, hold_date: hold.reservedate, biblio_id: hold.biblionumber, pickup_library_id: hold.branchcode,
      priority: hold.priority, status: hold.found, suspended: hold.suspend === 1, notes: hold.reservenotes, biblio: { title: biblios.get(hold.biblionumber)?.title ?? null },
    })),
    account_lines: tables.accountlines.map((line) => ({
      account_line_id: line.accountlines_id, patron_id: line.borrowernumber, item_id: line.itemnumber, date: iso(line.date), amount: Number(line.amount),
      amount_outstanding: Number(line.amountoutstanding), description: line.description, debit_type: line.debit_type_code, credit_type: line.credit_type_code, internal_note: line.note,
    })),
  };
}
