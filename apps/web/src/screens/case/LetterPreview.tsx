import { useEffect, useRef, useState } from 'react';
import { previewDecisionLetter } from '../../api/case-actions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../lib/useAction';

/**
 * The letter the decision would send, shown before the director confirms: the denial letter exactly as it would be
 * written, or the production's cover letter. Rendered by the server and not stored; each opening is audited, so it
 * loads once per confirmation, not on every re-render.
 */
export function LetterPreview({ caseId, decision, reasons }: { caseId: string; decision: 'approve' | 'deny'; reasons?: string[] }) {
  const [url, setUrl] = useState<string | null>(null);
  const what = decision === 'approve' ? 'production cover letter' : 'denial letter';
  const load = useAction(async () => {
    const file = await previewDecisionLetter(caseId, { decision, ...(reasons?.length ? { reasons } : {}) });
    // Re-typed so the browser only ever hands it to its PDF viewer.
    const next = URL.createObjectURL(new Blob([await file.blob.arrayBuffer()], { type: 'application/pdf' }));
    setUrl(next);
    return next;
  });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void load.run();
  }, [load]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return (
    <div className="preview" aria-label={`Preview of the ${what}`} role="region">
      <h3>Preview of the {what}</h3>
      {load.error && <ErrorAlert error={load.error} title={`The ${what} could not be previewed`} onRetry={() => void load.run()} />}
      {!url && !load.error && <p className="loading" role="status">Preparing the {what}…</p>}
      {url && <iframe className="preview__frame" src={url} title={`${what} (PDF preview)`} />}
    </div>
  );
}
