import { RecordType } from './request-types';

/**
 * One imported row from the library's system, normalised for scoping: which patron it concerns, when it
 * happened and what kind of record it is. `fields` keeps the source columns (Koha names) as they came.
 */
export interface ResponsiveRecord {
  recordType: RecordType;
  /** Koha table the row came from: borrowers, issues, old_issues, reserves, accountlines, search_history, or sessions. */
  sourceTable: string;
  /** The patron the row pertains to; null for anonymised rows. */
  cardNumber: string | null;
  /** ISO date-time the row is dated by (issue date, reserve date, ...); null for patron rows. */
  occurredAt: string | null;
  fields: Record<string, string | number | null>;
}
