import { useEffect, useRef, useState } from 'react';
import { client, download } from '../../api/client';
import type { CaseDetail, CaseDocument } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../lib/useAction';

/**
 * Types shown inline. The blob is re-typed to the listed type before display, so an upload that claims to be a
 * PDF is only ever handed to the PDF viewer, and nothing that could run script in the app's origin (HTML, SVG)
 * is ever rendered.
 */
const INLINE: Record<string, 'pdf' | 'image'> = {
  'application/pdf': 'pdf',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
};

export function viewable(d: CaseDocument): boolean {
  return d.mediaType in INLINE;
}

/** Opens one attached document inside the page (each opening is an audited read on the server). */
export function DocumentViewer({ caseId, document, onClose }: { caseId: string; document: CaseDocument; onClose: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  const kind = INLINE[document.mediaType];
  const load = useAction(async () => {
    const file = await download(client.GET('/api/cases/{id}/documents/{documentId}', { params: { path: { id: caseId, documentId: document.id } }, parseAs: 'blob' }), document.filename);
    const typed = new Blob([await file.blob.arrayBuffer()], { type: document.mediaType });
    const next = URL.createObjectURL(typed);
    setUrl(next);
    return next;
  });
  // Opened once per viewer: every opening is an audited read, so a re-render must not fetch again.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void load.run();
  }, [load]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return (
    <section className="viewer" aria-label={`Document ${document.filename}`}>
      <div className="viewer__bar">
        <h3 className="viewer__title">{document.filename}</h3>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close the document<span className="visually-hidden"> {document.filename}</span>
        </button>
      </div>
      {load.error && <ErrorAlert error={load.error} title="The document could not be opened" />}
      {!url && !load.error && <p className="loading" role="status">Opening {document.filename}…</p>}
      {url && kind === 'pdf' && <iframe className="viewer__frame" src={url} title={`${document.filename} (PDF)`} />}
      {url && kind === 'image' && <img className="viewer__image" src={url} alt={`Scan of ${document.filename}`} />}
    </section>
  );
}

/** Request types that arrive as a written instrument the attorney must read, and what it is called. */
const INSTRUMENT_NAME: Partial<Record<CaseDetail['requestType'], string>> = {
  court_order: 'court order',
  search_warrant: 'search warrant',
  civil_subpoena: 'subpoena',
  criminal_subpoena: 'subpoena',
  national_security_letter: 'national security letter',
  fisa_order: 'FISA order',
  patron_consent: 'signed consent',
};

/** The written instrument the rules expect, when none is attached; null when one is on file or none is expected. */
export function missingInstrument(c: CaseDetail): string | null {
  const name = INSTRUMENT_NAME[c.requestType];
  if (!name) return null;
  const attached = c.documents.some((d) => d.kind === 'instrument' || d.kind === 'consent' || d.kind === 'court_filing');
  return attached ? null : name;
}

export function MissingInstrumentWarning({ c }: { c: CaseDetail }) {
  const name = missingInstrument(c);
  if (!name) return null;
  return (
    <div className="alert alert--warning" role="note">
      <h2 className="alert__title">No copy of the {name} is attached</h2>
      <p>
        Nobody can check a signature, a date or a court that is not on file. Attach the {name} (document kind “instrument”
        {c.requestType === 'patron_consent' ? ' or “consent”' : ''}) before the legal review relies on it.
      </p>
    </div>
  );
}
