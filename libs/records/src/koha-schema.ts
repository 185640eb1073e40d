import { KohaColumnType, RecordType } from '@custodian/domain';

export type ColumnType = KohaColumnType;

export interface ColumnSpec {
  type: ColumnType;
  /** Characters (Koha's varchar/text length); strings only. */
  maxLength?: number;
  /** Extra shape rule for strings, e.g. card numbers. */
  pattern?: { regex: RegExp; description: string };
}

export interface TableSchema {
  table: string;
  /** null for lookup tables (items, biblio, biblioitems): they describe what was borrowed and are no one's records. */
  recordType: RecordType | null;
  columns: Readonly<Record<string, ColumnSpec>>;
  /** Credentials and tokens: dropped as they are read, never sealed. */
  neverStored: ReadonlySet<string>;
  /** Column holding the Koha borrowernumber that links the row to a patron (search_history calls it userid). */
  borrowerColumn: string | null;
  /** Column holding the card number directly, when the export carries it. */
  cardColumn: string | null;
  /** Column the row is dated by; becomes ResponsiveRecord.occurredAt. */
  dateColumn: string | null;
  /** The borrower column names a patron only when this column has one of these values (action_logs.module). */
  attributableWhen?: { column: string; values: readonly string[] };
  /** False for tables Koha does not have (sessions). */
  koha: boolean;
}

/** Koha cardnumber is varchar(32): libraries use digits, letters, hyphens and spaces; control characters are refused. */
export const CARD_NUMBER_COLUMN: ColumnSpec = {
  type: 'string',
  maxLength: 32,
  // eslint-disable-next-line no-control-regex
  pattern: { regex: /^[^\u0000-\u001f\u007f]+$/, description: 'printable characters only' },
};
