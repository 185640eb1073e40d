import { FormEvent, useState } from 'react';
import { query } from '../../api/client';
import type { Count, TransparencyReport } from '../../api/types';
import { BarChart } from '../../charts/BarChart';
import { AsyncContent } from '../../components/AsyncContent';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/fields';
import { PageHeader, Section } from '../../components/layout';
import { formatDate } from '../../lib/format';
import { REQUEST_TYPE_LABELS } from '../../lib/labels';
import { libraryToday } from '../../lib/pacific-time';
import { useResource } from '../../lib/useResource';

/** The current half-year, as companies publish transparency reports. */
function currentHalf(today = libraryToday()): { from: string; to: string } {
  const year = today.slice(0, 4);
  return Number(today.slice(5, 7)) <= 6 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

const show = (c: Count) => (typeof c === 'number' ? String(c) : c.band);
const COLUMNS: [keyof TransparencyReport['rows'][number], string][] = [
  ['received', 'Received'],
  ['produced', 'Produced'],
  ['denied', 'Denied'],
  ['withdrawn', 'Withdrawn'],
  ['pending', 'Pending'],
  ['patronsAffected', 'Patrons affected'],
];

export function TransparencyScreen() {
  const [period, setPeriod] = useState(currentHalf);
  const [draft, setDraft] = useState(period);
  const report = useResource<TransparencyReport>(`/api/reports/transparency${query(period)}`);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(draft);
  };
  return (
    <>
      <PageHeader title="Transparency report" subtitle="Requests received in the period, by kind of process and outcome." />
      <form className="inline-form" onSubmit={apply} aria-label="Report period">
        <TextField name="from" label="From" type="date" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        <TextField name="to" label="To" type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        <button type="submit" className="button button--secondary">
          Show
        </button>
      </form>
      {report.error && report.data && <ErrorAlert error={report.error} />}
      <AsyncContent resource={report} what="the report">
        {(r) => (
          <>
            <Section title={`Requests received ${formatDate(r.from)} to ${formatDate(r.to)}`}>
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Requests by kind and outcome</caption>
                  <thead>
                    <tr>
                      <th scope="col">Kind of request</th>
                      {COLUMNS.map(([, title]) => (
                        <th scope="col" key={title} className="num">
                          {title}
                        </th>
                      ))}
                      <th scope="col" className="num">
                        Share with data produced
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.rows.map((row) => (
                      <tr key={row.requestType}>
                        <th scope="row">{REQUEST_TYPE_LABELS[row.requestType] ?? row.requestType}</th>
                        {COLUMNS.map(([key]) => (
                          <td key={key} className="num">
                            {show(row[key] as Count)}
                          </td>
                        ))}
                        <td className="num">{row.percentWithDataProduced === null ? '—' : `${row.percentWithDataProduced}%`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="citation">{r.citation}.</p>
            </Section>
            <Section title="Received, by kind of request">
              <BarChart
                title="Requests received"
                caption="Banded kinds are left out of the chart; see the table."
                unit="requests"
                bars={r.rows.filter((row) => typeof row.received === 'number' && row.received > 0).map((row) => ({ label: REQUEST_TYPE_LABELS[row.requestType], value: row.received as number }))}
                emptyText="No requests in this period."
              />
            </Section>
          </>
        )}
      </AsyncContent>
    </>
  );
}
