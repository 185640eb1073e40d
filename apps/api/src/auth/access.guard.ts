import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, POLICY_KEY, RoutePolicy } from '@custodian/auth';
import { UserEntity } from '@custodian/persistence';

/**
 * The one gate in front of every route: reads the route's declared policy, checks the bearer token,
 * reloads the user (a deactivated account or a removed role takes effect at once) and checks the roles.
 * A route without a policy is refused, and the start-up check makes sure there are none.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (!policy) throw new ForbiddenException('This route has no access policy');
    if (policy.public) return true;

    const request = context.switchToHttp().getRequest();
    const actor = await this.authenticate(request.headers.authorization);
    request.user = actor;
    if (!actor.roles.some((role) => policy.roles.includes(role))) {
      await this.auditLog.record({
        actor: { id: actor.id, username: actor.username },
        action: 'access.denied',
        objectType: 'route',
        objectId: `${request.method} ${request.route?.path ?? ''}`.slice(0, 64),
        outcome: 'denied',
        details: { required: policy.roles },
      });
      throw new ForbiddenException(`This needs one of the roles: ${policy.roles.join(', ')}`);
    }
    return true;
  }

  private async authenticate(header: unknown): Promise<Actor> {
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : null;
    if (!token) throw new UnauthorizedException('Sign in first: a bearer token is required');
    let subject: string;
    try {
      subject = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
    } catch {
      await this.auditLog.record({ actor: null, action: 'auth.token_rejected', objectType: 'session', outcome: 'denied' });
      throw new UnauthorizedException('The session has expired or the token is invalid; sign in again');
    }
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: subject } });
    if (!user || !user.active) throw new UnauthorizedException('This account is not active');
    return { id: user.id, username: user.username, displayName: user.displayName, title: user.title, roles: user.roles };
  }
}
