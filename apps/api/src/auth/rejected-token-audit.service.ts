import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AuditLog } from '@custodian/audit';
import { AppConfig } from '@custodian/config';
import { RefusalWindows } from '../common/refusal-windows';
import { AUTH_REDIS } from './auth-redis';

/**
 * Audits refused bearer tokens without letting a flood of them flood the audit log: per source address and reason,
 * in windows of TOKEN_REJECTION_AUDIT_WINDOW_SECONDS, the first refusal at once and the rest as one counted summary
 * (RefusalWindows). Summing `details.count` over the events gives every refusal.
 */
@Injectable()
export class RejectedTokenAudit implements OnModuleDestroy {
  private readonly windows: RefusalWindows<{ source: string; reason: string }>;

  constructor(config: AppConfig, @Inject(AUTH_REDIS) redis: Redis, auditLog: AuditLog) {
    this.windows = new RefusalWindows({
      redis,
      keyPrefix: `${config.QUEUE_PREFIX}:auth:token-rejected`,
      windowSeconds: config.TOKEN_REJECTION_AUDIT_WINDOW_SECONDS,
      groupOf: ({ source, reason }) => `${reason}|${source}`,
      write: ({ refusal: { source, reason }, count, windowStart, windowSeconds, summary }) =>
        auditLog.record({
          actor: null,
          action: 'auth.token_rejected',
          objectType: 'session',
          outcome: 'denied',
          details: { reason, source: source.slice(0, 64), count, windowStart: windowStart.toISOString(), windowSeconds, ...(summary ? { summary: true } : {}) },
        }),
    });
  }

  rejected(source: string, reason: string): Promise<void> {
    return this.windows.refused({ source, reason });
  }

  /** On shutdown the open windows are summarised at once, so no refusal goes uncounted. */
  onModuleDestroy(): Promise<void> {
    return this.windows.flush();
  }
}
