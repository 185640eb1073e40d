/** One problem found in an export, located so a clerk can find it in the file. */
export interface ImportIssue {
  /** Koha table, or null when the problem is not inside a table (bad JSON at the top level). */
  table: string | null;
  /** 1-based index of the row within its table, or null for problems with a table or file as a whole. */
  row: number | null;
  /** Line in the file where the row (or problem) starts; CSV: physical line, JSON: line of the row's '{'. */
  line: number | null;
  /** Column the problem is in, or null. */
  field: string | null;
  message: string;
}

export interface RowLocation {
  table: string;
  row: number;
  line: number | null;
}

export const DEFAULT_MAX_ISSUES = 100;

/** Table and column names come from the file; a runaway key must not make a megabyte-long report. */
const MAX_NAME_LENGTH = 64;
const MAX_MESSAGE_LENGTH = 400;

function shorten<T extends string | null>(text: T, limit = MAX_NAME_LENGTH): T {
  return (text !== null && text.length > limit ? `${text.slice(0, limit)}…` : text) as T;
}

/** Keeps the first `limit` issues and counts the rest, so a file that is wrong on every row stays cheap. */
export class IssueLog {
  private readonly kept: ImportIssue[] = [];
  private count = 0;

  constructor(private readonly limit = DEFAULT_MAX_ISSUES) {}

  add(issue: ImportIssue): void {
    this.count++;
    if (this.kept.length < this.limit) this.kept.push({ ...issue, table: shorten(issue.table), field: shorten(issue.field), message: shorten(issue.message, MAX_MESSAGE_LENGTH) });
  }

  get issues(): readonly ImportIssue[] {
    return this.kept;
  }

  get total(): number {
    return this.count;
  }

  get truncated(): boolean {
    return this.count > this.kept.length;
  }
}
