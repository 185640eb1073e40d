import { api } from '../../api/client';
import { useEffect, useRef, useState } from 'react';
import { CheckboxField } from '../../components/fields';
import type { CaseEvent } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { Tag } from '../../components/badges';
import { Empty } from '../../components/layout';
import { eventSentence, eventsCsv, People } from '../../lib/event-sentences';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';

/** Every successful read of a case is audited; on the timeline they are hidden unless asked for. */
const READ = 'case.read';

/** Hands the events to the browser as a CSV download; built from what is already on screen, so no second read. */
function downloadCsv(filename: string, events: CaseEvent[], people: People) {
  const url = URL.createObjectURL(new Blob([eventsCsv(events, people)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The case's history from the audit log, oldest first, in sentences: who did what, when, and whether it was allowed. */
export function Timeline({ caseId, caseNumber, refreshKey, showReadsInitially = false, exportable = false }: { caseId: string; caseNumber?: string; refreshKey?: string | number; showReadsInitially?: boolean; exportable?: boolean }) {
  const [showReads, setShowReads] = useState(showReadsInitially);
  const events = useResource(() => api.GET('/api/cases/{id}/events', { params: { path: { id: caseId } } }), ['/api/cases/{id}/events', caseId]);
  const { reload } = events;
  const seen = useRef(refreshKey);
  useEffect(() => {
    if (seen.current === refreshKey) return;
    seen.current = refreshKey;
    reload();
  }, [refreshKey, reload]);
  return (
    <AsyncContent resource={events} what="the timeline">
      {({ items, people = {} }) => {
        const reads = items.filter((e) => e.action === READ).length;
        const shown = showReads ? items : items.filter((e) => e.action !== READ);
        return (
          <>
            <div className="toolbar">
              {reads > 0 && <CheckboxField name={`showReads-${caseId}`} label={`Show the ${reads} views of the case`} checked={showReads} onChange={setShowReads} />}
              {exportable && (
                <button type="button" className="button button--secondary" onClick={() => downloadCsv(`audit-${caseNumber ?? caseId}.csv`, items, people)}>
                  Export all {items.length} events as CSV
                </button>
              )}
            </div>
            {shown.length === 0 ? <Empty>No events recorded.</Empty> : <EventList events={shown} people={people} />}
          </>
        );
      }}
    </AsyncContent>
  );
}

function EventList({ events, people }: { events: CaseEvent[]; people: People }) {
  return (
    <ol className="timeline" aria-label="Case timeline">
      {events.map((e) => (
        <li key={e.seq} className={`timeline__event timeline__event--${e.outcome}`}>
          <div className="timeline__when">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          </div>
          <div className="timeline__what">
            {eventSentence(e, people)}
            {e.outcome !== 'success' && <> <Tag tone={e.outcome === 'denied' ? 'danger' : 'warning'}>{e.outcome === 'denied' ? 'Refused' : 'Failed'}</Tag></>}
          </div>
        </li>
      ))}
    </ol>
  );
}
