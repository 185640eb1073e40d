import { Inject, Injectable, OnApplicationShutdown, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Actor, TokenClaims, formatStamp, isTokenClaims, parseStamp, tokenRefusal } from '@custodian/auth';
import { AppConfig } from '@custodian/config';
import { AuthSessionEntity, UserEntity } from '@custodian/persistence';
import { AUTH_REDIS } from './auth-redis';

/** A stamp lives this long in Redis unless refreshed; a missing stamp sends the request to the database. */
const STAMP_TTL_SECONDS = 600;
/** Users whose profile one process keeps; more are dropped and reloaded. */
const MAX_CACHED_ACTORS = 5000;
/** A token that still needs the second factor opens only the TOTP step, for this long. */
export const MFA_PENDING_TTL_SECONDS = 300;

export type TokenRefusalReason = 'invalid' | 'revoked' | 'superseded' | 'inactive' | 'mfa_pending';

export class TokenRefusedError extends UnauthorizedException {
  constructor(readonly reason: TokenRefusalReason) {
    super(
      reason === 'inactive'
        ? 'This account is not active'
        : reason === 'mfa_pending'
          ? 'Finish signing in: enter the code from your authenticator app'
          : 'The session has expired or was ended; sign in again',
    );
  }
}

export interface Authenticated {
  actor: Actor;
  claims: TokenClaims & { exp?: number };
}

/**
 * Issues, checks and revokes access tokens. A token names its user, its own id (jti, stored) and the user's token
 * version. Checking one costs an HMAC and one Redis round trip (the user's stamp and the jti's revocation mark),
 * with the user's profile cached per process against the stamp; without a stamp in Redis (first sight, expiry, or
 * Redis down) the database decides. Revocation and deactivation write Redis before they are acknowledged, so every
 * API process refuses the token from the next request on.
 */
@Injectable()
export class SessionRegistry implements OnApplicationShutdown {
  private readonly actors = new Map<string, { stamp: string; actor: Actor }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @Inject(AUTH_REDIS) private readonly redis: Redis,
  ) {}

  async issue(user: UserEntity, options: { mfaPending?: boolean } = {}): Promise<{ accessToken: string; expiresAt: string }> {
    const ttl = options.mfaPending ? MFA_PENDING_TTL_SECONDS : this.config.TOKEN_TTL_SECONDS;
    const now = new Date();
    const session: AuthSessionEntity = { jti: randomUUID(), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + ttl * 1000), revokedAt: null };
    await this.dataSource.getRepository(AuthSessionEntity).insert(session);
    const claims: TokenClaims = { sub: user.id, jti: session.jti, ver: user.tokenVersion, ...(options.mfaPending ? { mfa: 'pending' as const } : {}) };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl });
    return { accessToken, expiresAt: session.expiresAt.toISOString() };
  }

  /** The signed-in user behind a bearer token, or a TokenRefusedError saying why not. */
  async authenticate(token: string, options: { allowMfaPending?: boolean } = {}): Promise<Authenticated> {
    let claims: TokenClaims & { exp?: number };
    try {
      const verified = await this.jwt.verifyAsync<Record<string, unknown>>(token);
      if (!isTokenClaims(verified)) throw new Error('not a Custodian token');
      claims = verified;
    } catch {
      throw new TokenRefusedError('invalid');
    }
    if (claims.mfa === 'pending' && !options.allowMfaPending) throw new TokenRefusedError('mfa_pending');
    if (claims.mfa !== 'pending' && options.allowMfaPending) throw new TokenRefusedError('invalid');

    let shared: [string | null, string | null];
    try {
      shared = (await this.redis.mget(this.stampKey(claims.sub), this.revokedKey(claims.jti))) as [string | null, string | null];
    } catch {
      return { actor: await this.fromDatabase(claims, false), claims };
    }
    const [stampValue, revoked] = shared;
    if (revoked) throw new TokenRefusedError('revoked');
    const stamp = parseStamp(stampValue);
    if (!stamp) return { actor: await this.fromDatabase(claims, true), claims };
    const refusal = tokenRefusal(stamp, claims.ver);
    if (refusal) throw new TokenRefusedError(refusal);
    const cached = this.actors.get(claims.sub);
    if (cached && cached.stamp === stampValue) return { actor: cached.actor, claims };
    // The stamp moved on (a profile change) or this process has not seen the user yet: the user row alone.
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: claims.sub } });
    return { actor: this.accept(user, claims), claims };
  }

  /** Ends one token at once (logout). */
  async revoke(claims: TokenClaims & { exp?: number }): Promise<void> {
    const remainingMs = Math.max(1000, (claims.exp ?? 0) * 1000 - Date.now());
    await this.shared(() => this.redis.set(this.revokedKey(claims.jti), '1', 'PX', remainingMs));
    await this.dataSource.getRepository(AuthSessionEntity).update({ jti: claims.jti, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * Call before committing a change to a user (password, roles, activity): no process may keep trusting the old
   * stamp. Refuses with 503 when Redis cannot be told, so a revocation is never acknowledged and then ignored.
   */
  async beforeUserChange(userId: string): Promise<void> {
    await this.shared(() => this.redis.del(this.stampKey(userId)));
    this.actors.delete(userId);
  }

  /** Call after the change committed: publishes the new stamp (best effort; a missing stamp means "ask the database"). */
  async afterUserChange(userId: string): Promise<void> {
    this.actors.delete(userId);
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: userId } });
    if (user) await this.redis.set(this.stampKey(userId), formatStamp(user), 'EX', STAMP_TTL_SECONDS).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async fromDatabase(claims: TokenClaims, publish: boolean): Promise<Actor> {
    const [user, session] = await Promise.all([
      this.dataSource.getRepository(UserEntity).findOne({ where: { id: claims.sub } }),
      this.dataSource.getRepository(AuthSessionEntity).findOne({ where: { jti: claims.jti } }),
    ]);
    if (!session || session.userId !== claims.sub || session.revokedAt) throw new TokenRefusedError('revoked');
    const actor = this.accept(user, claims);
    // NX: a change that published a newer stamp meanwhile must not be overwritten by this older read.
    if (publish && user) await this.redis.set(this.stampKey(user.id), formatStamp(user), 'EX', STAMP_TTL_SECONDS, 'NX').catch(() => undefined);
    return actor;
  }

  private accept(user: UserEntity | null, claims: TokenClaims): Actor {
    if (!user) throw new TokenRefusedError('inactive');
    const stamp = formatStamp(user);
    const refusal = tokenRefusal(parseStamp(stamp)!, claims.ver);
    if (refusal) throw new TokenRefusedError(refusal);
    const actor: Actor = { id: user.id, username: user.username, displayName: user.displayName, title: user.title, roles: user.roles };
    if (this.actors.size >= MAX_CACHED_ACTORS) this.actors.clear();
    this.actors.set(user.id, { stamp, actor });
    return actor;
  }

  private async shared<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch {
      throw new ServiceUnavailableException('Sign-in state cannot be updated right now (Redis is unavailable); nothing was changed, try again');
    }
  }

  private stampKey(userId: string): string {
    return `${this.config.QUEUE_PREFIX}:auth:user:${userId}`;
  }

  private revokedKey(jti: string): string {
    return `${this.config.QUEUE_PREFIX}:auth:revoked:${jti}`;
  }
}
