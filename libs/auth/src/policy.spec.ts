import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Actor } from './current-user';
import { CurrentUser } from './current-user';
import { Authenticated, POLICY_KEY, Public, RoutePolicy } from './policy';

// The metadata the global guard reads (apps/api: every route must declare a policy); the decorators are the only
// way routes declare one, so what they record is what the guard enforces.
class Routes {
  @Public()
  health(): void {}

  @Authenticated('clerk', 'attorney')
  caseList(): void {}

  @Authenticated()
  anyone(): void {}

  whoAmI(@CurrentUser() user: Actor): Actor {
    return user;
  }
}

const policyOf = (method: keyof Routes): RoutePolicy => Reflect.getMetadata(POLICY_KEY, Routes.prototype[method]);

describe('route policies', () => {
  it('records a public route as public and an authenticated one with exactly its roles', () => {
    expect(policyOf('health')).toEqual({ public: true });
    expect(policyOf('caseList')).toEqual({ public: false, roles: ['clerk', 'attorney'] });
    expect(policyOf('anyone')).toEqual({ public: false, roles: [] });
  });

  it('hands a route the user the authentication guard put on the request', () => {
    const user: Actor = { id: 'u1', username: 'kim', displayName: 'Kim Park', title: 'Clerk', roles: ['clerk'] };
    const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Routes, 'whoAmI') as Record<string, { factory: (data: unknown, context: unknown) => unknown }>;
    const [{ factory }] = Object.values(args);
    const context = { switchToHttp: () => ({ getRequest: () => ({ user }) }) };
    expect(factory(undefined, context)).toBe(user);
  });
});
