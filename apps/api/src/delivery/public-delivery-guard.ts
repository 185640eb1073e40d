import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AuditLog } from '@custodian/audit';
import { AppConfig } from '@custodian/config';
import { AUTH_REDIS } from '../auth/auth-redis';
import { RefusalWindows } from '../common/refusal-windows';

/** One refused attempt at a secure-link route: where from, why, and which link when the token named one. */
export interface LinkRefusal {
  source: string;
  reason: string;
  deliveryId: string | null;
  caseId: string | null;
}

export const sourceOf = (request: Request) => request.ip ?? request.socket.remoteAddress ?? 'unknown';

/**
 * Audits refused secure-link attempts (downloads and acknowledgements) without letting a flood of them flood the
 * audit log: per source address, reason and link, in windows of PUBLIC_REFUSAL_AUDIT_WINDOW_SECONDS, the first at
 * once and the rest as one counted summary (RefusalWindows, as for refused bearer tokens). Summing `details.count`
 * over the `delivery.link_refused` events gives every refusal.
 */
@Injectable()
export class LinkRefusalAudit implements OnModuleDestroy {
  private readonly windows: RefusalWindows<LinkRefusal>;

  constructor(config: AppConfig, @Inject(AUTH_REDIS) redis: Redis, auditLog: AuditLog) {
    this.windows = new RefusalWindows<LinkRefusal>({
      redis,
      keyPrefix: `${config.QUEUE_PREFIX}:delivery:link-refused`,
      windowSeconds: config.PUBLIC_REFUSAL_AUDIT_WINDOW_SECONDS,
      groupOf: ({ source, reason, deliveryId }) => `${reason}|${deliveryId ?? '-'}|${source}`,
      write: ({ refusal: { source, reason, deliveryId, caseId }, count, windowStart, windowSeconds, summary }) =>
        auditLog.record({
          actor: null,
          action: 'delivery.link_refused',
          objectType: 'delivery',
          objectId: deliveryId,
          caseId,
          outcome: 'denied',
          details: { reason, source: source.slice(0, 64), count, windowStart: windowStart.toISOString(), windowSeconds, ...(summary ? { summary: true } : {}) },
        }),
    });
  }

  refused(refusal: LinkRefusal): Promise<void> {
    return this.windows.refused(refusal);
  }

  /** On shutdown the open windows are summarised at once, so no refusal goes uncounted. */
  onModuleDestroy(): Promise<void> {
    return this.windows.flush();
  }
}

/**
 * Per-address rate limit of the public secure-link routes (rate-limiter-flexible with its counters in Redis, as
 * LoginThrottle: every API process shares them; with Redis away each process counts on its own). A guard, so it
 * runs before the body is validated or the token looked up: past PUBLIC_DELIVERY_MAX_REQUESTS_PER_ADDRESS requests
 * in PUBLIC_DELIVERY_RATE_WINDOW_SECONDS the answer is 429 JSON with Retry-After, and the refusal is audited in its
 * window like any other.
 */
@Injectable()
export class PublicDeliveryRateLimit implements CanActivate {
  private readonly limiter: RateLimiterAbstract;

  constructor(config: AppConfig, @Inject(AUTH_REDIS) redis: Redis, private readonly refusals: LinkRefusalAudit) {
    const points = config.PUBLIC_DELIVERY_MAX_REQUESTS_PER_ADDRESS;
    const duration = config.PUBLIC_DELIVERY_RATE_WINDOW_SECONDS;
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.QUEUE_PREFIX}:delivery:public-rate`,
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points, duration }),
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const source = sourceOf(request);
    try {
      await this.limiter.consume(`a:${source}`, 1);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
      await this.refusals.refused({ source, reason: 'rate limited', deliveryId: null, caseId: null });
      throw new HttpException(
        { statusCode: HttpStatus.TOO_MANY_REQUESTS, message: `Too many requests to secure links from this address; try again in ${retryAfterSeconds} seconds`, retryAfterSeconds },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
