import { FormEvent, useRef, useState } from 'react';
import { api, client, download, multipart } from '../../api/client';
import type { CaseDetail, CaseDocument, DocumentKind } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, FileField, SelectField } from '../../components/fields';
import { Empty, LiveStatus, Section } from '../../components/layout';
import { formatBytes, formatDateTime } from '../../lib/format';
import { DOCUMENT_KIND_LABELS, label, OPEN_STATES, optionsOf } from '../../lib/labels';
import { useAction } from '../../lib/useAction';
import { useSession } from '../../session/session';
import { DocumentViewer, viewable } from './DocumentViewer';
import { DownloadButton } from '../../components/DownloadButton';

/** Documents on file for the case, and (for a clerk, while the case is open) attaching another. */
export function DocumentsPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { hasRole } = useSession();
  const [open, setOpen] = useState<CaseDocument | null>(null);
  return (
    <Section title="Documents">
      {c.documents.length === 0 ? <Empty>No documents attached.</Empty> : <DocumentTable caseId={c.id} documents={c.documents} onOpen={setOpen} />}
      {open && <DocumentViewer key={open.id} caseId={c.id} document={open} onClose={() => setOpen(null)} />}
      {hasRole('clerk') && OPEN_STATES.includes(c.status) && <AttachDocumentForm caseId={c.id} onAttached={onChanged} />}
    </Section>
  );
}

function DocumentTable({ caseId, documents, onOpen }: { caseId: string; documents: CaseDocument[]; onOpen: (d: CaseDocument) => void }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table table--compact">
        <caption className="visually-hidden">Documents attached to the case</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Kind</th>
            <th scope="col">Size</th>
            <th scope="col">Attached</th>
            <th scope="col">SHA-256</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.filename}</th>
              <td>{label(DOCUMENT_KIND_LABELS, d.kind)}</td>
              <td className="nowrap">{formatBytes(d.size)}</td>
              <td>{formatDateTime(d.createdAt)}</td>
              <td>
                <code className="hash" title={d.sha256}>{d.sha256.slice(0, 12)}…</code>
              </td>
              <td>
                {viewable(d) ? (
                  <button type="button" className="button button--link" onClick={() => onOpen(d)}>
                    View<span className="visually-hidden"> {d.filename}</span>
                  </button>
                ) : (
                  <DownloadButton file={() => download(client.GET('/api/cases/{id}/documents/{documentId}', { params: { path: { id: caseId, documentId: d.id } }, parseAs: 'blob' }), d.filename)}>{`Download ${d.filename}`}</DownloadButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AttachDocumentForm({ caseId, onAttached }: { caseId: string; onAttached: () => void }) {
  const [kind, setKind] = useState<DocumentKind | ''>('instrument');
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const action = useAction(async () => {
    const form = new FormData();
    form.append('kind', kind);
    if (file) form.append('file', file);
    const saved = await api.POST('/api/cases/{id}/documents', { params: { path: { id: caseId } }, body: multipart(form) });
    setDone(`Attached ${saved.filename}.`);
    setFile(null);
    formRef.current?.reset();
    onAttached();
    return saved;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    void action.run();
  };
  return (
    <form ref={formRef} className="form form--inline-upload" onSubmit={submit} noValidate aria-label="Attach a document">
      <h3>Attach a document</h3>
      {action.error && <ErrorAlert error={action.error} title="The document was not attached" />}
      <FieldErrorsProvider value={action.error?.fieldErrors ?? {}}>
        <div className="field-row">
          <SelectField name="kind" label="Kind of document" value={kind} onChange={(v) => setKind(v as DocumentKind)}
            options={optionsOf(DOCUMENT_KIND_LABELS)} />
          <FileField name="document.file" errorName="file" label="File" onFile={setFile} hint="PDF or image scan, up to 50 MB." />
        </div>
      </FieldErrorsProvider>
      <button type="submit" className="button button--secondary" disabled={action.pending} aria-busy={action.pending}>
        {action.pending ? 'Uploading…' : 'Attach document'}
      </button>
      <LiveStatus>{done}</LiveStatus>
    </form>
  );
}
