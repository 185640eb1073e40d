import { RecordType } from '../request-types';
import { FieldReasonCode } from './reason-codes';

/**
 * What happens to one column of a produced record: `produce`; `contact`, produced only when the scope asks
 * for contact details; or the reason it is withheld.
 */
export type FieldRule = 'produce' | 'contact' | FieldReasonCode;

export interface TablePolicy {
  /** The record type rows of this table must carry; a row claiming another type is not assessed. */
  recordType: RecordType;
  /** Columns in the order a production shows them. */
  fields: Readonly<Record<string, FieldRule>>;
}

/** The redaction policy as data, per Koha table. Counsel may pass their own to replace the default. */
export interface RedactionPolicy {
  tables: Readonly<Record<string, TablePolicy>>;
  /** Columns a table's policy does not list: withheld, so a new export column is never produced unreviewed. */
  unlistedField: FieldReasonCode;
}

function rule(fieldRule: FieldRule, ...fields: string[]): Record<string, FieldRule> {
  return Object.fromEntries(fields.map((field) => [field, fieldRule]));
}

const LOAN_FIELDS: Record<string, FieldRule> = {
  ...rule('produce', 'cardnumber', 'itemnumber', 'barcode', 'title', 'author', 'itemcallnumber', 'branchcode'),
  ...rule('produce', 'issuedate', 'date_due', 'returndate', 'lastreneweddate', 'renewals_count', 'auto_renew', 'onsite_checkout', 'checkin_library'),
  ...rule('STAFF_NOTE', 'note', 'notedate', 'noteseen'),
  ...rule('INTERNAL_IDENTIFIER', 'issue_id', 'borrowernumber', 'issuer_id'),
  ...rule('NOT_REQUESTED_FIELD', 'timestamp', 'unseen_renewals', 'auto_renew_error'),
};

const HOLD_FIELDS: Record<string, FieldRule> = {
  ...rule('produce', 'cardnumber', 'reservedate', 'biblionumber', 'itemnumber', 'title', 'author', 'itemtype', 'branchcode'),
  ...rule('produce', 'notificationdate', 'waitingdate', 'expirationdate', 'cancellationdate', 'cancellation_reason', 'found', 'priority'),
  ...rule('produce', 'suspend', 'suspend_until', 'item_level_hold'),
  ...rule('STAFF_NOTE', 'reservenotes'),
  ...rule('INTERNAL_IDENTIFIER', 'reserve_id', 'borrowernumber', 'desk_id', 'item_group_id'),
  ...rule('NOT_REQUESTED_FIELD', 'timestamp', 'reminderdate', 'lowestPriority', 'non_priority', 'patron_expiration_date'),
};

export const DEFAULT_REDACTION_POLICY: RedactionPolicy = {
  unlistedField: 'UNLISTED_FIELD',
  tables: {
    borrowers: {
      recordType: 'patron',
      fields: {
        ...rule('produce', 'cardnumber', 'surname', 'firstname', 'middle_name', 'title', 'othernames', 'initials', 'pronouns'),
        ...rule('produce', 'branchcode', 'categorycode', 'dateenrolled', 'dateexpiry'),
        ...rule('contact', 'streetnumber', 'streettype', 'address', 'address2', 'city', 'state', 'zipcode', 'country'),
        ...rule('contact', 'email', 'emailpro', 'phone', 'phonepro', 'mobile', 'fax', 'smsalertnumber'),
        ...rule('contact', 'B_streetnumber', 'B_streettype', 'B_address', 'B_address2', 'B_city', 'B_state', 'B_zipcode', 'B_country'),
        ...rule('contact', 'B_email', 'B_phone'),
        ...rule('PERSONAL_IDENTIFIER', 'dateofbirth', 'sex'),
        ...rule('STAFF_NOTE', 'borrowernotes', 'opacnote', 'contactnote', 'debarredcomment'),
        ...rule('OTHER_PATRON', 'contactname', 'contactfirstname', 'contacttitle', 'guarantorid', 'relationship'),
        ...rule('OTHER_PATRON', 'altcontactfirstname', 'altcontactsurname', 'altcontactaddress1', 'altcontactaddress2', 'altcontactaddress3'),
        ...rule('OTHER_PATRON', 'altcontactstate', 'altcontactzipcode', 'altcontactcountry', 'altcontactphone'),
        ...rule('INTERNAL_IDENTIFIER', 'borrowernumber'),
        ...rule('NOT_REQUESTED_FIELD', 'userid', 'password', 'secret', 'auth_method', 'flags', 'sort1', 'sort2', 'privacy'),
        ...rule('NOT_REQUESTED_FIELD', 'privacy_guarantor_fines', 'privacy_guarantor_checkouts', 'sms_provider_id', 'login_attempts'),
        ...rule('NOT_REQUESTED_FIELD', 'overdrive_auth_token', 'lang', 'updated_on', 'lastseen', 'gonenoaddress', 'lost', 'debarred'),
        ...rule('NOT_REQUESTED_FIELD', 'checkprevcheckout', 'autorenew_checkouts', 'primary_contact_method', 'anonymized', 'protected'),
        ...rule('NOT_REQUESTED_FIELD', 'password_expiration_date', 'date_renewed'),
      },
    },
    issues: { recordType: 'loans', fields: LOAN_FIELDS },
    old_issues: { recordType: 'loans', fields: LOAN_FIELDS },
    reserves: { recordType: 'holds', fields: HOLD_FIELDS },
    old_reserves: { recordType: 'holds', fields: HOLD_FIELDS },
    accountlines: {
      recordType: 'fines',
      fields: {
        ...rule('produce', 'cardnumber', 'date', 'amount', 'amountoutstanding', 'description', 'debit_type_code', 'credit_type_code'),
        ...rule('produce', 'accounttype', 'status', 'payment_type', 'itemnumber', 'branchcode'),
        ...rule('STAFF_NOTE', 'note'),
        ...rule('INTERNAL_IDENTIFIER', 'accountlines_id', 'issue_id', 'borrowernumber', 'manager_id', 'register_id', 'credit_number'),
        ...rule('NOT_REQUESTED_FIELD', 'timestamp', 'interface'),
      },
    },
    search_history: {
      recordType: 'searches',
      fields: {
        ...rule('produce', 'cardnumber', 'time', 'query_desc', 'type', 'total'),
        // Koha's search_history.userid is the borrowernumber, not a login name.
        ...rule('INTERNAL_IDENTIFIER', 'id', 'userid', 'sessionid'),
        // The same search again as a URL query string; query_desc already produces it.
        ...rule('NOT_REQUESTED_FIELD', 'query_cgi'),
      },
    },
    sessions: {
      recordType: 'sessions',
      fields: {
        ...rule('produce', 'cardnumber', 'resource', 'resource_type', 'session_start', 'session_end', 'branchcode'),
        ...rule('INTERNAL_IDENTIFIER', 'session_id', 'borrowernumber'),
      },
    },
  },
};

/** The table's policy when it covers rows of `recordType`; otherwise the row is not assessed. */
export function tablePolicyFor(policy: RedactionPolicy, sourceTable: string, recordType: RecordType): TablePolicy | undefined {
  const table = Object.prototype.hasOwnProperty.call(policy.tables, sourceTable) ? policy.tables[sourceTable] : undefined;
  return table && table.recordType === recordType ? table : undefined;
}
