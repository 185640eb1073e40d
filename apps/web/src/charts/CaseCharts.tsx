import type { CaseSummary, Page } from '../api/types';
import { AsyncContent } from '../components/AsyncContent';
import { CASE_STATES, REQUEST_TYPE_LABELS, REQUEST_TYPES, STATE_LABELS } from '../lib/labels';
import { useResource } from '../lib/useResource';
import { BarChart } from './BarChart';
import { countBy, median, responseDays, responseTimeBars } from './chart-data';

const SAMPLE = 200;

/** Cases by state and by request type, and how long closed cases took, from the case list. */
export function CaseCharts({ charts = ['state', 'type', 'response'] }: { charts?: ('state' | 'type' | 'response')[] }) {
  const cases = useResource<Page<CaseSummary>>(`/api/cases?pageSize=${SAMPLE}`);
  return (
    <AsyncContent resource={cases} what="the case figures">
      {(page) => {
        const note = page.total > page.items.length ? `Based on the ${page.items.length} most urgent of ${page.total} cases.` : `All ${page.total} cases you can see.`;
        const days = responseDays(page.items);
        const mid = median(days);
        return (
          <div className="chart-grid">
            {charts.includes('state') && <BarChart title="Cases by state" caption={note} unit="cases" bars={countBy(page.items, (c) => c.status, CASE_STATES, STATE_LABELS)} emptyText="No cases yet." />}
            {charts.includes('type') && <BarChart title="Cases by request type" caption={note} unit="cases" bars={countBy(page.items, (c) => c.requestType, REQUEST_TYPES, REQUEST_TYPE_LABELS)} emptyText="No cases yet." />}
            {charts.includes('response') && (
              <BarChart
                title="Response times: received to closed"
                caption={mid === null ? 'No closed cases yet.' : `${days.length} closed case${days.length === 1 ? '' : 's'}; median ${mid} day${mid === 1 ? '' : 's'}.`}
                unit="cases"
                bars={days.length ? responseTimeBars(days) : []}
                emptyText="No case has been closed yet."
              />
            )}
          </div>
        );
      }}
    </AsyncContent>
  );
}
