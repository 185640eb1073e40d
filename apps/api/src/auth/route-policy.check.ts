import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { POLICY_KEY } from '@custodian/auth';

export interface RouteWithoutPolicy {
  controller: string;
  handler: string;
}

/** Lists every controller handler that declares no access policy (neither on itself nor on its class). */
export function routesWithoutPolicy(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): RouteWithoutPolicy[] {
  const missing: RouteWithoutPolicy[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (!Reflect.getMetadata('path', handler)) continue;
      if (!reflector.getAllAndOverride(POLICY_KEY, [handler, instance.constructor])) missing.push({ controller: instance.constructor.name, handler: name });
    }
  }
  return missing;
}

/** Refuses to start an API in which any route lacks an explicit policy. */
@Injectable()
export class RoutePolicyCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing = routesWithoutPolicy(this.discovery, this.scanner, this.reflector);
    if (missing.length) {
      throw new Error(`Routes without an access policy: ${missing.map((r) => `${r.controller}.${r.handler}`).join(', ')}`);
    }
  }
}
