import { useId } from 'react';
import { ChartFigure } from './ChartFigure';

export interface Bar {
  label: string;
  value: number;
  /** A CSS class choosing the bar's colour; defaults to the primary colour. */
  tone?: string;
}

const WIDTH = 460;
const ROW = 30;
const LABEL = 190;
const VALUE_SPACE = 44;
/** Longer labels are shortened in the picture; the table and the tooltip carry them whole. */
const MAX_LABEL = 25;

/** Horizontal bars drawn as inline SVG; every bar carries its value in text, not only in length. */
export function BarChart({ title, caption, bars, unit, emptyText = 'Nothing to show yet.' }: { title: string; caption?: string; bars: Bar[]; unit: string; emptyText?: string }) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * ROW + 8;
  const description = bars.length ? bars.map((b) => `${b.label}: ${b.value} ${unit}`).join('; ') : emptyText;
  return (
    <ChartFigure title={title} caption={caption} table={{ columns: ['Category', `Number of ${unit}`], rows: bars.map((b) => [b.label, b.value]) }}>
      {bars.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMinYMin meet">
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          {bars.map((bar, i) => {
            const y = i * ROW + 4;
            const length = bar.value === 0 ? 0 : Math.max(2, ((WIDTH - LABEL - VALUE_SPACE) * bar.value) / max);
            return (
              <g key={bar.label}>
                <title>{`${bar.label}: ${bar.value}`}</title>
                <text x={LABEL - 8} y={y + ROW / 2} className="chart__label" textAnchor="end" dominantBaseline="middle">
                  {bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label}
                </text>
                <rect x={LABEL} y={y + 4} width={length} height={ROW - 10} rx={3} className={`chart__bar ${bar.tone ?? 'tone-primary'}`} />
                <text x={LABEL + length + 6} y={y + ROW / 2} className="chart__value" dominantBaseline="middle">
                  {bar.value}
                </text>
              </g>
            );
          })}
          <line x1={LABEL} x2={LABEL} y1={0} y2={height} className="chart__axis" />
        </svg>
      )}
    </ChartFigure>
  );
}
