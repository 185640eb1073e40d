import { PATRON_NOTICE_RULES, PatronNoticeDecision, decidePatronNotice } from '@custodian/domain';
import type { CaseEntity } from '@custodian/persistence';
import { caseGag, isUnderNondisclosure, pacificToday } from './case-visibility';

type NoticeRow = Pick<CaseEntity, 'requestType' | 'status' | 'nondisclosureUntil' | 'scope'> & Partial<Pick<CaseEntity, 'gagLift' | 'nondisclosureBasis'>>;

/**
 * A statutory gag (NSL, FISA) binds without a date, until a recorded event lifts it (POST /api/cases/:id/gag-lift).
 * The gag model lives in case-visibility (libs/domain/src/gags.ts); this reads it.
 */
export function statutoryGagInForce(row: NoticeRow, today = pacificToday()): boolean {
  if (PATRON_NOTICE_RULES[row.requestType]?.basis !== 'after_gag_lifted') return false;
  const gag = caseGag(row, today);
  return gag?.kind === 'statutory' && gag.active;
}

/** Any gag in force now: a court's nondisclosure order or a statutory one. Reports count such cases apart. */
export function gagInForce(row: NoticeRow, today = pacificToday()): boolean {
  return isUnderNondisclosure(row, today) || statutoryGagInForce(row, today);
}

/** The single predicate every notice path asks: may this case's patrons be notified now? */
export function patronNoticeDecision(row: NoticeRow, today = pacificToday()): PatronNoticeDecision {
  const cards = Array.isArray(row.scope?.cardNumbers) ? row.scope.cardNumbers : [];
  return decidePatronNotice({
    requestType: row.requestType,
    status: row.status,
    nondisclosureInForce: isUnderNondisclosure(row, today),
    nondisclosureUntil: row.nondisclosureUntil,
    nondisclosureCitation: caseGag(row, today)?.citation,
    statutoryGagInForce: statutoryGagInForce(row, today),
    patrons: cards.length,
  });
}

/** A case that was ever gagged: the one whose clerk must be reminded once the gag no longer binds. */
export function wasGagged(row: NoticeRow): boolean {
  return row.nondisclosureUntil !== null || PATRON_NOTICE_RULES[row.requestType]?.basis === 'after_gag_lifted';
}
