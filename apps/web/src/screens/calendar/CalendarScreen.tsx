import { api } from '../../api/client';
import { useState } from 'react';
import type { DueItem } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { TimeLeftNote } from '../../components/badges';
import { PageHeader, Section } from '../../components/layout';
import { formatDate } from '../../lib/format';
import { daysBetween, libraryToday } from '../../lib/pacific-time';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/router';
import { CalendarFeed } from './CalendarFeed';
import { monthTitle, monthWeeks, shiftMonth } from './month-grid';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Every open deadline on cases the person can see, laid out on the month; on a phone, as a list of days. */
export function CalendarScreen() {
  const today = libraryToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const weeks = monthWeeks(month);
  const lastShown = weeks[weeks.length - 1][6];
  // Open deadlines up to the end of the month shown (overdue ones come with them).
  const within = Math.max(1, Math.min(999, daysBetween(today, lastShown)));
  const due = useResource(() => api.GET('/api/deadlines', { params: { query: { within: `P${within}D` } } }), ['/api/deadlines', within]);
  return (
    <>
      <PageHeader title="Deadline calendar" subtitle="Open deadlines on the cases you can see. Overdue ones stay on the day they were due." />
      <div className="toolbar" role="group" aria-label="Month">
        <button type="button" className="button button--secondary" onClick={() => setMonth(shiftMonth(month, -1))}>
          Previous month
        </button>
        <button type="button" className="button button--secondary" onClick={() => setMonth(today.slice(0, 7))} disabled={month === today.slice(0, 7)}>
          This month
        </button>
        <button type="button" className="button button--secondary" onClick={() => setMonth(shiftMonth(month, 1))}>
          Next month
        </button>
      </div>
      <AsyncContent resource={due} what="the deadlines">
        {(list) => {
          const byDay = new Map<string, DueItem[]>();
          for (const item of list.items) byDay.set(item.dueDate, [...(byDay.get(item.dueDate) ?? []), item]);
          const inMonth = list.items.filter((i) => i.dueDate.startsWith(month)).length;
          return (
            <div className="table-wrap calendar-wrap" tabIndex={0}>
              <table className="calendar">
                <caption>
                  {monthTitle(month)}: {inMonth === 1 ? '1 open deadline' : `${inMonth} open deadlines`}
                </caption>
                <thead>
                  <tr>
                    {WEEKDAYS.map((d) => (
                      <th key={d} scope="col">
                        <abbr title={d}>{d.slice(0, 3)}</abbr>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((week) => (
                    <tr key={week[0]}>
                      {week.map((day) => {
                        const items = byDay.get(day) ?? [];
                        const outside = !day.startsWith(month);
                        return (
                          <td key={day} className={`calendar__day${outside ? ' calendar__day--outside' : ''}${day === today ? ' calendar__day--today' : ''}${items.length ? '' : ' calendar__day--empty'}`}>
                            <span className="calendar__date">
                              <span aria-hidden="true">{Number(day.slice(8))}</span>
                              <span className="visually-hidden">{formatDate(day)}</span>
                              {day === today && <span className="calendar__today"> today</span>}
                            </span>
                            {items.length > 0 && (
                              <ul className="calendar__items">
                                {items.map((i) => (
                                  <li key={`${i.caseId}-${i.clock}`} className={`calendar__item calendar__item--${i.urgency}`}>
                                    <Link to={`/cases/${i.caseId}`}>{i.caseNumber}</Link> {i.label}
                                    <TimeLeftNote timeLeft={i.timeLeft} />
                                  </li>
                                ))}
                              </ul>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </AsyncContent>
      <Section title="In your own calendar">
        <CalendarFeed />
      </Section>
    </>
  );
}
