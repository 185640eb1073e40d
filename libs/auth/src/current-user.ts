import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@custodian/domain';

/** The signed-in user as routes and services see it; loaded fresh on every request. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  title: string;
  roles: Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest().user;
});
