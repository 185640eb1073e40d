import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AuditLog } from '@custodian/audit';
import { AppConfig } from '@custodian/config';
import { AUTH_REDIS } from './auth-redis';

/** Counted per window; high enough never to refuse, the count is what matters. */
const UNBOUNDED = 2 ** 31 - 1;
/** After a window closes, the last increments of other API processes still land before its summary is read. */
const SUMMARY_GRACE_MS = 500;

/**
 * Audits refused bearer tokens without letting a flood of them flood the audit log (every event is a chained,
 * durable append). Per source address and reason, in windows of TOKEN_REJECTION_AUDIT_WINDOW_SECONDS: the first
 * refusal is audited at once (count 1), so an attack shows up immediately; the rest of the window become one summary
 * event with their count when the window closes. The counters live in Redis (rate-limiter-flexible), so several API
 * processes share a window and only the process that audited its first refusal writes its summary; with Redis away
 * each process counts on its own. Summing `details.count` over the events gives every refusal.
 */
@Injectable()
export class RejectedTokenAudit implements OnModuleDestroy {
  private readonly counters: RateLimiterAbstract;
  private readonly windowMs: number;
  private readonly summaries = new Map<string, { timer: NodeJS.Timeout; write: () => Promise<void> }>();

  constructor(
    config: AppConfig,
    @Inject(AUTH_REDIS) redis: Redis,
    private readonly auditLog: AuditLog,
  ) {
    this.windowMs = config.TOKEN_REJECTION_AUDIT_WINDOW_SECONDS * 1000;
    // Kept for two windows, so a summary read just after its window closes still finds the count.
    const duration = config.TOKEN_REJECTION_AUDIT_WINDOW_SECONDS * 2;
    this.counters = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.QUEUE_PREFIX}:auth:token-rejected`,
      points: UNBOUNDED,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points: UNBOUNDED, duration }),
    });
  }

  async rejected(source: string, reason: string): Promise<void> {
    const windowStart = Math.floor(Date.now() / this.windowMs) * this.windowMs;
    const key = `${reason}|${source}|${windowStart}`;
    const seen = await this.count(key);
    if (seen !== 1) return;
    await this.write(source, reason, 1, windowStart, false);
    const write = async () => {
      this.summaries.delete(key);
      const total = await this.counters.get(key).then((res) => res?.consumedPoints ?? 1).catch(() => 1);
      if (total > 1) await this.write(source, reason, total - 1, windowStart, true);
    };
    const timer = setTimeout(() => void write().catch(() => undefined), windowStart + this.windowMs + SUMMARY_GRACE_MS - Date.now());
    timer.unref();
    this.summaries.set(key, { timer, write });
  }

  /** On shutdown the open windows are summarised at once, so no refusal goes uncounted. */
  async onModuleDestroy(): Promise<void> {
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

  private async write(source: string, reason: string, count: number, windowStart: number, summary: boolean): Promise<void> {
    await this.auditLog.record({
      actor: null,
      action: 'auth.token_rejected',
      objectType: 'session',
      outcome: 'denied',
      details: { reason, source: source.slice(0, 64), count, windowStart: new Date(windowStart).toISOString(), windowSeconds: this.windowMs / 1000, ...(summary ? { summary: true } : {}) },
    });
  }
}
