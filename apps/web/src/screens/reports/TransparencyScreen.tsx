import { FormEvent, useState } from 'react';
import { api, client, download } from '../../api/client';
import { OUTCOME_KEYS, type OutcomeKey, type TransparencyReport } from '../../api/schema';
import { BarChart } from '../../charts/BarChart';
import { AsyncContent } from '../../components/AsyncContent';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/fields';
import { Facts, PageHeader, Section } from '../../components/layout';
import { formatDate } from '../../lib/format';
import { libraryToday } from '../../lib/pacific-time';
import { useResource } from '../../lib/useResource';

/** The current half-year, as companies publish transparency reports. */
function currentHalf(today = libraryToday()): { from: string; to: string } {
  const year = today.slice(0, 4);
  return Number(today.slice(5, 7)) <= 6 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

const OUTCOME_TITLES: Record<OutcomeKey, string> = {
  produced_in_full: 'In full', produced_in_part: 'In part', produced_nothing: 'Nothing', objected_or_denied: 'Denied', withdrawn: 'Withdrawn', open: 'Open',
};

const days = (n: number | null) => (n === null ? '—' : `${n} days`);

export function TransparencyScreen() {
  const [period, setPeriod] = useState(currentHalf);
  const [draft, setDraft] = useState(period);
  // Without `format` the answer is the JSON report (format=csv and format=pdf are the files).
  const report = useResource(() => api.GET('/api/reports/transparency', { params: { query: period } }) as Promise<TransparencyReport>, ['/api/reports/transparency', period]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(draft);
  };
  const file = (format: 'csv' | 'pdf') => () => download(client.GET('/api/reports/transparency', { params: { query: { ...period, format } }, parseAs: 'blob' }), `transparency-report.${format}`);
  return (
    <>
      <PageHeader
        title="Transparency report"
        subtitle="Requests received in the period, by kind of process and outcome. National-security process appears only in the bands the law allows."
        actions={
          <>
            <DownloadButton file={file('pdf')}>Download PDF</DownloadButton>
            <DownloadButton file={file('csv')}>Download CSV</DownloadButton>
          </>
        }
      />
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
            <Section title={`Requests received ${formatDate(r.period.from)} to ${formatDate(r.period.to)}`}>
              <div className="table-wrap" tabIndex={0}>
                <table className="table">
                  <caption className="visually-hidden">Requests by kind and outcome</caption>
                  <thead>
                    <tr>
                      <th scope="col">Kind of request</th>
                      <th scope="col" className="num">Received</th>
                      {OUTCOME_KEYS.map((key) => (
                        <th scope="col" key={key} className="num">
                          {OUTCOME_TITLES[key]}
                        </th>
                      ))}
                      <th scope="col" className="num">Patrons</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...r.requests.rows, r.requests.total].map((row) => (
                      <tr key={row.requestType}>
                        <th scope="row">{row.label}</th>
                        <td className="num">{row.received}</td>
                        {OUTCOME_KEYS.map((key) => (
                          <td key={key} className="num">
                            {row.outcomes[key]}
                          </td>
                        ))}
                        <td className="num">{row.patronsAffected}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Facts
                items={[
                  ['Response time (receipt to decision)', `${r.responseTimes.decided} decided; median ${days(r.responseTimes.medianDays)}, 90th percentile ${days(r.responseTimes.p90Days)}`],
                  ['Preservation holds', `${r.preservationHolds.placed} placed, ${r.preservationHolds.released} released`],
                  ['Emergency requests', String(r.emergencyRequests)],
                  ['Narrowed by counsel', String(r.narrowedByCounsel)],
                ]}
              />
            </Section>
            <Section title="Received, by kind of request">
              <BarChart
                title="Requests received"
                unit="requests"
                bars={r.requests.rows.filter((row) => row.received > 0).map((row) => ({ label: row.label, value: row.received }))}
                emptyText="No requests in this period."
              />
            </Section>
            <Section title="Response times">
              <BarChart title="Days from receipt to decision" unit="requests" bars={r.responseTimes.buckets.map((b) => ({ label: b.label, value: b.count }))} />
            </Section>
            <Section title="Under a court's nondisclosure order">
              <p className="muted">{r.nondisclosureOrders.note}</p>
              {r.nondisclosureOrders.periods.length > 0 && (
                <ul>
                  {r.nondisclosureOrders.periods.map((p) => (
                    <li key={p.from}>
                      {formatDate(p.from)} to {formatDate(p.to)}: {p.status !== 'reported' ? 'the half-year is not over' : p.figures.count ?? `fewer than ${p.figures.fewerThan}`}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title="National-security process">
              <p className="muted">
                {r.nationalSecurity.description} {r.nationalSecurity.note}
              </p>
              {r.nationalSecurity.periods.length === 0 ? (
                <p>No whole reporting period lies inside this period.</p>
              ) : (
                <ul>
                  {r.nationalSecurity.periods.map((p) => (
                    <li key={p.from}>
                      {formatDate(p.from)} to {formatDate(p.to)}:{' '}
                      {p.status !== 'reported'
                        ? 'the period is not over'
                        : p.figures.map((f) => (f.requests ? `${f.label} ${f.requests.band} (patrons targeted ${f.patronsTargeted?.band})` : `${f.label}: publishable on ${formatDate(f.availableOn)}`)).join('; ')}
                    </li>
                  ))}
                </ul>
              )}
              <p className="citation">{r.nationalSecurity.citation}.</p>
            </Section>
            <Section title="Methodology">
              <p>{r.methodology}</p>
              <p className="citation">{r.citations.join('; ')}.</p>
            </Section>
          </>
        )}
      </AsyncContent>
    </>
  );
}
