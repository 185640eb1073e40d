import { RecordType } from '../request-types';
import { Redaction } from './redact-record';
import { REDACTION_REASONS, RedactionReasonCode } from './reason-codes';

/** Withholdings of one kind (record type, table, field, reason) with how many items they affect. */
export interface WithholdingSummaryEntry {
  recordType: RecordType;
  sourceTable: string;
  field?: string;
  reasonCode: RedactionReasonCode;
  basis: string;
  count: number;
  describedInProduction: boolean;
}

export interface ItemCounts {
  produced: number;
  withheld: number;
}

/**
 * Tallies redactions as they stream past: memory grows with the kinds of withholding, not with the number of
 * rows, so a 100,000-row production keeps a log of a few dozen lines.
 */
export class WithholdingSummary {
  private readonly entriesByKey = new Map<string, WithholdingSummaryEntry>();
  private readonly counts = new Map<RecordType, ItemCounts>();

  add(redaction: Redaction): void {
    for (const entry of redaction.log) {
      const key = JSON.stringify([entry.recordType, entry.sourceTable, entry.field, entry.reasonCode]);
      const existing = this.entriesByKey.get(key);
      if (existing) existing.count++;
      else
        this.entriesByKey.set(key, {
          recordType: entry.recordType,
          sourceTable: entry.sourceTable,
          field: entry.field,
          reasonCode: entry.reasonCode,
          basis: entry.basis,
          count: 1,
          describedInProduction: REDACTION_REASONS[entry.reasonCode].describedInProduction,
        });
    }
    const recordType = redaction.outcome === 'produced' ? redaction.item.recordType : redaction.recordType;
    const counts = this.counts.get(recordType) ?? { produced: 0, withheld: 0 };
    if (redaction.outcome === 'produced') counts.produced++;
    else counts.withheld++;
    this.counts.set(recordType, counts);
  }

  /** Entries in a stable order: record type, table, whole items before fields, field, reason. */
  entries(): WithholdingSummaryEntry[] {
    return [...this.entriesByKey.values()].sort(
      (a, b) =>
        a.recordType.localeCompare(b.recordType) ||
        a.sourceTable.localeCompare(b.sourceTable) ||
        (a.field ?? '').localeCompare(b.field ?? '') ||
        a.reasonCode.localeCompare(b.reasonCode),
    );
  }

  itemCounts(): Partial<Record<RecordType, ItemCounts>> {
    return Object.fromEntries([...this.counts].map(([recordType, counts]) => [recordType, { ...counts }]));
  }
}
