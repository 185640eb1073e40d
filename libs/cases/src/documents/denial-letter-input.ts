import { EntityManager } from 'typeorm';
import { REASON_CODES, REQUEST_TYPE_LABELS, toLocalDate } from '@custodian/domain';
import { CaseEntity, ReviewEntity } from '@custodian/persistence';
import type { DenialLetterInput } from '@custodian/production';
import { loadRules } from '../rules-store';
import { official } from './case-officials';
import { addressee, requestSummary } from './letter-addressing';

/** What a denial is decided from: the deciding director, the reason codes given (if any) and the review. */
export interface DenialDecision {
  directorId: string;
  reasons: readonly string[] | null;
  reviewId: string;
}

/**
 * The denial letter exactly as it will be sent, for the worker that writes it and the director's preview alike.
 * The director's note is for the case file only and never reaches the letter: the letter states the decision,
 * the reasons (codes with their citations) and the persons responsible.
 */
export async function denialLetterInput(manager: EntityManager, row: CaseEntity, decision: DenialDecision, libraryName: string): Promise<{ input: DenialLetterInput; codes: string[] }> {
  const review = await manager.findOne(ReviewEntity, { where: { id: decision.reviewId } });
  const rules = await loadRules(manager);
  const codes = [...(decision.reasons?.length ? decision.reasons : review?.reasons.length ? review.reasons : rules[row.requestType].defaultReasonCodes)];
  const reasons = codes.map((code) => {
    const entry = (REASON_CODES as Record<string, { label: string; citation: string }>)[code];
    return entry ? { text: entry.label, citation: entry.citation } : { text: code, citation: 'Gov. Code § 7927.105' };
  });
  const director = await official(manager, decision.directorId);
  const attorney = review ? await official(manager, review.attorneyId) : null;
  const input: DenialLetterInput = {
    caseNumber: row.caseNumber, reference: `${row.caseNumber}/DEN`, date: toLocalDate(new Date()),
    requester: addressee(row),
    requestSummary: requestSummary(row.receivedAt, REQUEST_TYPE_LABELS[row.requestType]),
    signedBy: director, libraryName,
    reasons,
    responsiblePersons: [{ ...director, role: 'Decided the request' }, ...(attorney ? [{ ...attorney, role: 'Reviewed the request for the City Attorney' }] : [])],
  };
  return { input, codes };
}
