import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@custodian/config';
import { AUTH_REDIS } from './auth-redis';

export class LoginLockedError extends HttpException {
  constructor(readonly retryAfterSeconds: number, readonly scope: 'account' | 'address') {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        message: `Too many failed sign-ins ${scope === 'account' ? 'for this account' : 'from this address'}; try again in ${retryAfterSeconds} seconds`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

export interface LoginAttempt {
  /** Call when the password was right: the account's failures are forgotten and the attempt given back. */
  succeeded(): Promise<void>;
  /** Call when it was wrong: the attempt stays counted; true when this failure locked the account or address. */
  failed(): Promise<{ locked: boolean }>;
}

/**
 * Brute-force protection for sign-in (rate-limiter-flexible, counters in Redis so every API process shares them).
 * Each attempt takes a point from its account and its address before the password is checked, so parallel guesses
 * cannot slip past the count; a right password gives both back and clears the account. Past the limit the key is
 * blocked for LOGIN_LOCK_SECONDS and the attempt refused with 429 and Retry-After, whatever the password.
 */
@Injectable()
export class LoginThrottle {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(config: AppConfig, @Inject(AUTH_REDIS) redis: Redis) {
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.QUEUE_PREFIX}:auth:login-${name}`,
        points,
        duration: config.LOGIN_LOCK_SECONDS,
        blockDuration: config.LOGIN_LOCK_SECONDS,
        // With Redis away the process keeps counting on its own rather than letting guesses through unbounded.
        insuranceLimiter: new RateLimiterMemory({ points, duration: config.LOGIN_LOCK_SECONDS, blockDuration: config.LOGIN_LOCK_SECONDS }),
      });
    this.byAccount = limiter('account', config.LOGIN_MAX_FAILURES);
    this.byAddress = limiter('address', config.LOGIN_MAX_FAILURES_PER_ADDRESS);
  }

  /** Takes the attempt's points, or throws LoginLockedError when the account or the address is locked out. */
  async begin(username: string, address: string): Promise<LoginAttempt> {
    const account = `u:${username.toLowerCase()}`;
    const from = `a:${address}`;
    const onAccount = await this.take(this.byAccount, account, 'account');
    let onAddress: RateLimiterRes;
    try {
      onAddress = await this.take(this.byAddress, from, 'address');
    } catch (error) {
      await this.byAccount.reward(account, 1).catch(() => undefined);
      throw error;
    }
    return {
      succeeded: async () => {
        await Promise.all([this.byAccount.delete(account), this.byAddress.reward(from, 1)]).catch(() => undefined);
      },
      failed: async () => {
        const locked = onAccount.remainingPoints === 0 || onAddress.remainingPoints === 0;
        return { locked };
      },
    };
  }

  private async take(limiter: RateLimiterAbstract, key: string, scope: 'account' | 'address'): Promise<RateLimiterRes> {
    try {
      return await limiter.consume(key, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new LoginLockedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), scope);
      throw rejection;
    }
  }
}
