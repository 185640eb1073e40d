import type { HolidayCalendar, ClosedDayKind } from './holiday-calendar';
import type { IsoDate } from './iso-date';
import type { DateInput } from './local-date';

/** Calendar days count every day; court and working days skip the closed days of the clock's calendar while counting. */
export type DayCounting = 'calendar' | 'court' | 'working';

/** What the date means: a duty to act by it, a validity that ends, an order or hold that lapses, or a goal. */
export type DeadlineKind = 'respond_by' | 'comply_by' | 'expires' | 'lapses' | 'target';

/** The rule behind a clock: what it is called, where it comes from, and whether it may be extended. */
export interface DeadlineRuleMeta {
  clock: string;
  label: string;
  citation: string;
  kind: DeadlineKind;
  /** The event the period runs from, worded for a sentence: 'receipt of the request'. */
  startsFrom: string;
  /** Largest extension the rule allows; absent means the rule allows none. */
  maxExtensionDays?: number;
  extensionCitation?: string;
}

/**
 * A span during which the clock does not run (e.g. the case waits in needs_info). Like a period under
 * Code Civ. Proc. § 12, the day it starts still counts and the day it ends does not; an open pause (no `to`)
 * stops the clock until it is closed.
 */
export interface DeadlinePause {
  from: DateInput;
  to?: DateInput | null;
  reason: string;
}

export interface DeadlineExtension {
  days: number;
  reason: string;
  grantedAt: DateInput;
}

export interface DeadlineInput {
  rule: DeadlineRuleMeta;
  start: DateInput;
  days: number;
  counting: DayCounting;
  /** Code Civ. Proc. § 12: the first day is excluded and the last included. Default true. */
  excludeStartDay?: boolean;
  /** Code Civ. Proc. § 12a: a last day on a holiday moves to the next day that is not one. Default true. */
  rollForwardPastHolidays?: boolean;
  pauses?: readonly DeadlinePause[];
  extension?: DeadlineExtension | null;
  calendar: HolidayCalendar;
  /** Zone whose local date counts; default America/Los_Angeles. */
  timeZone?: string;
}

export type SkipKind = ClosedDayKind | 'paused';

/** A day that did not count (counting) or that the last day moved past (roll_forward), and why. */
export interface SkippedDay {
  date: IsoDate;
  reason: string;
  kinds: SkipKind[];
  phase: 'counting' | 'roll_forward';
}

export interface PauseSummary {
  from: IsoDate;
  to: IsoDate | null;
  reason: string;
  open: boolean;
  /** Days of this pause that fell inside the period and so were not counted. */
  daysNotCounted: number;
}

export interface ExtensionSummary {
  requestedDays: number;
  grantedDays: number;
  maxDays: number;
  capped: boolean;
  reason: string;
  grantedOn: IsoDate;
  citation: string | null;
  /** The date the period would have ended without the extension (null while paused). */
  dueDateWithoutExtension: IsoDate | null;
  /** False when notice of the extension came after the original period had run. */
  grantedWithinOriginalPeriod: boolean | null;
}

export interface DeadlineExplanation {
  /** The calendar the period was counted and moved on, with its citation (court days or the city's closures). */
  calendar: { name: string; citation: string };
  /** The local date the period runs from. */
  start: IsoDate;
  startInput: string;
  startsFrom: string;
  timeZone: string;
  rule: string;
  citation: string;
  counting: DayCounting;
  /** Days the rule gives, before any extension. */
  baseDays: number;
  /** Days counted in total: base days plus the extension granted. */
  daysAdded: number;
  /** Days actually counted before the result (less than daysAdded only while paused). */
  daysCounted: number;
  excludedStartDay: boolean;
  /** The day on which the count ended, before any roll-forward; null while paused. */
  lastCountedDay: IsoDate | null;
  rolledForward: boolean;
  skipped: SkippedDay[];
  pauses: PauseSummary[];
  extension: ExtensionSummary | null;
  steps: string[];
}

export type DeadlineStatus = 'open' | 'paused';

export interface DeadlineResult {
  clock: string;
  label: string;
  kind: DeadlineKind;
  citation: string;
  /** YYYY-MM-DD, or null while an open pause stops the clock. */
  dueDate: IsoDate | null;
  status: DeadlineStatus;
  explanation: DeadlineExplanation;
}
