import { computeDeadline } from '../deadlines/compute-deadline';
import { deadlineInputFor, isUnavailableClock } from '../deadlines/case-clocks';
import type { DeadlineSettings } from '../deadlines/deadline-settings';
import { DateInput, toLocalDate } from '../deadlines/local-date';
import { RecordType, RequestType } from '../request-types';
import { aliasOf, CaseScope, isWithinScope } from '../scope';
import { CONTRADICTION_CODES, Contradiction, contradiction } from './contradiction-codes';
import { ReviewSubmission, isReleasing } from './review-types';
import type { ChecklistItem, EffectiveRule } from './rule-types';

/** Record types Gov. Code § 7927.105(b)(2) leaves unprotected; released without a basis only where the rule says so. */
export const UNPROTECTED_RECORD_TYPES: readonly RecordType[] = ['fines'];
/**
 * Where that exception applies: it is an exception to the CPRA exemption (Gov. Code §§ 7927.100(b), 7927.105(b)(2)),
 * so only a public-records request releases fines without another basis; any other instrument still needs its own.
 */
export const UNPROTECTED_RECORDS_REQUEST_TYPES: readonly RequestType[] = ['public_records'];

/** True when the scope holds only record types this rule lets go without a basis of its own. */
export function onlyUnprotected(rule: Pick<EffectiveRule, 'unprotectedRelease'>, scope: Pick<CaseScope, 'recordTypes'>): boolean {
  const allowed = rule.unprotectedRelease?.recordTypes;
  return allowed !== undefined && scope.recordTypes.length > 0 && scope.recordTypes.every((t) => allowed.includes(t));
}

export interface ReviewContext {
  requestType: RequestType;
  rule: EffectiveRule;
  review: ReviewSubmission;
  requestedScope: CaseScope;
  /** The narrowed scope when given, else the requested one: what would be produced. */
  scope: CaseScope;
  instrumentIssuedAt: DateInput | null;
  /** When the instrument was served on the library: a warrant is measured against its service, not the review day. */
  receivedAt: DateInput | null;
  consentCardNumbers: readonly string[];
  now: DateInput;
  deadlineSettings: DeadlineSettings;
}

export type ReviewCheck = (ctx: ReviewContext) => Contradiction[];

const isSatisfied = (ctx: ReviewContext, item: ChecklistItem) => ctx.review.checklist?.[item.key] === item.supportingAnswer;
const releasing = (ctx: ReviewContext) => isReleasing(ctx.review.recommendation);
/** The review relies on the instrument: calls it sufficient or recommends releasing under it. */
const reliesOnInstrument = (ctx: ReviewContext) => ctx.review.sufficiency === 'sufficient' || releasing(ctx);

function describeAnswer(ctx: ReviewContext, item: ChecklistItem): string {
  const answer = ctx.review.checklist?.[item.key];
  if (answer === undefined) return 'not answered';
  return item.label.endsWith('?') ? `answered ${answer ? 'yes' : 'no'}` : 'not confirmed';
}

export const requiredItemsSatisfied: ReviewCheck = (ctx) =>
  ctx.review.sufficiency !== 'sufficient'
    ? []
    : ctx.rule.checklist
        .filter((item) => item.required && !item.checkedAt && !isSatisfied(ctx, item))
        .map((item) => ({
          ...contradiction('REQUIRED_ITEM_UNSATISFIED', `"${item.label}" is ${describeAnswer(ctx, item)}, but the request is marked sufficient.`, item.citation),
          checklistKey: item.key,
        }));

export const releaseOnlyWhenSufficient: ReviewCheck = (ctx) =>
  releasing(ctx) && ctx.review.sufficiency !== 'sufficient'
    ? [contradiction('RELEASE_WHEN_NOT_SUFFICIENT', `Recommends '${ctx.review.recommendation}' but sufficiency is '${ctx.review.sufficiency}'.`)]
    : [];

function routeItemSatisfied(ctx: ReviewContext, key: string): boolean {
  const item = ctx.rule.checklist.find((i) => i.key === key);
  return item !== undefined && isSatisfied(ctx, item);
}

export const releaseHasBasis: ReviewCheck = (ctx) => {
  if (!releasing(ctx) || ctx.rule.basisForRelease) return [];
  if (onlyUnprotected(ctx.rule, ctx.scope)) return [];
  if (ctx.rule.releaseRoutes.some((route) => route.requires.every((key) => routeItemSatisfied(ctx, key)))) return [];
  const routes = ctx.rule.releaseRoutes.map((r) => r.text.toLowerCase()).join(' or ');
  const code = ctx.rule.releaseWithoutBasis;
  const message = `${CONTRADICTION_CODES[code].title}: ${ctx.rule.label} gives no basis for release${routes ? ` unless ${routes}` : ''}.`;
  return [contradiction(code, message)];
};

export const warrantStillValid: ReviewCheck = (ctx) => {
  if (ctx.requestType !== 'search_warrant' || !reliesOnInstrument(ctx)) return [];
  const input = deadlineInputFor(
    'search_warrant_expiry',
    { requestType: ctx.requestType, receivedAt: ctx.now, instrument: { issuedAt: ctx.instrumentIssuedAt } },
    ctx.deadlineSettings,
  );
  if (isUnavailableClock(input)) {
    return [contradiction('WARRANT_ISSUE_DATE_MISSING', 'The warrant is relied on but its issue date is not recorded, so its 10 days cannot be checked.')];
  }
  const expiry = computeDeadline(input);
  // Penal Code § 1534: executed (served on the library) within 10 days of issuance; the review may come later.
  const served = toLocalDate(ctx.receivedAt ?? ctx.now, ctx.deadlineSettings.timeZone);
  return expiry.dueDate !== null && served > expiry.dueDate
    ? [contradiction('WARRANT_EXPIRED', `Issued ${expiry.explanation.start}, the warrant was valid through ${expiry.dueDate}; it was served on ${served}.`)]
    : [];
};

export const consentCoversScope: ReviewCheck = (ctx) => {
  if (ctx.requestType !== 'patron_consent' || !reliesOnInstrument(ctx)) return [];
  if (ctx.consentCardNumbers.length === 0) {
    return [contradiction('CONSENTING_PATRON_UNKNOWN', 'The consent is relied on but the consenting patron’s card number is not recorded.')];
  }
  const others = ctx.scope.cardNumbers.filter((card) => !ctx.consentCardNumbers.includes(card));
  // Counts only: card numbers are patron data and contradictions are stored and displayed.
  return others.length
    ? [contradiction('CONSENT_OTHER_PATRON', `${others.length} card number(s) in the scope are not the consenting patron’s.`)]
    : [];
};

export const scopeOnlyNarrows: ReviewCheck = (ctx) => {
  const narrowed = ctx.review.scope;
  if (!narrowed || isWithinScope(narrowed, ctx.requestedScope)) return [];
  const requested = ctx.requestedScope;
  const extraCards = narrowed.cardNumbers.filter((c) => !requested.cardNumbers.includes(c)).length;
  const extraTypes = narrowed.recordTypes.filter((t) => !requested.recordTypes.includes(t));
  const droppedAliases = (requested.aliases ?? []).filter(({ cardNumber, alias }) => narrowed.cardNumbers.includes(cardNumber) && aliasOf(narrowed, cardNumber) !== alias).length;
  const details = [
    extraCards ? `${extraCards} card number(s) not requested` : '',
    extraTypes.length ? `record types not requested: ${extraTypes.join(', ')}` : '',
    narrowed.from < requested.from ? `starts ${narrowed.from}, before ${requested.from}` : '',
    narrowed.to > requested.to ? `ends ${narrowed.to}, after ${requested.to}` : '',
    droppedAliases ? `${droppedAliases} alias(es) the request gives dropped or changed` : '',
    narrowed.includeContactDetails && requested.includeContactDetails !== true ? 'contact details not requested' : '',
  ].filter(Boolean);
  return [contradiction('SCOPE_WIDENED', `The narrowed scope goes beyond the request: ${details.join('; ')}.`)];
};

export const withholdingHasReasons: ReviewCheck = (ctx) =>
  ctx.review.recommendation !== 'fulfil' && (ctx.review.reasons ?? []).length === 0
    ? [contradiction('MISSING_REASONS', `Recommends '${ctx.review.recommendation}' without a reason code for what is withheld.`)]
    : [];

/** A partial release says what part: the narrowed scope is what the director may approve. */
export const partialNamesScope: ReviewCheck = (ctx) =>
  ctx.review.recommendation === 'partial' && !ctx.review.scope
    ? [contradiction('PARTIAL_WITHOUT_SCOPE', "Recommends 'partial' but gives no narrowed scope; name the patrons, dates and record types that may be released.")]
    : [];

/** Record types a National Security Letter may reach: subscriber (registration) and transactional (session) records. */
export const NSL_RECORD_TYPES: readonly RecordType[] = ['patron', 'sessions'];

export const nslScopeLimited: ReviewCheck = (ctx) => {
  if (ctx.requestType !== 'national_security_letter' || !releasing(ctx)) return [];
  const beyond = ctx.scope.recordTypes.filter((t) => !NSL_RECORD_TYPES.includes(t));
  return beyond.length
    ? [contradiction('NSL_SCOPE_EXCEEDED', `A National Security Letter reaches subscriber and transactional records only; narrow the scope to remove: ${beyond.join(', ')}.`)]
    : [];
};

export const REVIEW_CHECKS: readonly ReviewCheck[] = [
  requiredItemsSatisfied,
  releaseOnlyWhenSufficient,
  releaseHasBasis,
  warrantStillValid,
  consentCoversScope,
  scopeOnlyNarrows,
  withholdingHasReasons,
  partialNamesScope,
  nslScopeLimited,
];
