import { CLOCKS, clockRuleMeta } from './clock-catalogue';
import { computeDeadline } from './compute-deadline';
import { DEFAULT_DEADLINE_SETTINGS, DeadlineSettings, calendarsFor } from './deadline-settings';
import type { IsoDate } from './iso-date';
import { DateInput, toLocalDate } from './local-date';

/**
 * The one written extension of a public-records determination (Gov. Code § 7922.535(b)): notice within the
 * 10 days, from the head of the agency or a designee, stating the reasons and the date a determination is
 * expected, at most 14 days more, and only for the "unusual circumstances" of § 7922.535(c).
 */
export const CPRA_EXTENSION_GROUNDS = {
  field_facilities: {
    label: 'The need to search for and collect the requested records from field facilities or other establishments separate from the office processing the request',
    citation: 'Gov. Code § 7922.535(c)(1)',
  },
  voluminous_records: {
    label: 'The need to search for, collect, and appropriately examine a voluminous amount of separate and distinct records demanded in a single request',
    citation: 'Gov. Code § 7922.535(c)(2)',
  },
  consultation: {
    label: 'The need for consultation, with all practicable speed, with another agency having a substantial interest in the determination, or among two or more components of the agency having a substantial subject-matter interest',
    citation: 'Gov. Code § 7922.535(c)(3)',
  },
  data_compilation: {
    label: 'The need to compile data, to write programming language or a computer program, or to construct a computer report to extract data',
    citation: 'Gov. Code § 7922.535(c)(4)',
  },
  fifth_statutory_ground: {
    label: 'The further circumstance listed in § 7922.535(c)(5) of the current text (counsel confirms its wording before it is relied on)',
    citation: 'Gov. Code § 7922.535(c)(5)',
  },
} as const;
export type CpraExtensionGround = keyof typeof CPRA_EXTENSION_GROUNDS;
export const CPRA_EXTENSION_GROUND_KEYS = Object.keys(CPRA_EXTENSION_GROUNDS) as CpraExtensionGround[];
export const CPRA_EXTENSION_CITATION = 'Gov. Code § 7922.535(b), (c)';

export interface CpraExtensionRequest {
  /** When the clock started: the city's receipt for a portal request, else the library's. */
  clockStart: DateInput;
  grantedAt: DateInput;
  days: number;
  ground: string;
  detail: string;
  signer: { isHeadOfAgency: boolean; isRecordedDesignee: boolean };
  alreadyExtended: boolean;
}

export type CpraExtensionRefusal = 'ALREADY_EXTENDED' | 'TOO_LATE' | 'TOO_LONG' | 'NOT_A_STATUTORY_GROUND' | 'DETAIL_MISSING' | 'SIGNER_NOT_AUTHORISED';

export type CpraExtensionCheck =
  | { allowed: true; noticeDueBy: IsoDate; grantedOn: IsoDate; dayOfPeriod: number; citation: string }
  | { allowed: false; code: CpraExtensionRefusal; field: string; message: string; noticeDueBy: IsoDate; citation: string };

/**
 * The last day the extension notice may be given: the tenth day after the start (first day excluded), moved
 * past a closed last day on the library's calendar like the determination itself (Code Civ. Proc. §§ 12, 12a).
 */
export function cpraExtensionNoticeDueBy(clockStart: DateInput, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): IsoDate {
  const definition = CLOCKS.cpra_determination;
  const result = computeDeadline({
    rule: clockRuleMeta(definition, settings), start: clockStart, days: definition.days(settings), counting: definition.counting,
    excludeStartDay: definition.excludeStartDay, rollForwardPastHolidays: definition.rollForwardPastHolidays,
    calendar: calendarsFor(settings)[definition.calendar], timeZone: settings.timeZone,
  });
  return result.dueDate!;
}

/** Whether this extension may be granted, and if not, the rule it breaks. */
export function checkCpraExtension(request: CpraExtensionRequest, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): CpraExtensionCheck {
  const noticeDueBy = cpraExtensionNoticeDueBy(request.clockStart, settings);
  const grantedOn = toLocalDate(request.grantedAt, settings.timeZone);
  const start = toLocalDate(request.clockStart, settings.timeZone);
  const refuse = (code: CpraExtensionRefusal, field: string, message: string): CpraExtensionCheck => ({ allowed: false, code, field, message, noticeDueBy, citation: CPRA_EXTENSION_CITATION });
  if (request.alreadyExtended) return refuse('ALREADY_EXTENDED', 'days', 'The determination was already extended once; § 7922.535(b) allows one extension.');
  if (grantedOn > noticeDueBy) {
    return refuse('TOO_LATE', 'grantedAt', `The extension notice had to be given within the 10 days, by ${noticeDueBy} (Gov. Code § 7922.535(b)); today is ${grantedOn}.`);
  }
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > settings.cpraMaxExtensionDays) {
    return refuse('TOO_LONG', 'days', `An extension is 1 to ${settings.cpraMaxExtensionDays} days (Gov. Code § 7922.535(b)).`);
  }
  if (!Object.hasOwn(CPRA_EXTENSION_GROUNDS, request.ground)) {
    return refuse('NOT_A_STATUTORY_GROUND', 'ground', `Only the unusual circumstances of Gov. Code § 7922.535(c) allow an extension: one of ${CPRA_EXTENSION_GROUND_KEYS.join(', ')}.`);
  }
  if ((request.detail ?? '').trim().length < 10) return refuse('DETAIL_MISSING', 'detail', 'Say how the ground applies to this request (at least 10 characters); the notice states the reasons.');
  if (!request.signer.isHeadOfAgency && !request.signer.isRecordedDesignee) {
    return refuse('SIGNER_NOT_AUTHORISED', 'signer', 'The notice comes from the head of the agency or a designee recorded on the case (Gov. Code § 7922.535(b)).');
  }
  const dayOfPeriod = Math.round((Date.parse(grantedOn) - Date.parse(start)) / 86_400_000);
  return { allowed: true, noticeDueBy, grantedOn, dayOfPeriod, citation: CPRA_EXTENSION_CITATION };
}
