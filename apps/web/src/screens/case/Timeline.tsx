import { useEffect, useRef, useState } from 'react';
import { CheckboxField } from '../../components/fields';
import type { CaseEvent } from '../../api/types';
import { AsyncContent } from '../../components/AsyncContent';
import { Tag } from '../../components/badges';
import { Empty } from '../../components/layout';
import { formatDateTime, humanize } from '../../lib/format';
import { useResource } from '../../lib/useResource';

/** Every successful read of a case is audited; on the timeline they are hidden unless asked for. */
const READ = 'case.read';

function detailText(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

/** The case's history from the audit log, oldest first: who did what, when, and whether it was allowed. */
export function Timeline({ caseId, refreshKey, showReadsInitially = false }: { caseId: string; refreshKey?: string | number; showReadsInitially?: boolean }) {
  const [showReads, setShowReads] = useState(showReadsInitially);
  const events = useResource<{ items: CaseEvent[] }>(`/api/cases/${caseId}/events`);
  const { reload } = events;
  const seen = useRef(refreshKey);
  useEffect(() => {
    if (seen.current === refreshKey) return;
    seen.current = refreshKey;
    reload();
  }, [refreshKey, reload]);
  return (
    <AsyncContent resource={events} what="the timeline">
      {({ items }) => {
        const reads = items.filter((e) => e.action === READ).length;
        const shown = showReads ? items : items.filter((e) => e.action !== READ);
        return (
          <>
            {reads > 0 && <CheckboxField name={`showReads-${caseId}`} label={`Show the ${reads} views of the case`} checked={showReads} onChange={setShowReads} />}
            {shown.length === 0 ? <Empty>No events recorded.</Empty> : <EventList events={shown} />}
          </>
        );
      }}
    </AsyncContent>
  );
}

function EventList({ events }: { events: CaseEvent[] }) {
  return (
    <ol className="timeline" aria-label="Case timeline">
      {events.map((e) => (
        <li key={e.seq} className={`timeline__event timeline__event--${e.outcome}`}>
          <div className="timeline__when">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            <span className="muted"> · #{e.seq}</span>
          </div>
          <div className="timeline__what">
            <strong>{humanize(e.action)}</strong> by {e.actor ?? 'the system'}
            {e.outcome !== 'success' && <> <Tag tone={e.outcome === 'denied' ? 'danger' : 'warning'}>{e.outcome}</Tag></>}
          </div>
          {detailText(e.details) && <div className="timeline__details">{detailText(e.details)}</div>}
        </li>
      ))}
    </ol>
  );
}
