import { FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { CaseDetail, RecordImport } from '../../api/types';
import { Tag } from '../../components/badges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, FileField, SelectField } from '../../components/fields';
import { LiveStatus, Section } from '../../components/layout';
import { ProgressBar } from '../../components/ProgressBar';
import { formatDateTime, plural } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../session/session';

const IMPORTABLE = ['intake', 'legal_review', 'needs_info', 'awaiting_approval'];
const CSV_TABLES = ['borrowers', 'issues', 'old_issues', 'reserves', 'old_reserves', 'accountlines', 'search_history', 'sessions'];
const finished = (i: RecordImport) => i.status === 'completed' || i.status === 'failed';

/** Responsive records imported from the ILS: each import's progress and row errors, and a new upload. */
export function RecordImportsPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { hasRole } = useSession();
  const [started, setStarted] = useState<string[]>([]);
  const ids = [...new Set([...c.recordImports.map((i) => i.id), ...started])];
  if (!ids.length && !(hasRole('clerk') && IMPORTABLE.includes(c.status))) return null;
  return (
    <Section title="Responsive records">
      {ids.length === 0 && <p className="muted">No records imported yet. Export them from the ILS (Koha JSON keyed by table, or one CSV per table).</p>}
      <ul className="imports">
        {ids.map((id) => (
          <li key={id}>
            <ImportStatus caseId={c.id} importId={id} initial={c.recordImports.find((i) => i.id === id)} onFinished={onChanged} />
          </li>
        ))}
      </ul>
      {hasRole('clerk') && IMPORTABLE.includes(c.status) && (
        <ImportForm caseId={c.id} onStarted={(i) => setStarted((s) => [...s, i.id])} />
      )}
    </Section>
  );
}

/** Polls one import until it completes or fails, with a progress bar and its row errors. */
function ImportStatus({ caseId, importId, initial, onFinished }: { caseId: string; importId: string; initial?: RecordImport; onFinished: () => void }) {
  const live = useResource<RecordImport>(initial && finished(initial) ? null : `/api/cases/${caseId}/records/imports/${importId}`, {
    refreshWhile: (i) => !finished(i),
    intervalMs: 500,
  });
  const current = live.data ?? initial;
  const reported = useRef(false);
  const done = !!live.data && finished(live.data);
  useEffect(() => {
    if (!done || reported.current) return;
    reported.current = true;
    onFinished();
  }, [done, onFinished]);
  if (!current) return <p className="loading">Starting the import…</p>;
  const name = current.filename ?? 'export';
  return (
    <div className="import">
      <div className="import__head">
        <strong>{name}</strong> {current.table && <span className="muted">({current.table})</span>}{' '}
        {current.status === 'completed' && <Tag tone="success">Imported</Tag>}
        {current.status === 'failed' && <Tag tone="danger">Failed</Tag>}
        {current.createdAt && <span className="muted"> · {formatDateTime(current.createdAt)}</span>}
      </div>
      {!finished(current) && <ProgressBar label={`Importing ${name}`} value={current.progress} detail={`${current.status}: ${plural(current.rowsRead, 'row')} read`} />}
      <LiveStatus>
        {current.status === 'completed'
          ? `${plural(current.rowsImported, 'row')} imported from ${plural(current.rowsRead, 'row')} read${current.errorCount ? `; ${plural(current.errorCount, 'row error')}` : ''}.`
          : current.status === 'failed'
            ? `The import failed with ${plural(current.errorCount, 'error')}.`
            : ''}
      </LiveStatus>
      {current.errors && current.errors.length > 0 && <ImportErrors import={current} />}
      {live.error && <ErrorAlert error={live.error} title="Could not read the import's progress" onRetry={live.reload} />}
    </div>
  );
}

function ImportErrors({ import: i }: { import: RecordImport }) {
  return (
    <details open={i.status === 'failed'}>
      <summary>
        {plural(i.errorCount, 'problem')} in the file{i.errors!.length < i.errorCount ? ` (first ${i.errors!.length} shown)` : ''}
      </summary>
      <div className="table-wrap">
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
    const started = await api.upload<RecordImport>(`/api/cases/${caseId}/records`, form);
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
