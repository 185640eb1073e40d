import { RECORD_TYPES, RecordType } from '../request-types';
import type { CaseScope } from '../scope';
import { FieldRule, fieldRuleReason, RedactionPolicy } from './field-policy';
import { REDACTION_REASONS, RedactionReasonCode } from './reason-codes';

export interface WithheldFields {
  code: RedactionReasonCode;
  label: string;
  basis: string;
  fields: string[];
}

export interface ReleaseSummaryPart {
  recordType: RecordType;
  /** Rows of this type in the imported files (before the patron and date filters). */
  rowsImported: number;
  released: boolean;
  /** Why the whole type is withheld, when it is. */
  withheldBecause: { code: RedactionReasonCode; label: string; basis: string } | null;
  /** Columns withheld from the rows that are released, grouped by reason. */
  withheldFields: WithheldFields[];
}

/**
 * What a production under `scope` would release, for the person who approves it: for each record type, whether
 * it is released, how many rows were imported, and which columns are withheld and why, straight from the policy
 * the production applies. Row-level filters (another patron, outside the dates) are stated by the scope.
 */
export function releaseSummary(scope: CaseScope, policy: RedactionPolicy, rowsByType: Partial<Record<RecordType, number>>): ReleaseSummaryPart[] {
  return RECORD_TYPES.filter((type) => scope.recordTypes.includes(type) || (rowsByType[type] ?? 0) > 0).map((recordType) => {
    const released = scope.recordTypes.includes(recordType);
    const byCode = new Map<RedactionReasonCode, Set<string>>();
    if (released) {
      for (const table of Object.values(policy.tables).filter((t) => t.recordType === recordType)) {
        for (const [field, rule] of Object.entries(table.fields) as [string, FieldRule][]) {
          const code: RedactionReasonCode | null = fieldRuleReason(rule, scope);
          if (code) byCode.set(code, (byCode.get(code) ?? new Set()).add(field));
        }
      }
    }
    const notRequested = REDACTION_REASONS.RECORD_TYPE_NOT_REQUESTED;
    return {
      recordType,
      rowsImported: rowsByType[recordType] ?? 0,
      released,
      withheldBecause: released ? null : { code: 'RECORD_TYPE_NOT_REQUESTED', label: notRequested.label, basis: notRequested.basis },
      withheldFields: [...byCode.entries()].map(([code, fields]) => ({ code, label: REDACTION_REASONS[code].label, basis: REDACTION_REASONS[code].basis, fields: [...fields].sort() })),
    };
  });
}
