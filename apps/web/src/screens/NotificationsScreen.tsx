import { api } from '../api/client';
import type { Notification } from '../api/types';
import { AsyncContent } from '../components/AsyncContent';
import { Tag } from '../components/badges';
import { ErrorAlert } from '../components/ErrorAlert';
import { Empty, PageHeader } from '../components/layout';
import { formatDateTime, humanize } from '../lib/format';
import { useAction } from '../lib/useAction';
import { useResource } from '../lib/useResource';
import { Link } from '../router/router';

const TONE: Record<string, 'danger' | 'warning' | 'neutral'> = { overdue: 'danger', production_failed: 'danger', due_soon: 'warning', gag_lapsed: 'warning' };

/** The person's own reminders: deadlines coming due, overdue cases, assignments, lapsed gag orders. */
export function NotificationsScreen() {
  const list = useResource<{ items: Notification[]; unread: number }>('/api/notifications');
  const markRead = useAction(async (id: string) => {
    await api.post(`/api/notifications/${id}/read`);
    list.reload();
    return true;
  });
  return (
    <>
      <PageHeader title="Notifications" />
      {markRead.error && <ErrorAlert error={markRead.error} title="Could not mark the notification read" />}
      <AsyncContent resource={list} what="your notifications">
        {({ items, unread }) =>
          items.length === 0 ? (
            <Empty>No notifications.</Empty>
          ) : (
            <>
              <p>{unread} unread.</p>
              <ul className="notifications">
                {items.map((n) => (
                  <li key={n.id} className={n.readAt ? 'notification notification--read' : 'notification'}>
                    <Tag tone={TONE[n.kind] ?? 'neutral'}>{humanize(n.kind)}</Tag> {n.message}
                    <div className="muted">
                      {formatDateTime(n.createdAt)}
                      {n.caseId && (
                        <>
                          {' · '}
                          <Link to={`/cases/${n.caseId}`}>Open the case</Link>
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
            </>
          )
        }
      </AsyncContent>
    </>
  );
}
