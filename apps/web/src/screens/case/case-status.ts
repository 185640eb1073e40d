import type { CaseDetail } from '../../api/types';

/** True while the worker is still doing something for the case, so the page keeps refreshing. */
export function isBusy(c: CaseDetail): boolean {
  return (
    c.pendingStep !== null ||
    c.status === 'fulfilling' ||
    c.production?.status === 'rendering' ||
    c.recordImports.some((i) => i.status !== 'completed' && i.status !== 'failed')
  );
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
