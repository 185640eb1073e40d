import type { CaseState } from '../case-state';
import { IsoDate, addDays, daysBetween } from '../deadlines/iso-date';
import { LIBRARY_TIME_ZONE } from '../deadlines/local-date';
import { REQUEST_TYPES, REQUEST_TYPE_LABELS, RequestType } from '../request-types';
import { Band, NATIONAL_SECURITY_STRUCTURES, bandOf, isNationalSecurity, nationalSecurityCategories } from './national-security';
import { ReportPeriod, isWithin, periodInstants, wholeUnitsWithin } from './report-period';
import type { TransparencySettings } from './transparency-settings';

/** One case as the report sees it: dates are local (Pacific) calendar dates; no names, no card numbers. */
export interface ReportCase {
  id: string;
  requestType: RequestType;
  receivedOn: IsoDate;
  status: CaseState;
  decision: 'approve' | 'deny' | null;
  decidedOn: IsoDate | null;
  /** Counts from the finished production; null while none is ready. */
  production: { produced: number; withheld: number } | null;
  /** Counsel narrowed the scope in review (the approved scope asks for less than the request). */
  narrowed: boolean;
  /** Patrons the request named. */
  patrons: number;
  emergency: boolean;
  /** A court's nondisclosure order is in force now (national-security process is banded regardless). */
  gagged: boolean;
  fisaContents: boolean;
}

export interface ReportHold {
  caseId: string;
  placedOn: IsoDate;
  releasedOn: IsoDate | null;
}

export interface ReportQuery {
  period: ReportPeriod;
  /** Only these (ordinary) request types in the per-type figures; all when absent. */
  requestTypes?: readonly RequestType[];
  /** The library's date today: decides which periods are over and which delays have run. */
  today: IsoDate;
}

export const OUTCOMES = ['produced_in_full', 'produced_in_part', 'produced_nothing', 'objected_or_denied', 'withdrawn', 'open'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  produced_in_full: 'Produced in full',
  produced_in_part: 'Produced in part',
  produced_nothing: 'Nothing to produce',
  objected_or_denied: 'Objected to or denied',
  withdrawn: 'Withdrawn',
  open: 'Open',
};

export interface RequestRow {
  requestType: RequestType | 'total';
  label: string;
  received: number;
  outcomes: Record<Outcome, number>;
  patronsAffected: number;
}

export type WithheldFigure = { withheld: true; reason: string; availableOn: IsoDate | null };

export interface NationalSecurityFigure {
  key: string;
  label: string;
  requests: Band | null;
  patronsTargeted: Band | null;
  availableOn: IsoDate;
  status: 'reported' | 'publication_delay';
}

export interface UnitReport<T> {
  from: IsoDate;
  to: IsoDate;
  status: 'reported' | 'period_not_over';
  figures: T;
}

export interface TransparencyReport {
  period: ReportPeriod & { timeZone: string; start: string; end: string };
  generatedOn: IsoDate;
  filters: { requestTypes: RequestType[] | null };
  requests: { rows: RequestRow[]; total: RequestRow };
  responseTimes: { decided: number; medianDays: number | null; p90Days: number | null; buckets: { label: string; count: number }[] };
  preservationHolds: { placed: number; released: number };
  emergencyRequests: number;
  narrowedByCounsel: number;
  nondisclosureOrders: {
    counting: TransparencySettings['gagOrderCounting'];
    note: string;
    periods: UnitReport<{ count: number | null; fewerThan: number | null }>[];
  };
  nationalSecurity: {
    option: TransparencySettings['nationalSecurityOption'];
    citation: string;
    description: string;
    note: string;
    periods: UnitReport<NationalSecurityFigure[]>[];
  };
  methodology: string;
  citations: string[];
}

export const RESPONSE_BUCKETS: readonly { label: string; max: number }[] = [
  { label: '0–2 days', max: 2 },
  { label: '3–5 days', max: 5 },
  { label: '6–10 days', max: 10 },
  { label: '11–30 days', max: 30 },
  { label: 'over 30 days', max: Infinity },
];

export const ORDINARY_TYPES: readonly RequestType[] = REQUEST_TYPES.filter((type) => !isNationalSecurity(type));

export function outcomeOf(c: Pick<ReportCase, 'status' | 'decision' | 'production' | 'narrowed'>): Outcome {
  if (c.status === 'withdrawn') return 'withdrawn';
  if (c.decision === 'deny') return 'objected_or_denied';
  if (c.decision === 'approve' && c.production && c.status !== 'fulfilling') {
    if (c.production.produced === 0) return 'produced_nothing';
    return c.narrowed || c.production.withheld > 0 ? 'produced_in_part' : 'produced_in_full';
  }
  return 'open';
}

/** Median (mean of the middle two for an even count) and nearest-rank percentile, to one decimal. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}

export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}

function emptyRow(requestType: RequestType | 'total'): RequestRow {
  return {
    requestType, label: requestType === 'total' ? 'All requests (national-security process excluded)' : REQUEST_TYPE_LABELS[requestType],
    received: 0, outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>, patronsAffected: 0,
  };
}

function addTo(row: RequestRow, c: ReportCase): void {
  row.received += 1;
  row.outcomes[outcomeOf(c)] += 1;
  row.patronsAffected += c.patrons;
}

/**
 * The publishable transparency report. Ordinary requests are exact counts for any period (domain.md § 9).
 * National-security process never enters an exact figure: it is left out of every row, total and statistic and
 * reported only in § 1874 bands, per whole finished half-year (or year) inside the period, after the publication
 * delay, whatever filter is applied, so no combination of periods, filters or rows narrows it below a band.
 * Cases under a court's nondisclosure order are handled as counsel's `gagOrderCounting` says.
 */
export function buildTransparencyReport(cases: readonly ReportCase[], holds: readonly ReportHold[], query: ReportQuery, settings: TransparencySettings): TransparencyReport {
  const { period, today } = query;
  const aggregateGags = settings.gagOrderCounting !== 'by_type';
  const ordinary = cases.filter((c) => !isNationalSecurity(c.requestType) && !(aggregateGags && c.gagged));
  const types = ORDINARY_TYPES.filter((type) => !query.requestTypes || query.requestTypes.includes(type));
  const inPeriod = ordinary.filter((c) => isWithin(c.receivedOn, period) && types.includes(c.requestType));

  const rows = types.map(emptyRow);
  const total = emptyRow('total');
  for (const c of inPeriod) {
    addTo(rows[types.indexOf(c.requestType)], c);
    addTo(total, c);
  }

  const responseDays = inPeriod.filter((c) => c.decision !== null && c.decidedOn !== null).map((c) => Math.max(0, daysBetween(c.receivedOn, c.decidedOn!)));
  const counted = new Map(ordinary.filter((c) => types.includes(c.requestType)).map((c) => [c.id, c]));
  const countedHolds = holds.filter((h) => counted.has(h.caseId));

  const instants = periodInstants(period);
  return {
    period: { ...period, timeZone: LIBRARY_TIME_ZONE, start: instants.start.toISOString(), end: instants.end.toISOString() },
    generatedOn: today,
    filters: { requestTypes: query.requestTypes ? [...types] : null },
    requests: { rows, total },
    responseTimes: {
      decided: responseDays.length,
      medianDays: median(responseDays),
      p90Days: percentile(responseDays, 0.9),
      buckets: RESPONSE_BUCKETS.map((bucket, index) => ({
        label: bucket.label,
        count: responseDays.filter((d) => d <= bucket.max && (index === 0 || d > RESPONSE_BUCKETS[index - 1].max)).length,
      })),
    },
    preservationHolds: {
      placed: countedHolds.filter((h) => isWithin(h.placedOn, period)).length,
      // Stryker disable next-line ConditionalExpression: equivalent, isWithin(null) is false (null is below every date)
      released: countedHolds.filter((h) => h.releasedOn !== null && isWithin(h.releasedOn, period)).length,
    },
    emergencyRequests: inPeriod.filter((c) => c.emergency || c.requestType === 'emergency').length,
    narrowedByCounsel: inPeriod.filter((c) => c.narrowed).length,
    nondisclosureOrders: nondisclosureSection(cases, period, today, settings),
    nationalSecurity: nationalSecuritySection(cases, period, today, settings),
    methodology: settings.methodology,
    citations: [
      'Gov. Code § 7927.105 (formerly § 6267): patron use records are confidential',
      `${NATIONAL_SECURITY_STRUCTURES[settings.nationalSecurityOption].citation}: national-security process in bands, with the publication delay`,
      'Penal Code § 1546.2: nondisclosure orders on CalECPA process',
    ],
  };
}

function nondisclosureSection(cases: readonly ReportCase[], period: ReportPeriod, today: IsoDate, settings: TransparencySettings): TransparencyReport['nondisclosureOrders'] {
  const notes = {
    aggregate: `Requests under a court's nondisclosure order are left out of every other figure and counted here once per whole, finished half-year; below ${settings.gagThreshold} the count reads "fewer than ${settings.gagThreshold}".`,
    by_type: 'Requests under a court\u2019s nondisclosure order are counted with the other requests of their kind (counsel\u2019s setting).',
    exclude: 'Requests under a court\u2019s nondisclosure order are not counted in this report (counsel\u2019s setting).',
  };
  const periods =
    settings.gagOrderCounting !== 'aggregate'
      ? []
      : wholeUnitsWithin(period, 'half_year').map((unit) => {
          if (unit.to >= today) return { ...unit, status: 'period_not_over' as const, figures: { count: null, fewerThan: null } };
          const count = cases.filter((c) => !isNationalSecurity(c.requestType) && c.gagged && isWithin(c.receivedOn, unit)).length;
          return { ...unit, status: 'reported' as const, figures: count < settings.gagThreshold ? { count: null, fewerThan: settings.gagThreshold } : { count, fewerThan: null } };
        });
  return { counting: settings.gagOrderCounting, note: notes[settings.gagOrderCounting], periods };
}

function nationalSecuritySection(cases: readonly ReportCase[], period: ReportPeriod, today: IsoDate, settings: TransparencySettings): TransparencyReport['nationalSecurity'] {
  const structure = NATIONAL_SECURITY_STRUCTURES[settings.nationalSecurityOption];
  const categories = nationalSecurityCategories(structure);
  const unitName = structure.unit === 'year' ? 'calendar years' : 'half-years (January–June, July–December)';
  const periods = wholeUnitsWithin(period, structure.unit).map((unit): UnitReport<NationalSecurityFigure[]> => {
    if (unit.to >= today) return { ...unit, status: 'period_not_over', figures: [] };
    const received = cases.filter((c) => isNationalSecurity(c.requestType) && isWithin(c.receivedOn, unit));
    const figures = categories.map((category): NationalSecurityFigure => {
      const delay = structure.unit === 'year' ? settings.annualPublicationDelayDays : category.fisa ? settings.fisaPublicationDelayDays : 0;
      const availableOn = addDays(unit.to, Math.max(1, delay));
      if (today < availableOn) return { key: category.key, label: category.label, requests: null, patronsTargeted: null, availableOn, status: 'publication_delay' };
      const counted = received.filter((c) => category.counts(c));
      return {
        key: category.key, label: category.label, availableOn, status: 'reported',
        requests: bandOf(counted.length, structure.width),
        patronsTargeted: bandOf(counted.reduce((sum, c) => sum + c.patrons, 0), structure.width),
      };
    });
    return { ...unit, status: 'reported', figures };
  });
  return {
    option: structure.option,
    citation: structure.citation,
    description: structure.description,
    note: `Reported only for whole ${unitName} inside the period, once the period is over and the publication delay has run; never in any other figure of this report.`,
    periods,
  };
}
