import { BadRequestException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { loadDeadlineSettings, loadRules } from '@custodian/cases';
import { Contradiction, evaluateReview } from '@custodian/domain';
import { CaseEntity } from '@custodian/persistence';
import { ReviewDto } from './dto/review.dto';

/** Checks a review against the rules in force for the case's request type (libs/domain/src/rules). */
@Injectable()
export class ReviewRules {
  /** Throws on input the rules cannot accept; returns the contradictions that need an override reason. */
  async contradictions(manager: EntityManager, row: CaseEntity, review: ReviewDto): Promise<Contradiction[]> {
    const evaluation = evaluateReview({
      requestType: row.requestType,
      instrument: { issuedAt: row.instrument.issuedAt ?? null },
      receivedAt: row.receivedAt.toISOString(),
      requestedScope: row.scope,
      review: { checklist: review.checklist, sufficiency: review.sufficiency, recommendation: review.recommendation, reasons: review.reasons, scope: review.scope ?? null },
      consentCardNumbers: row.instrument.consentingCardNumber ? [row.instrument.consentingCardNumber] : [],
      now: new Date(),
      rules: await loadRules(manager),
      deadlineSettings: await loadDeadlineSettings(manager),
    });
    if (evaluation.problems.length) {
      const fields: Record<string, string[]> = {};
      for (const problem of evaluation.problems) (fields[problem.field] ??= []).push(problem.message);
      throw new BadRequestException({ message: evaluation.problems.map((p) => `${p.field}: ${p.message}`), fields });
    }
    return evaluation.contradictions;
  }
}
