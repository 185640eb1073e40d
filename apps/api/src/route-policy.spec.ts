import 'reflect-metadata';
import { PATH_METADATA } from '@nestjs/common/constants';
import { POLICY_KEY, RoutePolicy } from '@custodian/auth';
import { API_CONTROLLERS } from './app.module';

/** Every route must say who may call it; a new route without @Authenticated or @Public fails here. */
describe('route policies', () => {
  const routes = API_CONTROLLERS.flatMap((controller) => {
    const prototype = controller.prototype as unknown as Record<string, object>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor' && Reflect.getMetadata(PATH_METADATA, prototype[name]) !== undefined)
      .map((name) => ({
        route: `${controller.name}.${name}`,
        policy: (Reflect.getMetadata(POLICY_KEY, prototype[name]) ?? Reflect.getMetadata(POLICY_KEY, controller)) as RoutePolicy | undefined,
      }));
  });

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it.each(routes.map((r) => [r.route, r.policy]))('%s declares an explicit policy', (_route, policy) => {
    expect(policy).toBeDefined();
    if (policy && !policy.public) expect(policy.roles.length).toBeGreaterThan(0);
  });

  it('keeps public routes to login, its TOTP step (which checks its own pending token), health, the calendar feed (whose secret address is its credential) and the secure-link download (its token is the credential)', () => {
    expect(routes.filter((r) => r.policy?.public).map((r) => r.route).sort()).toEqual(['AuthController.login', 'HealthController.health', 'PublicDeliveryController.download', 'RemindersController.feed', 'TotpController.login']);
  });
});
