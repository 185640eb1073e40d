import type { Writable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { REASON_CODES, REQUEST_TYPE_LABELS, RequestType, toLocalDate } from '@custodian/domain';
import { CaseEntity, ReviewEntity } from '@custodian/persistence';
import { LetterResult, ObjectionLetterInput, renderDenialLetter, renderObjectionLetter } from '@custodian/production';
import { loadRules } from '../rules-store';
import { namedOfficial } from './case-officials';
import { addressee, requestSummary } from './letter-addressing';

/** What a denial is decided from: the deciding director, the reason codes given (if any) and the review. */
export interface DenialDecision {
  directorId: string;
  reasons: readonly string[] | null;
  reviewId: string;
}

/** A subpoena the library may not honour is answered with a written objection, not a "denial" (domain.md § 9). */
const OBJECTION_PROCESS: Partial<Record<RequestType, ObjectionLetterInput['process']>> = {
  civil_subpoena: 'state_civil',
  federal_civil_subpoena: 'federal_civil',
  criminal_subpoena: 'criminal',
};

export interface RefusalLetter {
  kind: 'denial' | 'objection';
  reference: string;
  /** The reason codes the letter states. */
  codes: string[];
  /** Null when the deciding director is not a known person: the letter must then not be produced (no placeholder signer). */
  director: { displayName: string; title: string } | null;
  render(out: Writable): Promise<LetterResult>;
}

/**
 * The letter a denial sends, exactly as it will be sent, for the worker that writes it and the director's preview
 * alike: the written denial with each reason and its citation, or for a subpoena the written objection. Every person
 * responsible is named by name and title; Gov. Code § 7922.540 is cited only for public-records requests. The
 * director's note is for the case file only and never reaches the letter.
 */
export async function refusalLetter(manager: EntityManager, row: CaseEntity, decision: DenialDecision, libraryName: string): Promise<RefusalLetter> {
  const review = await manager.findOne(ReviewEntity, { where: { id: decision.reviewId } });
  const rules = await loadRules(manager);
  const codes = [...(decision.reasons?.length ? decision.reasons : review?.reasons.length ? review.reasons : rules[row.requestType].defaultReasonCodes)];
  const reasons = codes.map((code) => {
    const entry = (REASON_CODES as Record<string, { label: string; citation: string }>)[code];
    return entry ? { text: entry.label, citation: entry.citation } : { text: code, citation: 'Gov. Code § 7927.105' };
  });
  const director = await namedOfficial(manager, decision.directorId);
  const attorney = review ? await namedOfficial(manager, review.attorneyId) : null;
  const process = OBJECTION_PROCESS[row.requestType];
  const reference = `${row.caseNumber}/${process ? 'OBJ' : 'DEN'}`;
  const base = {
    caseNumber: row.caseNumber, reference, date: toLocalDate(new Date()),
    requester: addressee(row),
    requestSummary: requestSummary(row.receivedAt, REQUEST_TYPE_LABELS[row.requestType]),
    signedBy: director!, libraryName,
  };
  const responsiblePersons = [
    ...(director ? [{ ...director, role: process ? 'Objects for the Library' : 'Decided the request' }] : []),
    ...(attorney ? [{ ...attorney, role: 'Reviewed the request for the City Attorney' }] : []),
  ];
  return {
    kind: process ? 'objection' : 'denial',
    reference,
    codes,
    director,
    render: (out) =>
      process
        ? renderObjectionLetter({ ...base, process, complianceDate: row.instrument.complianceDate ?? null, grounds: reasons, responsiblePersons }, out)
        : renderDenialLetter({ ...base, reasons, responsiblePersons, publicRecordsRequest: row.requestType === 'public_records' }, out),
  };
}
