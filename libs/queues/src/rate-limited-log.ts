/**
 * While Redis (or the database) is down every reconnect attempt and every worker poll fails; logging each one
 * floods the log. This logs the first occurrence of a kind at once, then at most once per interval with how
 * many were held back, and says when the trouble ended.
 */
export class RateLimitedLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly write: (message: string) => void,
    private readonly intervalMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  log(kind: string, message: string): void {
    const entry = this.last.get(kind);
    const now = this.now();
    if (entry && now - entry.at < this.intervalMs) {
      entry.suppressed++;
      return;
    }
    const held = entry?.suppressed ? ` (${entry.suppressed} more like it in the last ${Math.round((now - entry.at) / 1000)} s)` : '';
    this.last.set(kind, { at: now, suppressed: 0 });
    this.write(`${message}${held}`);
  }

  /** Ends a run of `kind` (e.g. on reconnect), reporting what was held back since the last line. */
  recovered(kind: string, message: string): void {
    const entry = this.last.get(kind);
    if (!entry) return;
    this.last.delete(kind);
    this.write(entry.suppressed ? `${message} (${entry.suppressed} similar errors were not logged)` : message);
  }
}
