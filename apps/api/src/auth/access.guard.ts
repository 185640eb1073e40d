import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditLog } from '@custodian/audit';
import { POLICY_KEY, RoutePolicy } from '@custodian/auth';
import { RejectedTokenAudit } from './rejected-token-audit.service';
import { SessionRegistry, TokenRefusedError } from './session-registry.service';

/**
 * The one gate in front of every route: reads the route's declared policy, checks the bearer token against the
 * session registry (a revoked token, a changed password or a deactivated account take effect at once, in every
 * API process) and checks the roles. A route without a policy is refused, and the start-up check makes sure there
 * are none.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionRegistry,
    private readonly auditLog: AuditLog,
    private readonly rejectedTokens: RejectedTokenAudit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (!policy) throw new ForbiddenException('This route has no access policy');
    if (policy.public) return true;

    const request = context.switchToHttp().getRequest();
    const header: unknown = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : null;
    if (!token) throw new UnauthorizedException('Sign in first: a bearer token is required');
    let session;
    try {
      session = await this.sessions.authenticate(token);
    } catch (error) {
      if (error instanceof TokenRefusedError) {
        // Aggregated per source and window: a flood of forged tokens must not become a flood of audit appends.
        await this.rejectedTokens.rejected(request.ip ?? request.socket?.remoteAddress ?? 'unknown', error.reason);
      }
      throw error;
    }
    const actor = session.actor;
    request.user = actor;
    request.session = session;
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
}
