import { Body, Controller, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser, Public, verifyPasswordOrDummy } from '@custodian/auth';
import { UserEntity } from '@custodian/persistence';
import { toUserView } from '../users/user.view';
import { SecondFactorPendingView, SessionView } from './session.view';
import { UsersService } from '../users/users.service';
import { ChangePasswordDto, LoginDto } from './login.dto';
import { LoginLockedError, LoginThrottle } from './login-throttle.service';
import { Authenticated as Session, SessionRegistry } from './session-registry.service';
import { secondFactorRequired } from './totp';

const EVERYONE = ['clerk', 'attorney', 'director', 'auditor', 'admin'] as const;

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRegistry,
    private readonly throttle: LoginThrottle,
    private readonly users: UsersService,
    private readonly auditLog: AuditLog,
  ) {}

  /**
   * Username and password. Failures are counted per account and per address; past the limit the answer is 429
   * with Retry-After, whatever the password. An unknown username costs the same hashing as a known one.
   * A user with a confirmed second factor gets a short token that opens only `POST /api/auth/totp`.
   */
  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiExtraModels(SessionView, SecondFactorPendingView)
  @ApiOkResponse({ description: 'Signed in; or, for an account with a second factor, a token for POST /api/auth/totp', schema: { oneOf: [{ $ref: getSchemaPath(SessionView) }, { $ref: getSchemaPath(SecondFactorPendingView) }] } })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionView | SecondFactorPendingView> {
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    let attempt;
    try {
      attempt = await this.throttle.begin(body.username, address);
    } catch (error) {
      if (error instanceof LoginLockedError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { username: body.username } });
    const valid = (await verifyPasswordOrDummy(user?.active ? user.passwordHash : null, body.password)) && user !== null;
    const actor = user ? { id: user.id, username: user.username } : null;
    if (!valid) {
      const { locked } = await attempt.failed();
      await this.auditLog.record({ actor, action: 'auth.login_failed', objectType: 'session', outcome: 'denied' });
      if (locked) {
        await this.auditLog.record({ actor, action: 'auth.login_locked', objectType: 'session', outcome: 'denied', details: { username: body.username.slice(0, 64) } });
      }
      throw new UnauthorizedException('Wrong username or password');
    }
    await attempt.succeeded();
    if (secondFactorRequired(user)) {
      await this.auditLog.record({ actor, action: 'auth.login_password_ok', objectType: 'session', details: { secondFactor: 'totp' } });
      const pending = await this.sessions.issue(user, { mfaPending: true });
      return { secondFactorRequired: true as const, mfaToken: pending.accessToken, expiresAt: pending.expiresAt };
    }
    await this.auditLog.record({ actor, action: 'auth.login', objectType: 'session' });
    const issued = await this.sessions.issue(user);
    return { accessToken: issued.accessToken, expiresAt: issued.expiresAt, user: toUserView(user) };
  }

  /** Ends this token at once, in every API process. */
  @Post('logout')
  @HttpCode(204)
  @Authenticated(...EVERYONE)
  @ApiNoContentResponse({ description: 'The token no longer works' })
  async logout(@Req() request: Request & { session?: Session }, @CurrentUser() actor: Actor) {
    await this.sessions.revoke(request.session!.claims);
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'auth.logout', objectType: 'session', objectId: request.session!.claims.jti });
  }

  /** Changes one's own password (the policy applies); every other token of the user ends, a new one is returned. */
  @Post('password')
  @HttpCode(200)
  @Authenticated(...EVERYONE)
  @ApiOkResponse({ type: SessionView, description: 'A new token; every other token of the user has ended' })
  async changePassword(@Body() body: ChangePasswordDto, @CurrentUser() actor: Actor): Promise<SessionView> {
    const user = await this.users.changeOwnPassword(actor, body.currentPassword, body.newPassword);
    const issued = await this.sessions.issue(user);
    return { accessToken: issued.accessToken, expiresAt: issued.expiresAt, user: toUserView(user) };
  }
}
