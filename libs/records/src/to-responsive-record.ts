import { ResponsiveRecord } from '@custodian/domain';
import { toOccurredAt } from './column-values';
import { PatronCardMap, cardNumberFor, patronReference } from './patron-directory';
import { NormalisedRow } from './row-normaliser';

/** A valid row as the case stores it: which patron, when, what kind, and the source columns. */
export function toResponsiveRecord(row: Pick<NormalisedRow, 'schema' | 'fields'>, cards: PatronCardMap): ResponsiveRecord {
  const { schema, fields } = row;
  return {
    recordType: schema.recordType,
    sourceTable: schema.table,
    cardNumber: cardNumberFor(patronReference(schema, fields), cards),
    occurredAt: schema.dateColumn ? toOccurredAt(fields[schema.dateColumn] ?? null) : null,
    fields,
  };
}
