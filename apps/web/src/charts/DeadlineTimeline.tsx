import { useId } from 'react';
import type { DueItem } from '../api/schema';
import { formatDate } from '../lib/format';
import { URGENCY_LABELS } from '../lib/labels';
import { Link } from '../router/router';
import { ChartFigure } from './ChartFigure';
import { URGENCY_ORDER, weekColumns } from './chart-data';

const WIDTH = 640;
const TOP = 28;
const BOTTOM = 40;
const BLOCK = 16;
const GAP = 3;
const MAX_STACK = 6;

/**
 * Open deadlines over the coming weeks: one column for what is overdue and one per week, each deadline a
 * block coloured by urgency (and named in its tooltip and in the table below).
 */
export function DeadlineTimeline({ items, today, weeks = 6 }: { items: DueItem[]; today: string; weeks?: number }) {
  const titleId = useId();
  const descId = useId();
  const columns = weekColumns(items, today, weeks);
  const columnWidth = WIDTH / columns.length;
  const plotHeight = MAX_STACK * (BLOCK + GAP);
  const height = TOP + plotHeight + BOTTOM;
  const description = columns.map((c) => `${c.label}: ${c.items.length}`).join('; ');
  const title = `Deadlines over the next ${weeks} weeks`;
  return (
    <ChartFigure
      title={title}
      caption={`${items.length} open deadline${items.length === 1 ? '' : 's'} from ${formatDate(today)}; one column per week, each block one deadline.`}
      table={{
        columns: ['Period', 'Deadlines', 'Cases'],
        rows: columns.map((c) => [
          c.label,
          c.items.length,
          c.items.length ? (
            <ul className="inline-list">
              {c.items.map((i) => (
                <li key={`${i.caseId}-${i.clock}`}>
                  <Link to={`/cases/${i.caseId}`}>{i.caseNumber}</Link> {i.label} ({formatDate(i.dueDate)})
                </li>
              ))}
            </ul>
          ) : (
            '—'
          ),
        ]),
      }}
    >
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <line x1={0} x2={WIDTH} y1={TOP + plotHeight} y2={TOP + plotHeight} className="chart__axis" />
        {columns.map((column, ci) => {
          const x = ci * columnWidth;
          const sorted = [...column.items].sort((a, b) => URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency) || a.dueDate.localeCompare(b.dueDate));
          const shown = sorted.slice(0, MAX_STACK);
          const blockX = x + (columnWidth - BLOCK * 2) / 2;
          return (
            <g key={column.label}>
              {ci > 0 && <line x1={x} x2={x} y1={TOP - 6} y2={TOP + plotHeight} className="chart__grid" />}
              <text x={x + columnWidth / 2} y={TOP - 10} textAnchor="middle" className="chart__value">
                {column.items.length}
              </text>
              {shown.map((item, i) => (
                <rect key={`${item.caseId}-${item.clock}`} x={blockX} y={TOP + plotHeight - (i + 1) * (BLOCK + GAP)} width={BLOCK * 2} height={BLOCK} rx={2} className={`chart__bar tone-${item.urgency}`}>
                  <title>{`${item.caseNumber}: ${item.label}, due ${formatDate(item.dueDate)} (${URGENCY_LABELS[item.urgency]})`}</title>
                </rect>
              ))}
              {sorted.length > MAX_STACK && (
                <text x={x + columnWidth / 2} y={TOP + 10} textAnchor="middle" className="chart__label">
                  +{sorted.length - MAX_STACK} more
                </text>
              )}
              <text x={x + columnWidth / 2} y={TOP + plotHeight + 18} textAnchor="middle" className={`chart__label${ci === 0 ? ' chart__label--strong' : ''}`}>
                {column.label}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="legend" aria-label="Legend">
        {URGENCY_ORDER.map((u) => (
          <li key={u}>
            <span className={`legend__swatch tone-${u}`} aria-hidden="true" /> {URGENCY_LABELS[u]}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
