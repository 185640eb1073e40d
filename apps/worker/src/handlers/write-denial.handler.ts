import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@custodian/config';
import { CaseWorkflow, denialLetterInput, replanDeadlines } from '@custodian/cases';
import { nextState } from '@custodian/domain';
import { CaseEntity, DecisionEntity } from '@custodian/persistence';
import { renderDenialLetter } from '@custodian/production';
import { JobPayloads } from '@custodian/queues';
import { JobHandler, skipped } from '../job-handler';
import { LetterWriter } from '../production/letter-writer';

/**
 * Denial: the written denial with each reason and its citation, naming every person responsible (Gov. Code
 * § 7922.540). The letter is built by denialLetterInput, the same builder the director's preview uses; the
 * director's note stays in the case file.
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
    const { input, codes } = await denialLetterInput(manager, row, decision, this.config.LIBRARY_NAME);
    const reference = input.reference;
    const letter = await this.letters.write((out) => renderDenialLetter(input, out));
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
