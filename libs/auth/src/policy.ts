import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@custodian/domain';

export const POLICY_KEY = 'custodian:policy';

/** A route's access policy: public, or the roles that may call it. Every route must declare one. */
export type RoutePolicy = { public: true } | { public: false; roles: Role[] };

/** Route open to anyone (login, health). */
export const Public = () => SetMetadata(POLICY_KEY, { public: true } satisfies RoutePolicy);

/** Route for signed-in users holding at least one of `roles`. Per-case checks happen in the service. */
export const Authenticated = (...roles: Role[]) =>
  applyDecorators(SetMetadata(POLICY_KEY, { public: false, roles } satisfies RoutePolicy), ApiBearerAuth());
