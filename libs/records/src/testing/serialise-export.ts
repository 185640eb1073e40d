import { FieldValue } from '../column-values';

/** Rows of one table, every row with the same columns (null where empty). */
export interface GeneratedTable {
  table: string;
  columns: string[];
  rows: Record<string, FieldValue>[];
}

/** What a serialiser wrote, and the line each row starts on. */
export interface SerialisedTable {
  text: string;
  rowLines: number[];
}

/** Koha writes date-times as `YYYY-MM-DD HH:MM:SS`; exports from other tools use ISO's `T`. */
const kohaStyle = (value: FieldValue, useKohaDates: boolean): FieldValue =>
  useKohaDates && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value) ? value.replace('T', ' ') : value;

/**
 * `{ "table": [ one row per line ] }`. `override` replaces one cell's serialised value (for corruption tests).
 * Returns the line of each table's rows.
 */
export function toJsonExport(tables: GeneratedTable[], useKohaDates = true, override?: { table: string; row: number; column: string; raw: string }) {
  const lines = ['{'];
  const rowLines: Record<string, number[]> = {};
  tables.forEach((table, tableIndex) => {
    lines.push(`${JSON.stringify(table.table)}: [`);
    rowLines[table.table] = [];
    table.rows.forEach((row, index) => {
      const values: Record<string, unknown> = {};
      for (const column of table.columns) values[column] = kohaStyle(row[column], useKohaDates);
      if (override && override.table === table.table && override.row === index) values[override.column] = override.raw;
      rowLines[table.table].push(lines.length + 1);
      lines.push(JSON.stringify(values) + (index < table.rows.length - 1 ? ',' : ''));
    });
    lines.push(tableIndex < tables.length - 1 ? '],' : ']');
  });
  lines.push('}');
  return { text: lines.join('\n'), rowLines };
}

/** One CSV file: header of column names, null as an empty field, quoting only where needed or always. */
export function toCsvTable(table: GeneratedTable, quoteAll: boolean, useKohaDates = true, override?: { row: number; column: string; raw: string }): SerialisedTable {
  const cell = (value: FieldValue | string): string => {
    if (value === null) return '';
    const text = String(value);
    return quoteAll || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.columns.join(',')];
  const rowLines: number[] = [];
  let line = 2;
  table.rows.forEach((row, index) => {
    const cells = table.columns.map((column) => (override && override.row === index && override.column === column ? cell(override.raw) : cell(kohaStyle(row[column], useKohaDates))));
    const text = cells.join(',');
    rowLines.push(line);
    line += text.split('\n').length;
    lines.push(text);
  });
  return { text: lines.join('\n') + '\n', rowLines };
}
