import { FormEvent, useRef, useState } from 'react';
import { api, multipart } from '../../api/client';
import type { CaseDetail, CaseStatus, RecordImport } from '../../api/schema';
import { Tag } from '../../components/badges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, FileField, SelectField } from '../../components/fields';
import { LiveStatus, Section } from '../../components/layout';
import { ProgressBar } from '../../components/ProgressBar';
import { formatDateTime, plural } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useSession } from '../../session/session';

const IMPORTABLE = ['intake', 'legal_review', 'needs_info', 'awaiting_approval'];
const CSV_TABLES = ['borrowers', 'issues', 'old_issues', 'reserves', 'old_reserves', 'accountlines', 'search_history', 'sessions'];
const finished = (status: RecordImport['status']) => status === 'completed' || status === 'failed';
const STATUS_WORDS: Record<RecordImport['status'], string> = {
  queued: 'Waiting for the worker',
  validating: 'Checking the rows',
  importing: 'Sealing and storing the rows',
  completed: 'Imported',
  failed: 'Failed',
};

type LiveImport = CaseStatus['imports'][number];

/**
 * Responsive records imported from the ILS: each import's progress (from the case page's status probe,
 * `live`) and, once it has finished and the case has been re-read, its counts and row errors; and a new upload.
 */
export function RecordImportsPanel({ c, live, onChanged }: { c: CaseDetail; live: LiveImport[]; onChanged: () => void }) {
  const { hasRole } = useSession();
  // Uploads answered but not yet in the case as read: shown at once, replaced when the case is re-read.
  const [started, setStarted] = useState<RecordImport[]>([]);
  const imports = [...c.recordImports, ...started.filter((s) => !c.recordImports.some((i) => i.id === s.id))];
  if (!imports.length && !(hasRole('clerk') && IMPORTABLE.includes(c.status))) return null;
  return (
    <Section title="Responsive records">
      {imports.length === 0 && <p className="muted">No records imported yet. Export them from the ILS (Koha JSON keyed by table, or one CSV per table).</p>}
      <ul className="imports">
        {imports.map((i) => (
          <li key={i.id}>
            <ImportStatus current={i} live={live.find((l) => l.id === i.id)} />
          </li>
        ))}
      </ul>
      {hasRole('clerk') && IMPORTABLE.includes(c.status) && (
        <ImportForm
          caseId={c.id}
          onStarted={(i) => {
            setStarted((s) => [...s, i]);
            onChanged();
          }}
        />
      )}
    </Section>
  );
}

/** One import: a progress bar while it runs, then what it imported and the rows it refused. */
function ImportStatus({ current, live }: { current: RecordImport; live?: LiveImport }) {
  const running = !finished(current.status);
  const status = running && live ? live.status : current.status;
  const progress = running && live ? live.progress : current.progress;
  const name = current.filename ?? 'export';
  return (
    <div className="import">
      <div className="import__head">
        <strong>{name}</strong> {current.table && <span className="muted">({current.table})</span>}{' '}
        {current.status === 'completed' && <Tag tone="success">Imported</Tag>}
        {current.status === 'failed' && <Tag tone="danger">Failed</Tag>}
        {current.createdAt && <span className="muted"> · {formatDateTime(current.createdAt)}</span>}
      </div>
      {running && <ProgressBar label={`Importing ${name}`} value={progress} detail={`${STATUS_WORDS[status]}…`} />}
      <LiveStatus>
        {current.status === 'completed'
          ? `${plural(current.rowsImported, 'row')} imported from ${plural(current.rowsRead, 'row')} read${current.errorCount ? `; ${plural(current.errorCount, 'row error')}` : ''}.`
          : current.status === 'failed'
            ? `The import failed with ${plural(current.errorCount, 'error')}.`
            : running && live && finished(live.status)
              ? `${STATUS_WORDS[live.status]}; reading the result…`
              : ''}
      </LiveStatus>
      {current.errors && current.errors.length > 0 && <ImportErrors import={current} />}
    </div>
  );
}

function ImportErrors({ import: i }: { import: RecordImport }) {
  return (
    <details open={i.status === 'failed'}>
      <summary>
        {plural(i.errorCount, 'problem')} in the file{i.errors!.length < i.errorCount ? ` (first ${i.errors!.length} shown)` : ''}
      </summary>
      <div className="table-wrap" tabIndex={0}>
        <table className="table table--compact">
          <caption className="visually-hidden">Problems found in {i.filename}</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Table</th>
              <th scope="col">Row</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {i.errors!.map((e, n) => (
              <tr key={n}>
                <th scope="row">{e.line ?? '—'}</th>
                <td>{e.table ?? '—'}</td>
                <td>{e.row ?? '—'}</td>
                <td>{e.field ?? '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ImportForm({ caseId, onStarted }: { caseId: string; onStarted: (i: RecordImport) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [table, setTable] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const isCsv = !!file?.name.toLowerCase().endsWith('.csv');
  const action = useAction(async () => {
    const form = new FormData();
    if (file) {
      form.append('format', isCsv ? 'csv' : 'json');
      if (isCsv && table) form.append('table', table);
      form.append('file', file);
    }
    const started = await api.POST('/api/cases/{id}/records', { params: { path: { id: caseId } }, body: multipart(form) });
    onStarted(started);
    setFile(null);
    formRef.current?.reset();
    return started;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <form ref={formRef} className="form form--inline-upload" onSubmit={submit} noValidate aria-label="Import records">
      <h3>Import records</h3>
      {action.error && <ErrorAlert error={action.error} title="The import was not started" />}
      <FieldErrorsProvider value={action.error?.fieldErrors ?? {}}>
        <div className="field-row">
          <FileField name="records.file" errorName="file" label="ILS export file" accept=".json,.csv,application/json,text/csv" onFile={setFile}
            hint="Koha JSON keyed by table names, or a CSV of one table." />
          {isCsv && (
            <SelectField name="table" label="Koha table in the CSV" value={table} onChange={setTable} placeholder="From the file name"
              options={CSV_TABLES.map((t) => ({ value: t, label: t }))} />
          )}
        </div>
      </FieldErrorsProvider>
      <button type="submit" className="button button--secondary" disabled={action.pending} aria-busy={action.pending}>
        {action.pending ? 'Uploading…' : 'Import records'}
      </button>
    </form>
  );
}
