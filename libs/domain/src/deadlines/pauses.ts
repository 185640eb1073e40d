import type { DeadlinePause } from './deadline-types';
import { IsoDate } from './iso-date';
import { toLocalDate } from './local-date';

/** A pause as local dates. Days d with from < d <= to are not counted; `to` null means still paused. */
export interface LocalPause {
  from: IsoDate;
  to: IsoDate | null;
  reason: string;
}

export function toLocalPauses(pauses: readonly DeadlinePause[], timeZone: string): LocalPause[] {
  return pauses.map((pause) => {
    if (!pause.reason?.trim()) throw new RangeError('every pause needs a reason');
    const from = toLocalDate(pause.from, timeZone);
    const to = pause.to == null ? null : toLocalDate(pause.to, timeZone);
    if (to !== null && to < from) throw new RangeError(`pause '${pause.reason}' ends (${to}) before it starts (${from})`);
    return { from, to, reason: pause.reason.trim() };
  });
}

/** The pause that stops the clock on `date`, if any. */
export function pauseCovering(pauses: readonly LocalPause[], date: IsoDate): LocalPause | undefined {
  return pauses.find((p) => p.from < date && (p.to === null || date <= p.to));
}
