import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AppConfig } from '@custodian/config';
import { CaseWorkflow, addressee, loadDeadlineSettings, namedOfficial, requestSummary } from '@custodian/cases';
import { REQUEST_TYPE_LABELS, addDays, toLocalDate } from '@custodian/domain';
import { CaseEntity, DeadlineEntity, ReviewEntity } from '@custodian/persistence';
import { LetterResult, PlaceholderSignerError, cureClockStatement, renderExtensionLetter, renderNeedsInfoLetter } from '@custodian/production';
import { JobPayloads } from '@custodian/queues';
import { JobHandler, skipped } from '../job-handler';
import { LetterWriter } from '../production/letter-writer';

/** Days a requester is given to cure a defect before the library closes the request. */
const CURE_DAYS = 14;

/** Letters other than the denial: what must be cured (needs_info), and a public-records extension. */
@Injectable()
export class WriteLetterHandler implements JobHandler<'write-letter'> {
  readonly jobName = 'write-letter';

  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: CaseWorkflow,
    private readonly letters: LetterWriter,
    private readonly config: AppConfig,
  ) {}

  async handle(job: Job<JobPayloads['write-letter']>) {
    const { caseId, kind, reference } = job.data;
    const manager = this.dataSource.manager;
    const row = await manager.findOne(CaseEntity, { where: { id: caseId } });
    if (!row) return skipped('case gone');
    const render = kind === 'needs_info' ? await this.needsInfo(row, reference) : kind === 'extension' ? await this.extension(row, reference) : null;
    if (!render) return skipped(`nothing to write for ${kind}`);
    let letter: LetterResult;
    try {
      letter = await this.letters.write(render);
    } catch (error) {
      if (!(error instanceof PlaceholderSignerError)) throw error;
      // Fail closed: a letter naming a placeholder instead of a person is not produced; the case shows why.
      await this.workflow.change<unknown>(caseId, async (locked, tx) => {
        locked.alert = error.message;
        await tx.save(locked);
        return { result: null, audit: [{ actor: null, action: 'letter.refused', objectType: 'case', objectId: caseId, outcome: 'failure', details: { kind, reason: 'placeholder_signer' } }] };
      });
      throw new UnrecoverableError(error.message);
    }
    return this.workflow.change<unknown>(caseId, async (_locked, tx) => {
      const saved = await this.letters.record(tx, caseId, kind, reference, letter);
      return { result: { letterId: saved.id }, audit: [{ actor: null, action: 'letter.written', objectType: 'letter', objectId: saved.id, details: { kind, sha256: letter.sha256 } }] };
    });
  }

  private async common(row: CaseEntity, reference: string, signerId: string | null) {
    return {
      caseNumber: row.caseNumber, reference: `${row.caseNumber}/${reference.slice(0, 8).toUpperCase()}`, date: toLocalDate(new Date()),
      requester: addressee(row), requestSummary: requestSummary(row.receivedAt, REQUEST_TYPE_LABELS[row.requestType]),
      // No stand-in: a missing signer makes the letter refuse to render (assertNamedPerson).
      signedBy: (await namedOfficial(this.dataSource.manager, signerId)) ?? { displayName: '', title: '' }, libraryName: this.config.LIBRARY_NAME,
    };
  }

  private async needsInfo(row: CaseEntity, reviewId: string): Promise<((out: Writable) => Promise<LetterResult>) | null> {
    const review = await this.dataSource.manager.findOne(ReviewEntity, { where: { id: reviewId, caseId: row.id } });
    if (!review?.cureRequest) return null;
    const base = await this.common(row, reviewId, row.assignedDirectorId ?? review.attorneyId);
    const [deadlines, settings] = await Promise.all([this.dataSource.manager.find(DeadlineEntity, { where: { caseId: row.id } }), loadDeadlineSettings(this.dataSource.manager)]);
    const clockStatement = cureClockStatement({ requestType: row.requestType, deadlines, pausableClocks: settings.pausableClocks });
    return (out) => renderNeedsInfoLetter({ ...base, defects: [{ description: review.cureRequest! }], cureBy: addDays(base.date, CURE_DAYS), clockStatement }, out);
  }

  private async extension(row: CaseEntity, reference: string): Promise<((out: Writable) => Promise<LetterResult>) | null> {
    const extension = row.clockExtensions.cpra_determination;
    const deadline = await this.dataSource.manager.findOne(DeadlineEntity, { where: { caseId: row.id, clock: 'cpra_determination' } });
    if (!extension || !deadline?.dueDate) return null;
    const settings = await loadDeadlineSettings(this.dataSource.manager);
    const explanation = deadline.explanation as { extension?: { dueDateWithoutExtension?: string | null } };
    const originalDueDate = explanation.extension?.dueDateWithoutExtension ?? addDays(toLocalDate(row.receivedAt), settings.cpraDeterminationDays);
    // The notice comes from the head of the agency or the recorded designee who granted it (Gov. Code § 7922.535(b)).
    const base = await this.common(row, reference, extension.signedById ?? row.assignedDirectorId);
    return (out) =>
      renderExtensionLetter({ ...base, receivedAt: toLocalDate(row.receivedAt), originalDueDate, expectedDeterminationDate: deadline.dueDate!, reasons: [extension.reason], extensionDays: extension.days }, out);
  }
}
