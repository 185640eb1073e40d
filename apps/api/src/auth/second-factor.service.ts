import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor } from '@custodian/auth';
import { AppConfig } from '@custodian/config';
import { UserEntity } from '@custodian/persistence';
import { RecordCipher, createRecordCipher, parseRecordKeyring } from '@custodian/records';
import { AUTH_REDIS } from './auth-redis';
import { SessionRegistry } from './session-registry.service';
import { totpContext } from './totp';

/**
 * otplib's base32 dependency ships only as an ES module: Node 20.19 loads it with require(), Jest's CommonJS runtime
 * cannot, so it is loaded when first used rather than when the module graph is (e.g. by the route-table specs).
 */
const otp = () => require('otplib') as typeof import('otplib');

/** One 30-second step either side, for clocks that drift. */
const TOLERANCE_SECONDS = 30;

/**
 * Optional TOTP second factor (RFC 6238, otplib) for directors and admins: enrol (a secret, sealed at rest with the
 * records key), confirm with a first code, then every sign-in needs a code; a code is accepted once only.
 */
@Injectable()
export class SecondFactor {
  private readonly cipher: RecordCipher;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
    private readonly sessions: SessionRegistry,
    private readonly config: AppConfig,
    @Inject(AUTH_REDIS) private readonly redis: Redis,
  ) {
    const keyring = parseRecordKeyring(config.RECORDS_KEYS, config.RECORDS_ACTIVE_KEY_ID);
    this.cipher = createRecordCipher({ keys: keyring.keys, activeKeyId: keyring.activeKeyId });
  }

  /** Starts (or restarts) an enrolment: a new secret, not yet required until confirmed. */
  async enrol(actor: Actor): Promise<{ secret: string; otpauthUri: string }> {
    const user = await this.user(actor.id);
    if (user.totpEnabled) throw new ConflictException('A second factor is already set up; disable it first to enrol a new one');
    const secret = otp().generateSecret();
    await this.sessions.beforeUserChange(user.id);
    try {
      await this.dataSource.getRepository(UserEntity).update({ id: user.id }, { totpSecret: this.cipher.encrypt(secret, totpContext(user.id)), updatedAt: new Date() });
    } finally {
      await this.sessions.afterUserChange(user.id);
    }
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'auth.totp_enrolment_started', objectType: 'user', objectId: actor.id });
    return { secret, otpauthUri: otp().generateURI({ issuer: this.config.LIBRARY_NAME ? `Custodian (${this.config.LIBRARY_NAME})` : 'Custodian', label: user.username, secret }) };
  }

  /** The first code proves the app holds the secret; from now on sign-in needs a code. */
  async confirm(actor: Actor, code: string): Promise<void> {
    const user = await this.user(actor.id);
    if (!user.totpSecret) throw new ConflictException('Start an enrolment first: POST /api/auth/totp/enrol');
    if (user.totpEnabled) throw new ConflictException('The second factor is already confirmed');
    await this.check(user, code, 'auth.totp_confirm_failed');
    await this.sessions.beforeUserChange(user.id);
    try {
      await this.dataSource.getRepository(UserEntity).update({ id: user.id }, { totpEnabled: true, updatedAt: new Date() });
    } finally {
      await this.sessions.afterUserChange(user.id);
    }
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'auth.totp_enabled', objectType: 'user', objectId: actor.id });
  }

  /** The second step of a sign-in: a current, unused code for the user of the pending token. */
  async verifyLogin(user: UserEntity, code: string): Promise<void> {
    await this.check(user, code, 'auth.totp_failed');
    await this.auditLog.record({ actor: { id: user.id, username: user.username }, action: 'auth.login', objectType: 'session', details: { secondFactor: 'totp' } });
  }

  private async check(user: UserEntity, code: string, failure: string): Promise<void> {
    const secret = this.cipher.decryptString(user.totpSecret!, totpContext(user.id));
    const result = await otp().verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS });
    // One use per code: the time step is remembered for as long as the code could still verify.
    const fresh = result.valid && 'timeStep' in result
      ? (await this.redis.set(`${this.config.QUEUE_PREFIX}:auth:totp-used:${user.id}:${result.timeStep}`, '1', 'EX', 3 * TOLERANCE_SECONDS, 'NX').catch(() => 'OK')) === 'OK'
      : false;
    if (!fresh) {
      await this.auditLog.record({ actor: { id: user.id, username: user.username }, action: failure, objectType: 'session', outcome: 'denied' });
      throw new BadRequestException({ message: ['code: the code is wrong, expired or already used'], fields: { code: ['wrong, expired or already used'] } });
    }
  }

  private async user(id: string): Promise<UserEntity> {
    return this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id } });
  }
}
