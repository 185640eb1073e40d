import { IsoDate, addDays } from '../deadlines/iso-date';
import { DAYS_KEY, RECORD_CLASS_RULES, RecordClass, RetentionSettings } from './retention-schedule';

/** The classes a purge deletes, in the order it deletes them: the case itself last. Audit events are never purged. */
export const PURGEABLE_CLASSES = ['patron_records', 'documents', 'productions', 'letters', 'case_metadata'] as const satisfies readonly RecordClass[];
export type PurgeableClass = (typeof PURGEABLE_CLASSES)[number];

export interface RetentionCase {
  caseId: string;
  caseNumber: string;
  /** Local date the case closed or was withdrawn; null while open. */
  closedOn: IsoDate | null;
  /** Items of each class the case still holds. */
  items: Record<PurgeableClass, number>;
  /** Active holds: legal (litigation) and preservation. Any of them blocks every purge of the case. */
  holds: { kind: 'legal' | 'preservation'; id: string }[];
}

export interface PurgeRule {
  days: number;
  citation: string;
  citySchedule: string;
  /** Cases closed on or before this date are due. */
  closedOnOrBefore: IsoDate;
}

export interface PlannedClass {
  recordClass: PurgeableClass;
  label: string;
  rule: PurgeRule;
  cases: { caseId: string; caseNumber: string; items: number }[];
  items: number;
}

export interface PurgePlanContent {
  today: IsoDate;
  classes: PlannedClass[];
  /** Due by the schedule but held: nothing of these cases is purged. */
  blocked: { caseId: string; caseNumber: string; classes: PurgeableClass[]; holds: { kind: 'legal' | 'preservation'; id: string }[] }[];
  auditEvents: { days: number; citation: string; purged: 0; note: string };
}

/**
 * What a purge would delete today under the schedule, per class, and what holds keep. Pure: the dry run and the
 * execution use the same plan, and execution re-checks holds case by case before deleting anything.
 * The case metadata goes only when nothing else of the case is left or due with it.
 */
export function planPurge(cases: readonly RetentionCase[], settings: RetentionSettings, today: IsoDate): PurgePlanContent {
  const rule = (recordClass: PurgeableClass): PurgeRule => {
    const days = settings[DAYS_KEY[recordClass]] as number;
    return { days, citation: RECORD_CLASS_RULES[recordClass].citation, citySchedule: settings.citySchedule, closedOnOrBefore: addDays(today, -days) };
  };
  const classes: PlannedClass[] = PURGEABLE_CLASSES.map((recordClass) => ({ recordClass, label: RECORD_CLASS_RULES[recordClass].label, rule: rule(recordClass), cases: [], items: 0 }));
  const blocked: PurgePlanContent['blocked'] = [];
  for (const c of cases) {
    // Stryker disable next-line ConditionalExpression: equivalent, an open case's null date compares false with every cut-off date below
    if (!c.closedOn) continue;
    const due = classes.filter((planned) => c.closedOn! <= planned.rule.closedOnOrBefore && (planned.recordClass === 'case_metadata' || c.items[planned.recordClass] > 0));
    if (!due.length) continue;
    if (c.holds.length) {
      blocked.push({ caseId: c.caseId, caseNumber: c.caseNumber, classes: due.map((d) => d.recordClass), holds: c.holds });
      continue;
    }
    for (const planned of due) {
      const items = planned.recordClass === 'case_metadata' ? 1 : c.items[planned.recordClass];
      planned.cases.push({ caseId: c.caseId, caseNumber: c.caseNumber, items });
      planned.items += items;
    }
  }
  return {
    today,
    classes,
    blocked,
    auditEvents: {
      days: settings.auditEventsDays,
      citation: RECORD_CLASS_RULES.audit_events.citation,
      purged: 0,
      note: 'Audit events are kept: the chain is append-only and verified from its first event; the schedule is their minimum.',
    },
  };
}
