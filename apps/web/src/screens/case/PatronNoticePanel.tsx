import { useState } from 'react';
import type { PatronNoticeMethod } from '../../api/schema';
import { api, client, download } from '../../api/client';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/layout';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../session/session';

const METHODS = [['mail', 'Mail'], ['email', 'E-mail'], ['phone', 'Phone'], ['in_person', 'In person']] as const;

/** Whether the patrons may be told now, the letters and mail-merge file, and the notices recorded. */
export function PatronNoticePanel({ caseId, refreshKey }: { caseId: string; refreshKey: string }) {
  const session = useSession();
  const status = useResource(() => api.GET('/api/cases/{id}/notices', { params: { path: { id: caseId } } }), ['/api/cases/{id}/notices', caseId, refreshKey]);
  const [method, setMethod] = useState<PatronNoticeMethod>('mail');
  const record = useAction(async () => {
    await api.POST('/api/cases/{id}/notices', { params: { path: { id: caseId } }, body: { method } });
    status.reload();
  });
  const s = status.data;
  if (!s) return null;
  const canSend = session.hasRole('clerk', 'director') && s.decision.allowed && !s.recordsPurged;
  return (
    <Section title="Patron notice">
      <p className={s.decision.allowed ? undefined : 'muted'}>
        {s.decision.allowed ? 'The patrons may be told of this request.' : s.decision.message} <span className="citation">{s.decision.citation}</span>
      </p>
      {s.notices.length > 0 && (
        <ul>
          {s.notices.map((n) => (
            <li key={n.id}>
              Sent by {METHODS.find(([m]) => m === n.method)?.[1] ?? n.method} on {formatDate(n.sentOn)} to {n.patrons} patron{n.patrons === 1 ? '' : 's'}
            </li>
          ))}
        </ul>
      )}
      {canSend && (
        <>
          <div className="download-row">
            {Array.from({ length: s.patrons }, (_, i) => (
              <DownloadButton key={i} file={() => download(client.GET('/api/cases/{id}/notices/letters/{number}/pdf', { params: { path: { id: caseId, number: i + 1 } }, parseAs: 'blob' }), `patron-notice-${i + 1}.pdf`)}>
                {`Letter to patron ${i + 1}`}
              </DownloadButton>
            ))}
            <DownloadButton file={() => download(client.GET('/api/cases/{id}/notices/mail-merge/csv', { params: { path: { id: caseId } }, parseAs: 'blob' }), 'patron-notices.csv')}>Mail-merge CSV</DownloadButton>
          </div>
          <form className="inline-form" aria-label="Record the notice" onSubmit={(e) => (e.preventDefault(), void record.run())}>
            <label>
              Sent by{' '}
              <select value={method} onChange={(e) => setMethod(e.target.value as PatronNoticeMethod)}>
                {METHODS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button button--secondary" disabled={record.pending}>
              Record notice sent today
            </button>
          </form>
          {record.error && <ErrorAlert error={record.error} />}
        </>
      )}
    </Section>
  );
}
