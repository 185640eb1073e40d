import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@custodian/config';
import { CaseWorkflow, refusalLetter, replanDeadlines } from '@custodian/cases';
import { nextState } from '@custodian/domain';
import { CaseEntity, DecisionEntity } from '@custodian/persistence';
import { LetterResult, PlaceholderSignerError } from '@custodian/production';
import { JobPayloads } from '@custodian/queues';
import { JobHandler, skipped } from '../job-handler';
import { LetterWriter } from '../production/letter-writer';

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
    const refusal = await refusalLetter(manager, row, { directorId: decision.directorId, reasons: decision.reasons, reviewId: decision.reviewId }, this.config.LIBRARY_NAME);
    const { kind, reference, codes } = refusal;
    if (refusal.director === null) return this.refuse(caseId, 'Letter not produced: the deciding director is not known');
    let letter: LetterResult;
    try {
      letter = await this.letters.write((out) => refusal.render(out));
    } catch (error) {
      if (error instanceof PlaceholderSignerError) return this.refuse(caseId, error.message);
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
