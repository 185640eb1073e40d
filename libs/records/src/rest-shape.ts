/*
 * The Koha REST API (api/v1/swagger/definitions: patron.yaml, checkout.yaml, hold.yaml, account_line.yaml) names
 * the same data differently. A JSON export keyed by the API's names ("patrons", "checkouts", ...) or a saved
 * response (a bare list, named by its file or the upload's table) is mapped onto Koha's tables and columns, so
 * it becomes the same records. Embedded objects (x-koha-embed: item, biblio, patron) arrive flattened as
 * "item.external_id" and are mapped too.
 */

export interface RestTable {
  table: string;
  columns: Readonly<Record<string, string>>;
}

const ITEM_EMBEDS = {
  external_id: 'barcode', // checkout.yaml: "other identifier of checked out item f.e. barcode"
  'item.external_id': 'barcode',
  'item.callnumber': 'itemcallnumber',
  'item.biblio_id': 'biblionumber',
  'item.biblio.title': 'title',
  'item.biblio.author': 'author',
  'biblio.title': 'title',
  'biblio.author': 'author',
  'patron.cardnumber': 'cardnumber',
};

const PATRON: Record<string, string> = {
  patron_id: 'borrowernumber',
  other_name: 'othernames',
  street_number: 'streetnumber',
  street_type: 'streettype',
  postal_code: 'zipcode',
  secondary_email: 'emailpro',
  secondary_phone: 'phonepro',
  altaddress_street_number: 'B_streetnumber',
  altaddress_street_type: 'B_streettype',
  altaddress_address: 'B_address',
  altaddress_address2: 'B_address2',
  altaddress_city: 'B_city',
  altaddress_state: 'B_state',
  altaddress_postal_code: 'B_zipcode',
  altaddress_country: 'B_country',
  altaddress_email: 'B_email',
  altaddress_phone: 'B_phone',
  date_of_birth: 'dateofbirth',
  library_id: 'branchcode',
  category_id: 'categorycode',
  date_enrolled: 'dateenrolled',
  expiry_date: 'dateexpiry',
  incorrect_address: 'gonenoaddress',
  patron_card_lost: 'lost',
  staff_notes: 'borrowernotes',
  relationship_type: 'relationship',
  gender: 'sex',
  opac_notes: 'opacnote',
  altaddress_notes: 'contactnote',
  statistics_1: 'sort1',
  statistics_2: 'sort2',
  altcontact_firstname: 'altcontactfirstname',
  altcontact_surname: 'altcontactsurname',
  altcontact_address: 'altcontactaddress1',
  altcontact_address2: 'altcontactaddress2',
  altcontact_city: 'altcontactaddress3',
  altcontact_state: 'altcontactstate',
  altcontact_postal_code: 'altcontactzipcode',
  altcontact_country: 'altcontactcountry',
  altcontact_phone: 'altcontactphone',
  sms_number: 'smsalertnumber',
  check_previous_checkout: 'checkprevcheckout',
  last_seen: 'lastseen',
};

const CHECKOUT: Record<string, string> = {
  ...ITEM_EMBEDS,
  checkout_id: 'issue_id',
  patron_id: 'borrowernumber',
  item_id: 'itemnumber',
  due_date: 'date_due',
  library_id: 'branchcode',
  checkin_date: 'returndate',
  checkin_library_id: 'checkin_library',
  last_renewed_date: 'lastreneweddate',
  checkout_date: 'issuedate',
  note_date: 'notedate',
  note_seen: 'noteseen',
};

const HOLD: Record<string, string> = {
  ...ITEM_EMBEDS,
  hold_id: 'reserve_id',
  patron_id: 'borrowernumber',
  hold_date: 'reservedate',
  biblio_id: 'biblionumber',
  pickup_library_id: 'branchcode',
  cancellation_date: 'cancellationdate',
  notes: 'reservenotes',
  status: 'found',
  item_id: 'itemnumber',
  waiting_date: 'waitingdate',
  expiration_date: 'expirationdate',
  lowest_priority: 'lowestPriority',
  suspended: 'suspend',
  suspended_until: 'suspend_until',
  item_type: 'itemtype',
  item_level: 'item_level_hold',
};

const ACCOUNT_LINE: Record<string, string> = {
  ...ITEM_EMBEDS,
  account_line_id: 'accountlines_id',
  checkout_id: 'issue_id',
  patron_id: 'borrowernumber',
  item_id: 'itemnumber',
  account_type: 'accounttype',
  debit_type: 'debit_type_code',
  credit_type: 'credit_type_code',
  amount_outstanding: 'amountoutstanding',
  internal_note: 'note',
  user_id: 'manager_id',
  library_id: 'branchcode',
  cash_register_id: 'register_id',
};

/** REST resource names (and the names a clerk may give a saved response) → Koha table and column renames. */
export const REST_TABLES: ReadonlyMap<string, RestTable> = new Map([
  ['patrons', { table: 'borrowers', columns: PATRON }],
  ['checkouts', { table: 'issues', columns: CHECKOUT }],
  // GET /api/v1/checkouts?checked_in=1: returned loans, Koha's old_issues
  ['checked_in_checkouts', { table: 'old_issues', columns: CHECKOUT }],
  ['old_checkouts', { table: 'old_issues', columns: CHECKOUT }],
  ['holds', { table: 'reserves', columns: HOLD }],
  ['old_holds', { table: 'old_reserves', columns: HOLD }],
  ['account_lines', { table: 'accountlines', columns: ACCOUNT_LINE }],
  ['accounts', { table: 'accountlines', columns: ACCOUNT_LINE }],
]);

export function restTable(name: string): RestTable | undefined {
  return REST_TABLES.get(name);
}
