import { useState } from 'react';
import { api } from '../api/client';
import { AsyncContent } from '../components/AsyncContent';
import { Tag } from '../components/badges';
import { ErrorAlert } from '../components/ErrorAlert';
import { Empty, PageHeader, Section } from '../components/layout';
import { EmailReminders } from './calendar/CalendarFeed';
import { formatDateTime, humanize } from '../lib/format';
import { useAction } from '../lib/useAction';
import { useResource } from '../lib/useResource';
import { Link } from '../router/router';

const TONE: Record<string, 'danger' | 'warning' | 'neutral'> = { overdue: 'danger', production_failed: 'danger', due_soon: 'warning', gag_lapsed: 'warning', escalation: 'danger' };

/** The person's own reminders: deadlines coming due, overdue cases, assignments, lapsed gag orders; filtered by case, read in bulk. */
export function NotificationsScreen() {
  const list = useResource(() => api.GET('/api/notifications'), ['/api/notifications']);
  const [caseFilter, setCaseFilter] = useState('');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const markRead = useAction(async (id: string) => {
    await api.POST('/api/notifications/{id}/read', { params: { path: { id } } });
    list.reload();
    return true;
  });
  const markAll = useAction(async (caseId: string) => {
    await api.POST('/api/notifications/read-all', { body: caseId ? { caseId } : {} });
    list.reload();
    return true;
  });
  return (
    <>
      <PageHeader title="Notifications" />
      {markRead.error && <ErrorAlert error={markRead.error} title="Could not mark the notification read" />}
      {markAll.error && <ErrorAlert error={markAll.error} title="Could not mark the notifications read" />}
      <AsyncContent resource={list} what="your notifications">
        {({ items }) => {
          if (items.length === 0) return <Empty>No notifications.</Empty>;
          const cases = [...new Map(items.filter((n) => n.caseId).map((n) => [n.caseId!, n.caseNumber ?? 'a case'])).entries()];
          const shown = items.filter((n) => (!caseFilter || n.caseId === caseFilter) && (!unreadOnly || !n.readAt));
          const unreadShown = shown.filter((n) => !n.readAt).length;
          return (
            <>
              <div className="toolbar" role="group" aria-label="Filter notifications">
                <div className="field field--inline">
                  <label htmlFor="notification-case">Case</label>
                  <select id="notification-case" value={caseFilter} onChange={(e) => setCaseFilter(e.target.value)}>
                    <option value="">All cases</option>
                    {cases.map(([id, number]) => (
                      <option key={id} value={id}>
                        {number}
                      </option>
                    ))}
                  </select>
                </div>
                <label className="check check--inline">
                  <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Unread only
                </label>
                <button type="button" className="button button--secondary" disabled={unreadShown === 0 || markAll.pending} onClick={() => void markAll.run(caseFilter)}>
                  {caseFilter ? 'Mark this case’s notifications read' : 'Mark all read'}
                </button>
              </div>
              <p role="status">
                {unreadShown} unread{caseFilter ? ' on this case' : ''}; {shown.length} shown.
              </p>
              {shown.length === 0 ? (
                <Empty>Nothing matches the filter.</Empty>
              ) : (
                <ul className="notifications">
                  {shown.map((n) => (
                    <li key={n.id} className={n.readAt ? 'notification notification--read' : 'notification'}>
                      <Tag tone={TONE[n.kind] ?? 'neutral'}>{humanize(n.kind)}</Tag> {n.message}
                      <div className="muted">
                        {formatDateTime(n.createdAt)}
                        {n.caseId && (
                          <>
                            {' · '}
                            <Link to={`/cases/${n.caseId}`}>Open case {n.caseNumber ?? ''}</Link>
                          </>
                        )}
                      </div>
                      {!n.readAt && (
                        <button type="button" className="button button--link" onClick={() => void markRead.run(n.id)}>
                          Mark as read<span className="visually-hidden">: {n.message}</span>
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </AsyncContent>
      <Section title="E-mail">
        <EmailReminders />
      </Section>
    </>
  );
}
