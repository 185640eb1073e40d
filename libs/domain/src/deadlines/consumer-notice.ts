import { IsoDate, addDays, daysBetween, formatDay } from './iso-date';
import { DateInput, LIBRARY_TIME_ZONE, toLocalDate } from './local-date';

export const CONSUMER_NOTICE_CITATION = 'Code Civ. Proc. § 1985.3(b)(2), (3); § 1985.4';
const MAIL_CITATION = 'Code Civ. Proc. § 1013(a)';
export const DEPOSITION_PRODUCTION_CITATION = 'Code Civ. Proc. § 2020.410(c)';
const DAYS_BEFORE_PRODUCTION = 10;
const DAYS_BEFORE_LIBRARY_SERVICE = 5;
/** A deposition subpoena for records sets production at least 15 days after it is served (Code Civ. Proc. § 2020.410(c)). */
const PRODUCTION_AFTER_SERVICE_DAYS = 15;
/** Service by mail adds 5 days within California, 10 outside it, 20 outside the United States (Code Civ. Proc. § 1013(a)). */
export const MAIL_EXTENSION_DAYS = { california: 5, outside_california: 10, outside_us: 20 } as const;
export type MailService = keyof typeof MAIL_EXTENSION_DAYS;

export interface ConsumerNoticeFacts {
  /** The production date named in the subpoena. */
  productionDate: DateInput;
  /** When the patron (the consumer) was served with the notice; null when no proof of service was given. */
  patronServedAt: DateInput | null;
  /** When the library was served with the subpoena (normally the case's receipt). */
  libraryServedAt: DateInput;
  /** Service on the patron by mail adds days to each margin (true means within California). */
  patronServedByMail?: boolean | MailService;
  timeZone?: string;
}

export type ConsumerNoticeProblemCode = 'NO_CONSUMER_NOTICE' | 'NOTICE_TOO_CLOSE_TO_PRODUCTION' | 'NOTICE_TOO_CLOSE_TO_LIBRARY_SERVICE' | 'PRODUCTION_DATE_TOO_EARLY';

export interface ConsumerNoticeProblem {
  code: ConsumerNoticeProblemCode;
  message: string;
  citation: string;
}

export interface ConsumerNoticeCheck {
  ok: boolean;
  productionDate: IsoDate;
  libraryServedOn: IsoDate;
  patronServedOn: IsoDate | null;
  requiredDaysBeforeProduction: number;
  requiredDaysBeforeLibraryService: number;
  daysBeforeProduction: number | null;
  daysBeforeLibraryService: number | null;
  /** The last day the patron could have been served for both margins to hold. */
  latestValidPatronService: IsoDate;
  problems: ConsumerNoticeProblem[];
  steps: string[];
}

/**
 * Checks a civil subpoena's notice to the patron: served at least 10 days before the production date and
 * at least 5 days before the library was served (plus 5 each when served by mail). Calendar days.
 */
export function checkConsumerNoticeTiming(facts: ConsumerNoticeFacts): ConsumerNoticeCheck {
  const timeZone = facts.timeZone ?? LIBRARY_TIME_ZONE;
  const productionDate = toLocalDate(facts.productionDate, timeZone);
  const libraryServedOn = toLocalDate(facts.libraryServedAt, timeZone);
  const patronServedOn = facts.patronServedAt == null ? null : toLocalDate(facts.patronServedAt, timeZone);
  const mail: MailService | null = facts.patronServedByMail === true ? 'california' : facts.patronServedByMail || null;
  const extra = mail ? MAIL_EXTENSION_DAYS[mail] : 0;
  const citation = facts.patronServedByMail ? `${CONSUMER_NOTICE_CITATION}; ${MAIL_CITATION}` : CONSUMER_NOTICE_CITATION;
  const beforeProduction = DAYS_BEFORE_PRODUCTION + extra;
  const beforeLibrary = DAYS_BEFORE_LIBRARY_SERVICE + extra;
  const latestValidPatronService = [addDays(productionDate, -beforeProduction), addDays(libraryServedOn, -beforeLibrary)].sort()[0];

  const problems: ConsumerNoticeProblem[] = [];
  const steps = [
    `Production date ${formatDay(productionDate)}; library served ${formatDay(libraryServedOn)}.`,
    `The patron must be served at least ${beforeProduction} days before production and ${beforeLibrary} days before the library${extra ? ` (service by mail adds ${extra} days)` : ''} (${citation}): by ${formatDay(latestValidPatronService)} at the latest.`,
  ];
  const margins = patronServedOn === null ? null : { servedOn: patronServedOn, production: daysBetween(patronServedOn, productionDate), library: daysBetween(patronServedOn, libraryServedOn) };
  if (margins === null) {
    problems.push({ code: 'NO_CONSUMER_NOTICE', message: 'No proof that the patron was served with notice of the subpoena.', citation });
  } else {
    steps.push(`Patron served ${formatDay(margins.servedOn)}: ${margins.production} days before production, ${margins.library} days before the library.`);
    if (margins.production < beforeProduction) {
      problems.push({
        code: 'NOTICE_TOO_CLOSE_TO_PRODUCTION',
        message: `The patron was served ${margins.production} days before the production date; at least ${beforeProduction} are required.`,
        citation,
      });
    }
    if (margins.library < beforeLibrary) {
      problems.push({
        code: 'NOTICE_TOO_CLOSE_TO_LIBRARY_SERVICE',
        message: `The patron was served ${margins.library} days before the library; at least ${beforeLibrary} are required.`,
        citation,
      });
    }
  }
  const productionMargin = daysBetween(libraryServedOn, productionDate);
  if (productionMargin < PRODUCTION_AFTER_SERVICE_DAYS) {
    problems.push({
      code: 'PRODUCTION_DATE_TOO_EARLY',
      message: `The production date is ${productionMargin} days after the library was served; a deposition subpoena for records must allow at least ${PRODUCTION_AFTER_SERVICE_DAYS}.`,
      citation: DEPOSITION_PRODUCTION_CITATION,
    });
  }
  steps.push(problems.length ? `Notice timing fails: ${problems.map((p) => p.message).join(' ')}` : 'Notice timing holds.');
  return {
    ok: problems.length === 0,
    productionDate,
    libraryServedOn,
    patronServedOn,
    requiredDaysBeforeProduction: beforeProduction,
    requiredDaysBeforeLibraryService: beforeLibrary,
    daysBeforeProduction: margins?.production ?? null,
    daysBeforeLibraryService: margins?.library ?? null,
    latestValidPatronService,
    problems,
    steps,
  };
}
