import type { CaseDetail } from '../../api/schema';

/**
 * Something a person must act on, set by the worker: an intake returned as incomplete, a production stopped
 * because verification found a withheld value, a step that ran out of retries. Shown at the top of the case.
 */
export function CaseAlert({ c }: { c: CaseDetail }) {
  if (typeof c.alert !== 'string' || c.alert.trim() === '') return null;
  return (
    <div className="alert alert--warning" role="alert" aria-labelledby="case-alert-title">
      <h2 id="case-alert-title" className="alert__title">
        Needs attention
      </h2>
      <p>{c.alert}</p>
    </div>
  );
}
