import { RecordType } from '../request-types';
import type { CaseScope } from '../scope';
import { KOHA_CATALOGUE } from './koha-catalogue';
import { FieldReasonCode } from './reason-codes';

/**
 * What happens to one column of a produced record: `produce`; `contact`, produced only when the scope asks
 * for contact details; or the reason it is withheld.
 */
export type FieldRule = 'produce' | 'contact' | FieldReasonCode;

/**
 * Why a column under `rule` is withheld from a production under `scope`, or null when it is produced. The one
 * reading of the scope's consent to contact details, for the redaction and the director's release summary alike.
 */
export function fieldRuleReason(rule: FieldRule, scope: Pick<CaseScope, 'includeContactDetails'>): FieldReasonCode | null {
  if (rule === 'produce') return null;
  if (rule === 'contact') return scope.includeContactDetails === true ? null : 'CONTACT_NOT_REQUESTED';
  return rule;
}

export interface TablePolicy {
  /** The record type rows of this table must carry; a row claiming another type is not assessed. */
  recordType: RecordType;
  /** Columns in the order a production shows them. */
  fields: Readonly<Record<string, FieldRule>>;
}

/** The redaction policy as data, per Koha table. Counsel may pass their own to replace the default. */
export interface RedactionPolicy {
  tables: Readonly<Record<string, TablePolicy>>;
  /** Columns a table's policy does not list: withheld, so a new export column is never produced unreviewed. */
  unlistedField: FieldReasonCode;
}

/** Derived from KOHA_CATALOGUE, so the import and the policy know the same columns (credentials are never stored). */
function policyFromCatalogue(): Record<string, TablePolicy> {
  const tables: Record<string, TablePolicy> = {};
  for (const table of KOHA_CATALOGUE.values()) {
    if (table.recordType === null) continue;
    const fields: Record<string, FieldRule> = {};
    for (const [name, column] of Object.entries(table.columns)) fields[name] = column.rule === 'never_stored' ? 'NOT_REQUESTED_FIELD' : column.rule;
    tables[table.table] = { recordType: table.recordType, fields };
  }
  return tables;
}

export const DEFAULT_REDACTION_POLICY: RedactionPolicy = {
  unlistedField: 'UNLISTED_FIELD',
  tables: policyFromCatalogue(),
};

/** The table's policy when it covers rows of `recordType`; otherwise the row is not assessed. */
export function tablePolicyFor(policy: RedactionPolicy, sourceTable: string, recordType: RecordType): TablePolicy | undefined {
  const table = Object.prototype.hasOwnProperty.call(policy.tables, sourceTable) ? policy.tables[sourceTable] : undefined;
  return table && table.recordType === recordType ? table : undefined;
}
