import { ResponsiveRecord } from '../responsive-record';
import { CaseScope } from '../scope';
import { tablePolicyFor } from './field-policy';
import { RecordReasonCode } from './reason-codes';
import { policyOf, RedactionOptions } from './redaction-options';

export type RecordDecision = { decision: 'produce' } | { decision: 'withhold'; reason: RecordReasonCode };

const ISO_DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

/**
 * Whether one imported row may be produced under the approved scope: a named patron, a requested record
 * type, dated within [from, to] (patron rows carry no date and are in scope when 'patron' is requested), and
 * from a table the policy has assessed. Every doubt withholds.
 */
export function decideRecord(record: ResponsiveRecord, scope: CaseScope, options: RedactionOptions = {}): RecordDecision {
  const reason = withholdingReason(record, scope, options);
  return reason ? { decision: 'withhold', reason } : { decision: 'produce' };
}

function withholdingReason(record: ResponsiveRecord, scope: CaseScope, options: RedactionOptions): RecordReasonCode | null {
  if (!scope.recordTypes.includes(record.recordType)) return 'RECORD_TYPE_NOT_REQUESTED';
  const cardNumber = record.cardNumber?.trim();
  if (!cardNumber) return 'ANONYMISED_RECORD';
  if (!scope.cardNumbers.some((named) => named.trim() === cardNumber)) return 'PATRON_NOT_NAMED';
  if (!rowNamesSamePatron(record, cardNumber)) return 'PATRON_NOT_NAMED';
  // Registration records carry no date; a dated patron row (action_logs: staff actions on the account) is held to the range.
  if (record.recordType !== 'patron' || record.occurredAt !== null) {
    const day = calendarDate(record.occurredAt);
    if (!day) return 'UNDATED_RECORD';
    if (day < scope.from || day > scope.to) return 'OUTSIDE_DATE_RANGE';
  }
  if (!tablePolicyFor(policyOf(options), record.sourceTable, record.recordType)) return 'UNASSESSED_SOURCE';
  return null;
}

/** A row whose own cardnumber column names someone else is not trusted to be the named patron's. */
function rowNamesSamePatron(record: ResponsiveRecord, cardNumber: string): boolean {
  const column = record.fields.cardnumber;
  return column === undefined || column === null || String(column).trim() === cardNumber;
}

/**
 * The calendar date as written in the ISO value (the library's local date when the export carries local
 * times), or null when the value is not an ISO date.
 */
function calendarDate(occurredAt: string | null): string | null {
  const match = occurredAt ? ISO_DATE_PREFIX.exec(occurredAt.trim()) : null;
  return match ? match[1] : null;
}
