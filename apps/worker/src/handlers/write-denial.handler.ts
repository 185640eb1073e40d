import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@custodian/config';
import { CaseWorkflow, addressee, loadRules, namedOfficial, replanDeadlines, requestSummary } from '@custodian/cases';
import { REASON_CODES, REQUEST_TYPE_LABELS, RequestType, nextState, toLocalDate } from '@custodian/domain';
import { CaseEntity, DecisionEntity, LetterKind, ReviewEntity } from '@custodian/persistence';
import { LetterResult, ObjectionLetterInput, PlaceholderSignerError, renderDenialLetter, renderObjectionLetter } from '@custodian/production';
import { JobPayloads } from '@custodian/queues';
import { JobHandler, skipped } from '../job-handler';
import { LetterWriter } from '../production/letter-writer';

/** A subpoena the library may not honour is answered with a written objection, not a "denial" (domain.md § 9). */
const OBJECTION_PROCESS: Partial<Record<RequestType, ObjectionLetterInput['process']>> = {
  civil_subpoena: 'state_civil',
  federal_civil_subpoena: 'federal_civil',
  criminal_subpoena: 'criminal',
};

/**
 * Denial: the written denial (or, for a subpoena, the written objection) with each reason and its citation, naming
 * every person responsible by name and title. Gov. Code § 7922.540 is cited only for public-records requests.
 * A letter that would name a placeholder instead of a person is not produced: the case keeps an alert.
 */
@Injectable()
export class WriteDenialHandler implements JobHandler<'write-denial'> {
  readonly jobName = 'write-denial';

  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: CaseWorkflow,
    private readonly letters: LetterWriter,
    private readonly config: AppConfig,
  ) {}

  async handle(job: Job<JobPayloads['write-denial']>) {
    const { caseId, decisionId } = job.data;
    const manager = this.dataSource.manager;
    const row = await manager.findOne(CaseEntity, { where: { id: caseId } });
    if (!row || row.status !== 'awaiting_approval' || row.pendingStep !== 'denial') return skipped(`case is ${row?.status}/${row?.pendingStep}`);
    const decision = await manager.findOne(DecisionEntity, { where: { id: decisionId, caseId } });
    if (!decision || decision.decision !== 'deny') throw new Error('denial job without a denial decision');
    const review = await manager.findOne(ReviewEntity, { where: { id: decision.reviewId } });
    const rules = await loadRules(manager);
    const codes = decision.reasons?.length ? decision.reasons : review?.reasons.length ? review.reasons : rules[row.requestType].defaultReasonCodes;
    const reasons = codes.map((code) => {
      const entry = (REASON_CODES as Record<string, { label: string; citation: string }>)[code];
      return entry ? { text: entry.label, citation: entry.citation } : { text: code, citation: 'Gov. Code § 7927.105' };
    });
    const director = await namedOfficial(manager, decision.directorId);
    const attorney = review ? await namedOfficial(manager, review.attorneyId) : null;
    const process = OBJECTION_PROCESS[row.requestType];
    const kind: LetterKind = process ? 'objection' : 'denial';
    const reference = `${row.caseNumber}/${process ? 'OBJ' : 'DEN'}`;
    const base = {
      caseNumber: row.caseNumber, reference, date: toLocalDate(new Date()),
      requester: addressee(row),
      requestSummary: requestSummary(row.receivedAt, REQUEST_TYPE_LABELS[row.requestType]),
      signedBy: director!, libraryName: this.config.LIBRARY_NAME,
    };
    const responsiblePersons = [
      ...(director ? [{ ...director, role: process ? 'Objects for the Library' : 'Decided the request' }] : []),
      ...(attorney ? [{ ...attorney, role: 'Reviewed the request for the City Attorney' }] : []),
    ];
    let letter: LetterResult;
    try {
      letter = await this.letters.write((out) =>
        process
          ? renderObjectionLetter({ ...base, process, complianceDate: row.instrument.complianceDate ?? null, grounds: reasons, responsiblePersons }, out)
          : renderDenialLetter({ ...base, reasons, responsiblePersons, publicRecordsRequest: row.requestType === 'public_records' }, out),
      );
    } catch (error) {
      if (error instanceof PlaceholderSignerError || director === null) return this.refuse(caseId, error instanceof PlaceholderSignerError ? error.message : 'Letter not produced: the deciding director is not known');
      throw error;
    }
    return this.workflow.change<unknown>(caseId, async (locked, tx) => {
      if (locked.status !== 'awaiting_approval' || locked.pendingStep !== 'denial') return { result: skipped(`case is ${locked.status}/${locked.pendingStep}`) };
      const saved = await this.letters.record(tx, caseId, kind, reference, letter);
      locked.status = nextState(locked.status, 'deny');
      locked.pendingStep = null;
      locked.updatedAt = new Date();
      await tx.save(locked);
      return {
        result: { letterId: saved.id },
        jobs: await replanDeadlines(tx, locked),
        audit: [
          { actor: null, action: 'letter.written', objectType: 'letter', objectId: saved.id, details: { kind, sha256: letter.sha256, reasons: codes } },
          { actor: null, action: 'case.denied_final', objectType: 'case', objectId: caseId },
        ],
      };
    });
  }

  /** Fail closed: no letter naming a placeholder; the case waits with an alert a person can act on. */
  private async refuse(caseId: string, message: string): Promise<never> {
    await this.workflow.change<unknown>(caseId, async (row, manager) => {
      row.pendingStep = null;
      row.alert = message;
      await manager.save(row);
      return { result: null, audit: [{ actor: null, action: 'letter.refused', objectType: 'case', objectId: caseId, outcome: 'failure', details: { reason: 'placeholder_signer' } }] };
    });
    throw new UnrecoverableError(message);
  }
}
