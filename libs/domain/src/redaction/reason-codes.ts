import { CITATIONS } from './citations';

/**
 * Why a record or a field is not produced. `level` says whether the code withholds a whole record or one field.
 * `describedInProduction` separates records that are responsive but withheld (listed in the production's
 * withholding log) from records outside the authority altogether: describing those, even by count, would tell
 * the requester about patron use the authority does not reach (e.g. loans outside the date range), so they are
 * logged for the case file only. Counsel may change either through a custom catalogue passed with the policy.
 *
 * Kept as one exported map so it can be merged into the rules catalogue (libs/domain/src/rules) when that lands.
 */
export interface RedactionReason {
  level: 'record' | 'field';
  label: string;
  basis: string;
  describedInProduction: boolean;
}

const PATRON_RECORDS = CITATIONS.patronRecords;

export const REDACTION_REASONS = {
  RECORD_TYPE_NOT_REQUESTED: {
    level: 'record',
    label: 'Record type not named in the authority',
    basis: `${PATRON_RECORDS}: disclosure only as the authority allows; ${CITATIONS.alaProcedure}`,
    describedInProduction: false,
  },
  PATRON_NOT_NAMED: {
    level: 'record',
    label: 'Concerns a patron not named in the authority',
    basis: `${PATRON_RECORDS}: another patron's records; ${CITATIONS.alaProcedure}`,
    describedInProduction: false,
  },
  ANONYMISED_RECORD: {
    level: 'record',
    label: 'Anonymised row, not shown to concern a named patron',
    basis: `${PATRON_RECORDS}; ${CITATIONS.alaProcedure}`,
    describedInProduction: false,
  },
  OUTSIDE_DATE_RANGE: {
    level: 'record',
    label: 'Dated outside the date range of the authority',
    basis: `${PATRON_RECORDS}; ${CITATIONS.alaProcedure}`,
    describedInProduction: false,
  },
  UNDATED_RECORD: {
    level: 'record',
    label: 'Undated row, not shown to fall within the date range',
    basis: `${PATRON_RECORDS}; ${CITATIONS.alaProcedure}`,
    describedInProduction: false,
  },
  UNASSESSED_SOURCE: {
    level: 'record',
    label: 'Source table not assessed by the redaction policy; withheld pending review',
    basis: `${PATRON_RECORDS}: withheld until counsel assesses the source (fail closed)`,
    describedInProduction: true,
  },
  STAFF_NOTE: {
    level: 'field',
    label: 'Library staff note, not a record named in the authority',
    basis: `${PATRON_RECORDS}; ${CITATIONS.alaProcedure}`,
    describedInProduction: true,
  },
  PERSONAL_IDENTIFIER: {
    level: 'field',
    label: 'Personal identifier not named in the authority (e.g. date of birth)',
    basis: `${PATRON_RECORDS}: identifying information given to use the library`,
    describedInProduction: true,
  },
  CONTACT_NOT_REQUESTED: {
    level: 'field',
    label: 'Contact details (address, e-mail, telephone) not requested',
    basis: `${PATRON_RECORDS}: identifying information given to use the library`,
    describedInProduction: true,
  },
  OTHER_PATRON: {
    level: 'field',
    label: 'Identifies another person (guarantor or contact)',
    basis: `${PATRON_RECORDS}: records of a person not named in the authority`,
    describedInProduction: true,
  },
  INTERNAL_IDENTIFIER: {
    level: 'field',
    label: 'Internal system identifier',
    basis: `${PATRON_RECORDS}: not part of the records named; the card number identifies the patron`,
    describedInProduction: true,
  },
  NOT_REQUESTED_FIELD: {
    level: 'field',
    label: 'Field not within the records named (account settings, credentials, housekeeping)',
    basis: `${PATRON_RECORDS}; ${CITATIONS.alaProcedure}`,
    describedInProduction: true,
  },
  REVEALS_ITEM_BORROWED: {
    level: 'field',
    label: 'Says what was borrowed; released records of fines do not reach loans',
    basis: `Gov. Code §§ 7927.100(b), 7927.105(b)(2): records of fines are not exempt, what was borrowed is (${PATRON_RECORDS})`,
    describedInProduction: true,
  },
  UNLISTED_FIELD: {
    level: 'field',
    label: 'Field not assessed by the redaction policy; withheld pending review',
    basis: `${PATRON_RECORDS}: withheld until counsel assesses the field (fail closed)`,
    describedInProduction: true,
  },
} as const satisfies Record<string, RedactionReason>;

export type RedactionReasonCode = keyof typeof REDACTION_REASONS;
export type RecordReasonCode = { [C in RedactionReasonCode]: (typeof REDACTION_REASONS)[C]['level'] extends 'record' ? C : never }[RedactionReasonCode];
export type FieldReasonCode = Exclude<RedactionReasonCode, RecordReasonCode>;

export function isRedactionReasonCode(value: unknown): value is RedactionReasonCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REDACTION_REASONS, value);
}

/** The fixed placeholder written instead of a withheld value: never sized to the original (domain.md §6). */
export function withheldToken(code: RedactionReasonCode): string {
  return `[WITHHELD: ${code}]`;
}
