import { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** Counted per window; high enough never to refuse, the count is what matters. */
const UNBOUNDED = 2 ** 31 - 1;
/** After a window closes, the last increments of other API processes still land before its summary is read. */
const SUMMARY_GRACE_MS = 500;

/** One audit event for a group of refusals: the first (count 1) at once, or the rest of its window as a summary. */
export interface RefusalGroup<R> {
  refusal: R;
  count: number;
  windowStart: Date;
  windowSeconds: number;
  summary: boolean;
}

export interface RefusalWindowOptions<R> {
  redis: Redis;
  /** Redis key prefix of the counters, e.g. `${QUEUE_PREFIX}:auth:token-rejected`. */
  keyPrefix: string;
  windowSeconds: number;
  /** What makes two refusals the same group (source address, reason, and whatever else the event names). */
  groupOf: (refusal: R) => string;
  write: (group: RefusalGroup<R>) => Promise<unknown>;
}

/**
 * Audits refusals without letting a flood of them flood the audit log (every event is a chained, durable append).
 * Per group (source address and reason, at least) in fixed windows: the first refusal is audited at once (count 1),
 * so an attack shows up immediately; the rest of the window become one summary event with their count when the
 * window closes. The counters live in Redis (rate-limiter-flexible), so several API processes share a window and
 * only the process that audited its first refusal writes its summary; with Redis away each process counts on its
 * own. Summing the counts over the events gives every refusal. Call `flush` on shutdown.
 */
export class RefusalWindows<R> {
  private readonly counters: RateLimiterAbstract;
  private readonly windowMs: number;
  private readonly summaries = new Map<string, { timer: NodeJS.Timeout; write: () => Promise<void> }>();

  constructor(private readonly options: RefusalWindowOptions<R>) {
    this.windowMs = options.windowSeconds * 1000;
    // Kept for two windows, so a summary read just after its window closes still finds the count.
    const duration = options.windowSeconds * 2;
    this.counters = new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix: options.keyPrefix,
      points: UNBOUNDED,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points: UNBOUNDED, duration }),
    });
  }

  async refused(refusal: R): Promise<void> {
    const windowStart = Math.floor(Date.now() / this.windowMs) * this.windowMs;
    const key = `${this.options.groupOf(refusal)}|${windowStart}`;
    const seen = await this.count(key);
    if (seen !== 1) return;
    await this.write(refusal, 1, windowStart, false);
    const write = async () => {
      this.summaries.delete(key);
      const total = await this.counters.get(key).then((res) => res?.consumedPoints ?? 1).catch(() => 1);
      if (total > 1) await this.write(refusal, total - 1, windowStart, true);
    };
    const timer = setTimeout(() => void write().catch(() => undefined), windowStart + this.windowMs + SUMMARY_GRACE_MS - Date.now());
    timer.unref();
    this.summaries.set(key, { timer, write });
  }

  /** The open windows summarised at once, so no refusal goes uncounted. */
  async flush(): Promise<void> {
    const open = [...this.summaries.values()];
    for (const { timer } of open) clearTimeout(timer);
    await Promise.all(open.map(({ write }) => write().catch(() => undefined)));
  }

  private async count(key: string): Promise<number> {
    try {
      return (await this.counters.consume(key, 1)).consumedPoints;
    } catch (rejection) {
      return rejection instanceof RateLimiterRes ? rejection.consumedPoints : 1;
    }
  }

  private async write(refusal: R, count: number, windowStart: number, summary: boolean): Promise<void> {
    await this.options.write({ refusal, count, windowStart: new Date(windowStart), windowSeconds: this.windowMs / 1000, summary });
  }
}
