import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@custodian/config';
import { CaseWorkflow, loadRules, replanDeadlines } from '@custodian/cases';
import { REASON_CODES, REQUEST_TYPE_LABELS, nextState, toLocalDate } from '@custodian/domain';
import { CaseEntity, DecisionEntity, ReviewEntity } from '@custodian/persistence';
import { renderDenialLetter } from '@custodian/production';
import { JobPayloads } from '@custodian/queues';
import { JobHandler, skipped } from '../job-handler';
import { official } from '../production/case-officials';
import { LetterWriter, addressee, requestSummary } from '../production/letter-writer';

/** Denial: the written denial with each reason and its citation, naming every person responsible (Gov. Code § 7922.540). */
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
    const director = await official(manager, decision.directorId);
    const attorney = review ? await official(manager, review.attorneyId) : null;
    const reference = `${row.caseNumber}/DEN`;
    const letter = await this.letters.write((out) =>
      renderDenialLetter(
        {
          caseNumber: row.caseNumber, reference, date: toLocalDate(new Date()),
          requester: addressee(row),
          requestSummary: requestSummary(row.receivedAt, REQUEST_TYPE_LABELS[row.requestType]),
          signedBy: director, libraryName: this.config.LIBRARY_NAME,
          decision: decision.note || undefined,
          reasons,
          responsiblePersons: [{ ...director, role: 'Decided the request' }, ...(attorney ? [{ ...attorney, role: 'Reviewed the request for the City Attorney' }] : [])],
        },
        out,
      ),
    );
    return this.workflow.change<unknown>(caseId, async (locked, tx) => {
      if (locked.status !== 'awaiting_approval' || locked.pendingStep !== 'denial') return { result: skipped(`case is ${locked.status}/${locked.pendingStep}`) };
      const saved = await this.letters.record(tx, caseId, 'denial', reference, letter);
      locked.status = nextState(locked.status, 'deny');
      locked.pendingStep = null;
      locked.updatedAt = new Date();
      await tx.save(locked);
      return {
        result: { letterId: saved.id },
        jobs: await replanDeadlines(tx, locked),
        audit: [
          { actor: null, action: 'letter.written', objectType: 'letter', objectId: saved.id, details: { kind: 'denial', sha256: letter.sha256, reasons: codes } },
          { actor: null, action: 'case.denied_final', objectType: 'case', objectId: caseId },
        ],
      };
    });
  }
}
