import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { ApiError, toApiError } from '../api/errors';
import type { CaseState, CaseSummary } from '../api/schema';
import { AsyncContent } from '../components/AsyncContent';
import { CASE_STATES, REQUEST_TYPE_LABELS, REQUEST_TYPES, STATE_LABELS } from '../lib/labels';
import type { Resource } from '../lib/useResource';
import { useResource } from '../lib/useResource';
import { BarChart } from './BarChart';
import { median, responseDays, responseTimeBars, tallyBars } from './chart-data';

type Chart = 'state' | 'type' | 'response';

/**
 * Cases by state and by request type (counted by the server over every case the person may see), and how
 * long the director's decision took after receipt.
 */
export function CaseCharts({ charts = ['state', 'type', 'response'] }: { charts?: Chart[] }) {
  const counts = charts.includes('state') || charts.includes('type');
  return (
    <div className="chart-grid">
      {counts && <CaseloadCharts charts={charts} />}
      {charts.includes('response') && <ResponseTimeChart />}
    </div>
  );
}

function CaseloadCharts({ charts }: { charts: Chart[] }) {
  const caseload = useResource(() => api.GET('/api/reports/caseload'), ['/api/reports/caseload']);
  return (
    <AsyncContent resource={caseload} what="the caseload">
      {(load) => {
        const note = `All ${load.total} case${load.total === 1 ? '' : 's'} you can see.`;
        return (
          <>
            {charts.includes('state') && <BarChart title="Cases by state" caption={note} unit="cases" bars={tallyBars(load.byState, CASE_STATES, STATE_LABELS)} emptyText="No cases yet." />}
            {charts.includes('type') && (
              <BarChart title="Cases by request type" caption={note} unit="cases" bars={tallyBars(load.byRequestType, REQUEST_TYPES, REQUEST_TYPE_LABELS)} emptyText="No cases yet." />
            )}
          </>
        );
      }}
    </AsyncContent>
  );
}

/** States in which a case has the director's decision: approved and being produced, or past the decision. */
const DECIDED_STATES: CaseState[] = ['fulfilling', 'fulfilled', 'denied', 'closed'];
const PAGE = 200;

function ResponseTimeChart() {
  const decided = useDecidedCases();
  return (
    <AsyncContent resource={decided} what="the response times">
      {({ items, total }) => {
        const days = responseDays(items);
        const mid = median(days);
        const sample = days.length < total ? ` (from ${days.length} of ${total}; the list gives at most ${PAGE} per state)` : '';
        return (
          <BarChart
            title="Response times: received to decided"
            caption={mid === null ? undefined : `${days.length} decided case${days.length === 1 ? '' : 's'}; median ${mid} day${mid === 1 ? '' : 's'}${sample}.`}
            unit="cases"
            bars={days.length ? responseTimeBars(days) : []}
            emptyText="No case has been decided yet."
          />
        );
      }}
    </AsyncContent>
  );
}

/** The cases with a decision, one list request per decided state (each entry carries decidedAt). */
function useDecidedCases(): Resource<{ items: CaseSummary[]; total: number }> {
  const [state, setState] = useState<{ data?: { items: CaseSummary[]; total: number }; error?: ApiError }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    Promise.all(DECIDED_STATES.map((status) => api.GET('/api/cases', { params: { query: { status, pageSize: PAGE } } }))).then(
      (pages) => current && setState({ data: { items: pages.flatMap((p) => p.items), total: pages.reduce((n, p) => n + p.total, 0) } }),
      (error: unknown) => current && setState((s) => ({ data: s.data, error: toApiError(error) })),
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: !state.data && !state.error, reload };
}
