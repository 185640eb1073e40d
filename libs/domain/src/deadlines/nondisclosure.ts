import { IsoDate, daysBetween } from './iso-date';
import { DateInput, LIBRARY_TIME_ZONE, toLocalDate } from './local-date';

export const NONDISCLOSURE_CITATION = 'Penal Code § 1546.2(b)';
export const NONDISCLOSURE_MAX_DAYS = 90;

export interface NondisclosurePeriodCheck {
  ok: boolean;
  orderedOn: IsoDate;
  until: IsoDate;
  days: number;
  maxDays: number;
  message: string;
  citation: string;
}

/** Whether a nondisclosure period stays within the 90 days a court may order at a time. */
export function checkNondisclosurePeriod(
  orderedAt: DateInput,
  until: DateInput,
  timeZone: string = LIBRARY_TIME_ZONE,
): NondisclosurePeriodCheck {
  const orderedOn = toLocalDate(orderedAt, timeZone);
  const untilDate = toLocalDate(until, timeZone);
  const days = daysBetween(orderedOn, untilDate);
  const ok = days >= 0 && days <= NONDISCLOSURE_MAX_DAYS;
  const message = ok
    ? `Nondisclosure for ${days} days, within the ${NONDISCLOSURE_MAX_DAYS} allowed at a time.`
    : days < 0
      ? `The nondisclosure end date ${untilDate} is before the order date ${orderedOn}.`
      : `Nondisclosure for ${days} days exceeds the ${NONDISCLOSURE_MAX_DAYS} a court may order at a time; ask counsel whether it was renewed.`;
  return { ok, orderedOn, until: untilDate, days, maxDays: NONDISCLOSURE_MAX_DAYS, message, citation: NONDISCLOSURE_CITATION };
}
