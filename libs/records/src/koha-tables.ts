import { KOHA_CATALOGUE, KohaTable } from '@custodian/domain';
import { CARD_NUMBER_COLUMN, ColumnSpec, TableSchema } from './koha-schema';

/*
 * The tables an import accepts, derived from the domain's KOHA_CATALOGUE (every column Koha's kohastructure.sql
 * declares, with the redaction policy's rule), so the import and the redaction policy cannot drift apart.
 * Nothing is "required": Koha allows NULL in most columns and SQL reports export subsets. A row that cannot be
 * tied to a patron is imported as not attributable and never produced as anyone's.
 */

function schemaOf(table: KohaTable): TableSchema {
  const columns: Record<string, ColumnSpec> = {};
  const neverStored = new Set<string>();
  for (const [name, column] of Object.entries(table.columns)) {
    if (column.rule === 'never_stored') neverStored.add(name);
    columns[name] = name === table.cardColumn || name === 'cardnumber' ? CARD_NUMBER_COLUMN : { type: column.type, ...(column.maxLength ? { maxLength: column.maxLength } : {}) };
  }
  return {
    table: table.table,
    recordType: table.recordType,
    columns,
    neverStored,
    borrowerColumn: table.borrowerColumn,
    cardColumn: table.cardColumn,
    dateColumn: table.dateColumn,
    ...(table.attributableWhen ? { attributableWhen: table.attributableWhen } : {}),
    koha: table.koha,
  };
}

export const KOHA_TABLES: ReadonlyMap<string, TableSchema> = new Map([...KOHA_CATALOGUE.values()].map((table) => [table.table, schemaOf(table)]));
export const KOHA_TABLE_NAMES: readonly string[] = [...KOHA_TABLES.keys()];

/** Lookup tables whose rows enrich loans, holds and fines with what was borrowed. */
export const LOOKUP_TABLES = new Set(['items', 'biblio', 'biblioitems']);

export function tableSchema(table: string): TableSchema | undefined {
  return KOHA_TABLES.get(table);
}
