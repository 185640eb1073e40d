import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CaseWorkflow, replanDeadlines } from '@custodian/cases';
import { nextState, toLocalDate } from '@custodian/domain';
import { ReviewEntity } from '@custodian/persistence';
import { JobPayloads, JobRequest, jobRequest } from '@custodian/queues';
import { JobHandler, skipped } from '../job-handler';

/** Legal-review step: a sufficient review goes to the director; needs_info pauses the clocks and writes the cure letter. */
@Injectable()
export class RecordReviewHandler implements JobHandler<'record-review'> {
  readonly jobName = 'record-review';

  constructor(private readonly workflow: CaseWorkflow) {}

  handle(job: Job<JobPayloads['record-review']>) {
    const { caseId, reviewId } = job.data;
    return this.workflow.change<unknown>(caseId, async (row, manager) => {
      if (row.status !== 'legal_review' || row.pendingStep !== 'legal-review') return { result: skipped(`case is ${row.status}/${row.pendingStep}`) };
      const review = await manager.findOne(ReviewEntity, { where: { id: reviewId, caseId } });
      if (!review) throw new Error('review not found for a case waiting on it');
      const now = new Date();
      const jobs: JobRequest[] = [];
      if (review.sufficiency === 'needs_info') {
        row.status = nextState(row.status, 'requestInformation');
        row.clockPauses = [...row.clockPauses, { from: toLocalDate(now), to: null, reason: 'needs_info: waiting for the requester to cure a defect' }];
        jobs.push(jobRequest('write-letter', { caseId, kind: 'needs_info', reference: reviewId }, `${caseId}-letter-needs_info-${reviewId}`));
      } else {
        row.status = nextState(row.status, 'completeReview');
      }
      row.pendingStep = null;
      row.updatedAt = now;
      await manager.save(row);
      jobs.push(...(await replanDeadlines(manager, row, now)));
      return { result: { status: row.status }, jobs, audit: [{ actor: null, action: 'case.review_recorded', objectType: 'review', objectId: reviewId, details: { status: row.status } }] };
    });
  }
}
