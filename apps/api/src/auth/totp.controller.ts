import { Body, Controller, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SessionView, TotpEnrolmentView } from './session.view';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Actor, Authenticated, CurrentUser, Public } from '@custodian/auth';
import { UserEntity } from '@custodian/persistence';
import { toUserView } from '../users/user.view';
import { TotpCodeDto } from './login.dto';
import { LoginLockedError, LoginThrottle } from './login-throttle.service';
import { SecondFactor } from './second-factor.service';
import { SessionRegistry } from './session-registry.service';

@ApiTags('auth')
@Controller('api/auth/totp')
export class TotpController {
  constructor(
    private readonly secondFactor: SecondFactor,
    private readonly sessions: SessionRegistry,
    private readonly throttle: LoginThrottle,
    private readonly dataSource: DataSource,
  ) {}

  /** Starts enrolment: returns the secret and an otpauth:// URI for the authenticator app. */
  @Post('enrol')
  @HttpCode(200)
  @Authenticated('director', 'admin')
  @ApiOkResponse({ type: TotpEnrolmentView })
  enrol(@CurrentUser() actor: Actor): Promise<TotpEnrolmentView> {
    return this.secondFactor.enrol(actor);
  }

  /** Confirms enrolment with a first code; from then on every sign-in needs a code. */
  @Post('confirm')
  @HttpCode(204)
  @Authenticated('director', 'admin')
  @ApiNoContentResponse({ description: 'The second factor is on: every sign-in now needs a code' })
  async confirm(@Body() body: TotpCodeDto, @CurrentUser() actor: Actor) {
    await this.secondFactor.confirm(actor, body.code);
  }

  /**
   * The second step of sign-in. Public to the route guard, which takes only full tokens: this route takes only the
   * short "second factor pending" token that login returned, checks it itself, and counts wrong codes like wrong
   * passwords (lock-out per account and address).
   */
  @Post()
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: SessionView })
  async login(@Body() body: TotpCodeDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionView> {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : null;
    if (!token) throw new UnauthorizedException('Send the mfaToken from POST /api/auth/login as the bearer token');
    const pending = await this.sessions.authenticate(token, { allowMfaPending: true });
    let attempt;
    try {
      attempt = await this.throttle.begin(pending.actor.username, request.ip ?? 'unknown');
    } catch (error) {
      if (error instanceof LoginLockedError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: pending.actor.id } });
    try {
      await this.secondFactor.verifyLogin(user, body.code);
    } catch (error) {
      await attempt.failed();
      throw error;
    }
    await attempt.succeeded();
    await this.sessions.revoke(pending.claims);
    const issued = await this.sessions.issue(user);
    return { accessToken: issued.accessToken, expiresAt: issued.expiresAt, user: toUserView(user) };
  }
}
