import { ResponsiveRecord } from '../responsive-record';
import { CaseScope } from '../scope';
import { FieldValue, isWithheldField, Redaction, redactRecord } from './redact-record';
import { RedactionOptions } from './redaction-options';

/**
 * Every string a redaction keeps out of the production: the values of withheld fields, and every value of a
 * withheld record (its card number and date included), and the card number of a patron the scope names by an
 * alias. Used to verify the rendered file.
 */
export function withheldValuesOf(record: ResponsiveRecord, redaction: Redaction): string[] {
  if (redaction.outcome === 'withheld') {
    return textsOf([record.cardNumber, record.occurredAt, ...Object.values(record.fields)]);
  }
  const withheld = redaction.item.fields.filter(isWithheldField).map(({ field }) => record.fields[field] ?? null);
  // An aliased patron's card number is printed nowhere: the alias stands in for it.
  const card = redaction.item.alias === undefined ? [] : [record.cardNumber, record.fields.cardnumber];
  return textsOf([...card, ...withheld]);
}

/** Every value a redaction lets into the production. */
export function producedValuesOf(redaction: Redaction): string[] {
  if (redaction.outcome === 'withheld') return [];
  return textsOf(redaction.item.fields.map((field) => (isWithheldField(field) ? null : field.value)));
}

/** withheldValuesOf over many records, without duplicates. */
export function withheldValues(records: Iterable<ResponsiveRecord>, scope: CaseScope, options: RedactionOptions = {}): string[] {
  const values = new Set<string>();
  for (const record of records) for (const value of withheldValuesOf(record, redactRecord(record, scope, options))) values.add(value);
  return [...values];
}

/** producedValuesOf over many records, without duplicates. */
export function producedValues(records: Iterable<ResponsiveRecord>, scope: CaseScope, options: RedactionOptions = {}): string[] {
  const values = new Set<string>();
  for (const record of records) for (const value of producedValuesOf(redactRecord(record, scope, options))) values.add(value);
  return [...values];
}

function textsOf(values: Array<FieldValue | undefined>): string[] {
  return values.filter((value): value is string | number => value !== null && value !== undefined && String(value).trim() !== '').map(String);
}
