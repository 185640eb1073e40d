import { useState } from 'react';
import { api } from '../../api/client';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/layout';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../session/session';

interface NoticeStatus {
  decision: { allowed: boolean; refusal: string | null; message: string; citation: string };
  patrons: number;
  recordsPurged: boolean;
  notices: { id: string; method: string; sentOn: string; patrons: number }[];
}

const METHODS = [['mail', 'Mail'], ['email', 'E-mail'], ['phone', 'Phone'], ['in_person', 'In person']] as const;

/** Whether the patrons may be told now, the letters and mail-merge file, and the notices recorded. */
export function PatronNoticePanel({ caseId, refreshKey }: { caseId: string; refreshKey: string }) {
  const session = useSession();
  const status = useResource<NoticeStatus>(`/api/cases/${caseId}/notices?v=${encodeURIComponent(refreshKey)}`);
  const [method, setMethod] = useState('mail');
  const record = useAction(async () => {
    await api.post(`/api/cases/${caseId}/notices`, { method });
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
              <DownloadButton key={i} path={`/api/cases/${caseId}/notices/letters/${i + 1}/pdf`} fallbackName={`patron-notice-${i + 1}.pdf`}>
                {`Letter to patron ${i + 1}`}
              </DownloadButton>
            ))}
            <DownloadButton path={`/api/cases/${caseId}/notices/mail-merge/csv`} fallbackName="patron-notices.csv">Mail-merge CSV</DownloadButton>
          </div>
          <form className="inline-form" aria-label="Record the notice" onSubmit={(e) => (e.preventDefault(), void record.run())}>
            <label>
              Sent by{' '}
              <select value={method} onChange={(e) => setMethod(e.target.value)}>
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
