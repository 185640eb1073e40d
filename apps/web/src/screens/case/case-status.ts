import type { CaseDetail, CaseStatus, LetterKind, RecordImport } from '../../api/schema';

const finished = (status: RecordImport['status']) => status === 'completed' || status === 'failed';

/** True while the worker is still doing something for the case, so the page keeps watching it. */
export function isBusy(c: CaseDetail): boolean {
  return (
    c.pendingStep !== null ||
    c.status === 'fulfilling' ||
    c.production?.status === 'rendering' ||
    c.recordImports.some((i) => !finished(i.status))
  );
}

/**
 * A letter the worker is about to write, which the case row does not reflect: after a needs-info review the
 * case is idle in `needs_info` while the cure letter is rendered (its reference is the review's id).
 */
export function awaitedLetter(c: CaseDetail): LetterKind | null {
  const review = c.reviews[c.reviews.length - 1];
  if (c.status !== 'needs_info' || c.pendingStep || !review || review.sufficiency !== 'needs_info' || !review.cureRequest) return null;
  return c.letters.some((l) => l.kind === 'needs_info' && l.reference === review.id) ? null : 'needs_info';
}

/**
 * Whether the status probe shows a change that only a full (audited) read of the case can show: a new state,
 * step or version, a production or import that finished or failed, or one that appeared or vanished.
 * Progress alone is not a reason: the probe carries it.
 */
export function needsReload(c: CaseDetail, s: CaseStatus): boolean {
  if (s.status !== c.status || s.pendingStep !== c.pendingStep || s.version !== c.version || s.updatedAt !== c.updatedAt) return true;
  const before = c.production?.status ?? null;
  const now = s.production?.status ?? null;
  if (now !== before && now !== 'rendering') return true;
  for (const probe of s.imports) {
    const known = c.recordImports.find((i) => i.id === probe.id);
    if (!known || (known.status !== probe.status && finished(probe.status))) return true;
  }
  return c.recordImports.some((known) => !s.imports.some((probe) => probe.id === known.id));
}

const STEP_WORDS: Record<string, string> = {
  intake: 'Checking intake, computing deadlines and assigning an attorney',
  'legal-review': 'Recording the legal review',
  fulfilment: 'Preparing the production',
  denial: 'Writing the denial letter',
};

export function stepDescription(step: string): string {
  return STEP_WORDS[step] ?? `Running the ${step} step`;
}
