import type { Deadline } from '../../api/schema';
import { Tag, TimeLeftNote } from '../../components/badges';
import { Empty, Section } from '../../components/layout';
import { formatDate } from '../../lib/format';
import { libraryToday } from '../../lib/pacific-time';
import { DeadlineExplanation } from './DeadlineExplanation';

function dueTag(d: Deadline, today: string) {
  if (d.status === 'met') return <Tag tone="success">Met</Tag>;
  if (d.status === 'paused') return <Tag tone="neutral">Paused</Tag>;
  if (!d.dueDate) return null;
  if (d.timeLeft) return <TimeLeftNote timeLeft={d.timeLeft} />;
  if (d.dueDate < today) return <Tag tone="danger">Overdue</Tag>;
  if (d.dueDate === today) return <Tag tone="warning">Due today</Tag>;
  return null;
}

/** The case's clocks, each with its working one click away. */
export function DeadlineList({ deadlines, title = 'Deadlines' }: { deadlines: Deadline[]; title?: string }) {
  const today = libraryToday();
  return (
    <Section title={title}>
      {deadlines.length === 0 ? (
        <Empty>No deadlines yet: they are computed when intake is submitted.</Empty>
      ) : (
        <ul className="deadlines">
          {deadlines.map((d) => (
            <li key={d.clock} className="deadline">
              <div className="deadline__head">
                <span className="deadline__label">{d.label}</span>
                <span className="deadline__date">{d.dueDate ? formatDate(d.dueDate) : 'No date while paused'}</span> {dueTag(d, today)}
              </div>
              {d.explanation && (
                <details>
                  <summary>
                    How this date was computed<span className="visually-hidden">: {d.label}</span>
                  </summary>
                  <DeadlineExplanation explanation={d.explanation} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
