import { ReactNode } from 'react';

export interface DataTable {
  columns: string[];
  rows: ReactNode[][];
}

/**
 * A chart with its title and caption, and the same numbers as a table behind a disclosure: the picture
 * is for people who would rather look, the table for screen readers and for anyone checking the figures.
 */
export function ChartFigure({ title, caption, table, children }: { title: string; caption?: ReactNode; table: DataTable; children: ReactNode }) {
  return (
    <figure className="chart">
      <figcaption>
        <span className="chart__title">{title}</span>
        {caption && <span className="chart__caption">{caption}</span>}
      </figcaption>
      {children}
      <details className="chart__data">
        <summary>Show the numbers for “{title}”</summary>
        <table className="table table--compact">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
