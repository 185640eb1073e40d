import { RecordType } from '../request-types';
import { ResponsiveRecord } from '../responsive-record';
import { aliasOf, CaseScope } from '../scope';
import { decideRecord } from './decide-record';
import { FieldRule, fieldRuleReason, tablePolicyFor } from './field-policy';
import { FINE_ITEM_FIELDS } from './koha-catalogue';
import { FieldReasonCode, RecordReasonCode, REDACTION_REASONS, RedactionReasonCode } from './reason-codes';
import { policyOf, RedactionOptions } from './redaction-options';

export type FieldValue = string | number | null;
export type ProducedField = { field: string; value: FieldValue };
export type WithheldField = { field: string; withheld: FieldReasonCode };
export type RedactedField = ProducedField | WithheldField;

/** A record as it may be produced: every column either its value or the reason it is withheld. */
export interface ProducedItem {
  recordType: RecordType;
  sourceTable: string;
  cardNumber: string;
  /** Printed instead of the card number when the scope names the patron by an alias; the card number is then withheld. */
  alias?: string;
  occurredAt: string | null;
  /** Policy-listed columns in policy order, then unlisted columns (always withheld). */
  fields: RedactedField[];
}

/** One line of the withholding log. It names the item and the reason, never the withheld value. */
export interface WithholdingLogEntry {
  recordType: RecordType;
  sourceTable: string;
  /** Present when one field of a produced item is withheld; absent when the whole item is. */
  field?: string;
  reasonCode: RedactionReasonCode;
  basis: string;
  /** Which item, e.g. "loan #3": a position in the case's records, not a value from them. */
  itemRef: string;
}

export type Redaction =
  | { outcome: 'produced'; item: ProducedItem; log: WithholdingLogEntry[] }
  | { outcome: 'withheld'; recordType: RecordType; sourceTable: string; reason: RecordReasonCode; log: WithholdingLogEntry[] };

export function isWithheldField(field: RedactedField): field is WithheldField {
  return 'withheld' in field;
}

const ITEM_NOUNS: Record<RecordType, string> = {
  patron: 'patron record',
  loans: 'loan',
  holds: 'hold',
  fines: 'fine or fee',
  searches: 'search',
  sessions: 'session',
};

export function itemReference(recordType: RecordType, ordinal: number): string {
  return `${ITEM_NOUNS[recordType]} #${ordinal}`;
}

/** Applies the record decision and then the field policy to one row. */
export function redactRecord(record: ResponsiveRecord, scope: CaseScope, options: RedactionOptions = {}, itemRef = itemReference(record.recordType, 1)): Redaction {
  const decision = decideRecord(record, scope, options);
  if (decision.decision === 'withhold') {
    const { recordType, sourceTable } = record;
    return { outcome: 'withheld', recordType, sourceTable, reason: decision.reason, log: [logEntry(record, decision.reason, itemRef)] };
  }
  // decideRecord withholds rows of unassessed tables and rows without a card number, so a produced row has both.
  const table = tablePolicyFor(policyOf(options), record.sourceTable, record.recordType)!;
  const unlistedField = policyOf(options).unlistedField;
  const cardNumber = record.cardNumber!.trim();
  const alias = aliasOf(scope, cardNumber);
  // Attribution: every produced row names its patron first, by the card number the scope names or the alias it gives
  // that patron (decideRecord has checked that the row's own cardnumber column, when it has one, says the same), also
  // in tables whose rows carry only a borrowernumber.
  const fields: RedactedField[] = [{ field: 'cardnumber', value: alias ?? cardNumber }];
  const log: WithholdingLogEntry[] = [];
  const hideItems = record.recordType === 'fines' && !scope.recordTypes.includes('loans');
  // Stryker disable next-line ArrowFunction: equivalent, a finder returning undefined is as falsy as one returning false
  const revealsAliasedCard = alias === null ? () => false : cardNumberFinder(cardNumber);
  for (const field of orderedFieldNames(record, table.fields)) {
    if (field === 'cardnumber') continue;
    const value = record.fields[field] ?? null;
    const reason = hideItems && FINE_ITEM_FIELDS.includes(field) ? 'REVEALS_ITEM_BORROWED' : withholdingReason(table.fields[field], unlistedField, scope);
    if (!reason && revealsAliasedCard(value)) {
      // The scope prints an alias for this patron: another column repeating the card number (a user id, a log
      // line) would print it all the same.
      fields.push({ field, withheld: 'PERSONAL_IDENTIFIER' });
      log.push(logEntry(record, 'PERSONAL_IDENTIFIER', itemRef, field));
    } else if (!reason) {
      fields.push({ field, value });
    } else if (hasContent(value)) {
      // An empty column has nothing to withhold; marking it would suggest content that does not exist.
      fields.push({ field, withheld: reason });
      log.push(logEntry(record, reason, itemRef, field));
    }
  }
  const item: ProducedItem = {
    recordType: record.recordType,
    sourceTable: record.sourceTable,
    cardNumber,
    ...(alias === null ? {} : { alias }),
    occurredAt: record.occurredAt,
    fields,
  };
  return { outcome: 'produced', item, log };
}

/** Redacts rows one by one, numbering items per record type ("loan #1", "loan #2", ...) as they come. */
export function createRedactor(scope: CaseScope, options: RedactionOptions = {}): { redact(record: ResponsiveRecord): Redaction } {
  const ordinals = new Map<RecordType, number>();
  return {
    redact(record) {
      const ordinal = (ordinals.get(record.recordType) ?? 0) + 1;
      ordinals.set(record.recordType, ordinal);
      return redactRecord(record, scope, options, itemReference(record.recordType, ordinal));
    },
  };
}

function withholdingReason(fieldRule: FieldRule | undefined, unlistedField: FieldReasonCode, scope: CaseScope): FieldReasonCode | null {
  return fieldRule === undefined ? unlistedField : fieldRuleReason(fieldRule, scope);
}

function orderedFieldNames(record: ResponsiveRecord, listed: Readonly<Record<string, FieldRule>>): string[] {
  const present = Object.keys(record.fields);
  const listedPresent = Object.keys(listed).filter((field) => present.includes(field));
  const unlisted = present.filter((field) => !Object.prototype.hasOwnProperty.call(listed, field));
  return [...listedPresent, ...unlisted];
}

/**
 * Whether a value contains the card number, as the leak check would find it: anywhere (spaces ignored, any case) for
 * a card number with a letter and 6 characters or more, else as a whole token. A card number the leak check cannot
 * test either (no letter, fewer than 6 characters: "42") is not looked for, or every date with "42" in it would go.
 */
function cardNumberFinder(cardNumber: string): (value: FieldValue) => boolean {
  // Stryker disable next-line MethodExpression: equivalent, upper or lower case, both sides are folded the same way
  const compact = (text: string) => text.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  const card = compact(cardNumber);
  const hasLetter = /\p{L}/u.test(card);
  if (hasLetter && card.length >= 6) return (value) => value !== null && compact(String(value)).includes(card);
  // Stryker disable next-line ArrowFunction: equivalent, a finder returning undefined is as falsy as one returning false
  if (!hasLetter && card.length < 6) return () => false;
  const escaped = cardNumber.normalize('NFKC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const token = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
  return (value) => value !== null && token.test(String(value).normalize('NFKC'));
}

function hasContent(value: FieldValue): boolean {
  return value !== null && String(value).trim() !== '';
}

function logEntry(record: ResponsiveRecord, reasonCode: RedactionReasonCode, itemRef: string, field?: string): WithholdingLogEntry {
  return {
    recordType: record.recordType,
    sourceTable: record.sourceTable,
    field,
    reasonCode,
    basis: REDACTION_REASONS[reasonCode].basis,
    itemRef,
  };
}
