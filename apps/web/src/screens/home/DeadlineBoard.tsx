import { api } from '../../api/client';
import type { DueItem } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { TimeLeftNote, UrgencyBadge } from '../../components/badges';
import { Empty, Section } from '../../components/layout';
import { formatDate } from '../../lib/format';
import { label, REQUEST_TYPE_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/router';

const COLUMNS: { title: string; pick: (item: DueItem) => boolean; empty: string }[] = [
  { title: 'Overdue', pick: (i) => i.urgency === 'overdue', empty: 'Nothing is overdue.' },
  { title: 'Due today', pick: (i) => i.urgency === 'due_today', empty: 'Nothing is due today.' },
  { title: 'This week', pick: (i) => i.urgency === 'due_soon' || i.urgency === 'later', empty: 'Nothing else is due this week.' },
];

/** Open deadlines on cases the person can see: overdue, due today, and the rest of the week. */
export function DeadlineBoard() {
  const due = useResource(() => api.GET('/api/deadlines', { params: { query: { within: 'P7D' } } }), ['/api/deadlines', 'P7D'], { refreshWhile: () => true, intervalMs: 60_000 });
  return (
    <Section title="Deadline board">
      <AsyncContent resource={due} what="the deadlines">
        {(list) => (
          <div className="board">
            {COLUMNS.map((column) => {
              const items = list.items.filter(column.pick);
              return (
                <section key={column.title} className="board__column" aria-label={`${column.title}: ${items.length}`}>
                  <h3>
                    {column.title} <span className="count count--plain">{items.length}</span>
                  </h3>
                  {items.length === 0 ? (
                    <Empty>{column.empty}</Empty>
                  ) : (
                    <ul className="board__items">
                      {items.map((item) => (
                        <li key={`${item.caseId}-${item.clock}`} className={`board__item board__item--${item.urgency}`}>
                          <Link to={`/cases/${item.caseId}`}>{item.caseNumber}</Link> <UrgencyBadge urgency={item.urgency} />
                          <p className="board__label">{item.label}</p>
                          <p className="muted">
                            Due {formatDate(item.dueDate)}
                            <TimeLeftNote timeLeft={item.timeLeft} /> · {label(REQUEST_TYPE_LABELS, item.requestType)}
                          </p>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        )}
      </AsyncContent>
    </Section>
  );
}
