import type { CaseScope } from '../scope';

export const SUFFICIENCIES = ['sufficient', 'insufficient', 'needs_info'] as const;
export type Sufficiency = (typeof SUFFICIENCIES)[number];

export const RECOMMENDATIONS = ['fulfil', 'partial', 'deny'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Recommendations that release at least some records. */
export const RELEASING_RECOMMENDATIONS: readonly Recommendation[] = ['fulfil', 'partial'];

export function isReleasing(recommendation: Recommendation): boolean {
  return RELEASING_RECOMMENDATIONS.includes(recommendation);
}

/** An attorney's review as submitted (design.md, POST /api/cases/:id/review), without the privileged memo. */
export interface ReviewSubmission {
  checklist: Record<string, boolean>;
  sufficiency: Sufficiency;
  recommendation: Recommendation;
  reasons: string[];
  /** A narrowed scope; absent means the requested scope stands. */
  scope?: CaseScope | null;
}
