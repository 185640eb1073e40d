import { ResponsiveRecord } from '@custodian/domain';
import { toOccurredAt } from './column-values';
import { ItemCatalogue } from './item-catalogue';
import { PatronDirectory, cardNumberFor, looksAnonymous, patronReference } from './patron-directory';
import { NormalisedRow } from './row-normaliser';

const EMPTY_CATALOGUE = new ItemCatalogue();

/**
 * A valid row as the case stores it: which patron (null when not attributable), when, what kind, and the source
 * columns, with what was borrowed filled in from the upload's items and biblio rows. Lookup tables give no record.
 */
export function toResponsiveRecord(row: Pick<NormalisedRow, 'schema' | 'fields'>, directory: PatronDirectory, catalogue: ItemCatalogue = EMPTY_CATALOGUE): ResponsiveRecord | null {
  const { schema } = row;
  if (schema.recordType === null) return null;
  const fields = schema.recordType === 'loans' || schema.recordType === 'holds' || schema.recordType === 'fines' ? catalogue.describe(row.fields) : row.fields;
  const isPatronRow = schema.table === 'borrowers' || schema.table === 'deletedborrowers';
  return {
    recordType: schema.recordType,
    sourceTable: schema.table,
    // the AnonymousPatron's own borrowers row is no one's registration record either
    cardNumber: isPatronRow && looksAnonymous(fields) ? null : cardNumberFor(patronReference(schema, fields), directory),
    occurredAt: schema.dateColumn ? toOccurredAt(fields[schema.dateColumn] ?? null) : null,
    fields,
  };
}
