import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
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
        operation: `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, prototype[name]) as number]} ${routePath(Reflect.getMetadata(PATH_METADATA, controller) as string, Reflect.getMetadata(PATH_METADATA, prototype[name]) as string)}`,
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

  // The generated e2e probes (authorisation matrix, fuzzing, gag invisibility) walk the OpenAPI document; this keeps
  // it listing every route the router has, so none of them can miss one. The drift test keeps the live one equal.
  it('lists every route of the router in the committed OpenAPI document, and no other', () => {
    const document = JSON.parse(readFileSync(join(__dirname, '../../../docs/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(routes.map((r) => r.operation).sort());
  });

  it('keeps public routes to login, its TOTP step (which checks its own pending token), health, the calendar feed (whose secret address is its credential) and the secure-link download and acknowledgement (its token is the credential)', () => {
    expect(routes.filter((r) => r.policy?.public).map((r) => r.route).sort()).toEqual(['AuthController.login', 'HealthController.health', 'PublicDeliveryController.acknowledge', 'PublicDeliveryController.download', 'RemindersController.feed', 'TotpController.login']);
  });
});

function routePath(controllerPath: string, methodPath: string): string {
  const joined = '/' + [controllerPath, methodPath].filter((part) => part && part !== '/').join('/');
  return joined.replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
}
