import { PATRON_NOTICE_RULES, PatronNoticeDecision, decidePatronNotice } from '@custodian/domain';
import type { CaseEntity } from '@custodian/persistence';
import { isUnderNondisclosure, pacificToday } from './case-visibility';

type NoticeRow = Pick<CaseEntity, 'requestType' | 'status' | 'nondisclosureUntil' | 'scope'>;

/**
 * A statutory gag (NSL, FISA) binds without a date. Until the gag model records its lifting, it is in force for
 * as long as the case exists. (The gag model lives in case-visibility; this reads it.)
 */
export function statutoryGagInForce(row: NoticeRow): boolean {
  return PATRON_NOTICE_RULES[row.requestType]?.basis === 'after_gag_lifted';
}

/** Any gag in force now: a court's nondisclosure order or a statutory one. Reports count such cases apart. */
export function gagInForce(row: NoticeRow, today = pacificToday()): boolean {
  return isUnderNondisclosure(row, today) || statutoryGagInForce(row);
}

/** The single predicate every notice path asks: may this case's patrons be notified now? */
export function patronNoticeDecision(row: NoticeRow, today = pacificToday()): PatronNoticeDecision {
  const cards = Array.isArray(row.scope?.cardNumbers) ? row.scope.cardNumbers : [];
  return decidePatronNotice({
    requestType: row.requestType,
    status: row.status,
    nondisclosureInForce: isUnderNondisclosure(row, today),
    nondisclosureUntil: row.nondisclosureUntil,
    statutoryGagInForce: statutoryGagInForce(row),
    patrons: cards.length,
  });
}

/** A case that was ever gagged: the one whose clerk must be reminded once the gag no longer binds. */
export function wasGagged(row: NoticeRow): boolean {
  return row.nondisclosureUntil !== null || statutoryGagInForce(row);
}
