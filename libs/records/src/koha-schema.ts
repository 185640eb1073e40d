import { RecordType } from '@custodian/domain';

export type ColumnType = 'string' | 'integer' | 'decimal' | 'date' | 'datetime';

export interface ColumnSpec {
  type: ColumnType;
  /** A value is needed to scope the row (who, when); a CSV header must then name the column. */
  required?: boolean;
  /** Characters (Koha's varchar/text length); strings only. */
  maxLength?: number;
  /** Extra shape rule for strings, e.g. card numbers. */
  pattern?: { regex: RegExp; description: string };
}

export interface TableSchema {
  table: string;
  recordType: RecordType;
  columns: Readonly<Record<string, ColumnSpec>>;
  /** Column holding the Koha borrowernumber that links the row to a patron (search_history calls it userid). */
  borrowerColumn: string | null;
  /** Column holding the card number directly, when the export carries it. */
  cardColumn: string | null;
  /** Column the row is dated by; becomes ResponsiveRecord.occurredAt. */
  dateColumn: string | null;
}

/** Koha cardnumber is varchar(32); libraries use barcodes of digits and letters. */
export const CARD_NUMBER_COLUMN: ColumnSpec = {
  type: 'string',
  maxLength: 32,
  pattern: { regex: /^[A-Za-z0-9]+$/, description: 'digits and letters only' },
};
