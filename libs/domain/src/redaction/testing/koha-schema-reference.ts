/*
 * Test oracle: the columns and MySQL types of the Koha tables that hold patron data, copied from
 * ../shared/reference/koha-schema.md (Koha's installer/data/mysql/kohastructure.sql). Written out here, not read
 * from the catalogue, so a test can check the catalogue against Koha rather than against itself.
 * old_issues, old_reserves and deletedborrowers have the columns of issues, reserves and borrowers.
 */
const TABLES: Record<string, string> = {
  borrowers: 'borrowernumber int(11) | cardnumber varchar(32) | surname longtext | firstname mediumtext | middle_name longtext | title longtext | othernames longtext | initials mediumtext | pronouns longtext | streetnumber tinytext | streettype tinytext | address longtext | address2 mediumtext | city longtext | state mediumtext | zipcode tinytext | country mediumtext | email longtext | phone mediumtext | mobile tinytext | fax longtext | emailpro mediumtext | phonepro mediumtext | B_streetnumber tinytext | B_streettype tinytext | B_address mediumtext | B_address2 mediumtext | B_city longtext | B_state mediumtext | B_zipcode tinytext | B_country mediumtext | B_email mediumtext | B_phone longtext | dateofbirth date | branchcode varchar(10) | categorycode varchar(10) | dateenrolled date | dateexpiry date | password_expiration_date date | date_renewed date | gonenoaddress tinyint(1) | lost tinyint(1) | debarred date | debarredcomment varchar(255) | contactname longtext | contactfirstname mediumtext | contacttitle mediumtext | borrowernotes longtext | relationship varchar(100) | sex varchar(1) | password varchar(60) | secret mediumtext | auth_method enum | flags bigint(11) | userid varchar(75) | opacnote longtext | contactnote varchar(255) | sort1 varchar(80) | sort2 varchar(80) | altcontactfirstname mediumtext | altcontactsurname mediumtext | altcontactaddress1 mediumtext | altcontactaddress2 mediumtext | altcontactaddress3 mediumtext | altcontactstate mediumtext | altcontactzipcode mediumtext | altcontactcountry mediumtext | altcontactphone mediumtext | smsalertnumber varchar(50) | sms_provider_id int(11) | privacy int(11) | privacy_guarantor_fines tinyint(1) | privacy_guarantor_checkouts tinyint(1) | checkprevcheckout varchar(7) | updated_on timestamp | lastseen datetime | lang varchar(25) | login_attempts int(4) | overdrive_auth_token mediumtext | anonymized tinyint(1) | autorenew_checkouts tinyint(1) | primary_contact_method varchar(45)',
  issues: 'issue_id int(11) | borrowernumber int(11) | issuer_id int(11) | itemnumber int(11) | date_due datetime | branchcode varchar(10) | returndate datetime | lastreneweddate datetime | renewals_count tinyint(4) | unseen_renewals tinyint(4) | auto_renew tinyint(1) | auto_renew_error varchar(32) | timestamp timestamp | issuedate datetime | onsite_checkout int(1) | note longtext | notedate datetime | noteseen int(1)',
  reserves: 'reserve_id int(11) | borrowernumber int(11) | reservedate date | biblionumber int(11) | item_group_id int(11) | branchcode varchar(10) | desk_id int(11) | notificationdate date | reminderdate date | cancellationdate date | cancellation_reason varchar(80) | reservenotes longtext | priority smallint(6) | found varchar(1) | timestamp timestamp | itemnumber int(11) | waitingdate date | expirationdate date | patron_expiration_date date | lowestPriority tinyint(1) | suspend tinyint(1) | suspend_until datetime | itemtype varchar(10) | item_level_hold tinyint(1) | non_priority tinyint(1)',
  accountlines: 'accountlines_id int(11) | issue_id int(11) | borrowernumber int(11) | itemnumber int(11) | date timestamp | amount decimal(28,6) | description longtext | credit_type_code varchar(80) | debit_type_code varchar(80) | credit_number varchar(20) | status varchar(16) | payment_type varchar(80) | amountoutstanding decimal(28,6) | timestamp timestamp | note mediumtext | manager_id int(11) | register_id int(11) | interface varchar(16) | branchcode varchar(10)',
  search_history: 'id int(11) | userid int(11) | sessionid varchar(32) | query_desc varchar(255) | query_cgi mediumtext | type varchar(16) | total int(11) | time timestamp',
  statistics: 'datetime datetime | branch varchar(10) | value double(16,4) | type varchar(16) | other longtext | itemnumber int(11) | itemtype varchar(10) | location varchar(80) | borrowernumber int(11) | ccode varchar(80) | categorycode varchar(10) | interface varchar(30)',
  action_logs: 'action_id int(11) | timestamp timestamp | user int(11) | module mediumtext | action mediumtext | object int(11) | info mediumtext | interface varchar(30) | script varchar(255) | trace text',
  borrower_attributes: 'id int(11) | borrowernumber int(11) | code varchar(10) | attribute varchar(255)',
  borrower_relationships: 'id int(11) | guarantor_id int(11) | guarantee_id int(11) | relationship varchar(100)',
};

export const KOHA_REFERENCE_COPIES: Readonly<Record<string, string>> = { old_issues: 'issues', old_reserves: 'reserves', deletedborrowers: 'borrowers' };

/** Column name to its declared SQL type (e.g. "varchar(32)", "tinyint(1)"), per table, copies included. */
export function kohaReferenceColumns(table: string): Record<string, string> {
  const spec = TABLES[KOHA_REFERENCE_COPIES[table] ?? table];
  if (spec === undefined) throw new Error(`${table} is not in the reference`);
  return Object.fromEntries(spec.split(' | ').map((column) => column.split(' ') as [string, string]));
}

export const KOHA_REFERENCE_TABLES: readonly string[] = [...Object.keys(TABLES), ...Object.keys(KOHA_REFERENCE_COPIES)];
