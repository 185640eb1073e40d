import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';

/**
 * Names every plain object inherits (class-validator's whitelist looks fields up on a plain object and lets them
 * pass), and `prototype`, which class-transformer drops without a word (the fuzzer found it accepted as an unknown
 * key) and which `constructor.prototype` pollution goes through.
 */
export const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Paths of every key in a JSON value that names an inherited property (`constructor`, `__proto__`, `toString`…). */
export function inheritedKeyPaths(value: unknown, limit = 10): string[] {
  const found: string[] = [];
  const stack: { node: unknown; path: string }[] = [{ node: value, path: '' }];
  while (stack.length && found.length < limit) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    for (const key of Object.keys(node)) {
      const child = path ? `${path}.${key}` : key;
      if (INHERITED.has(key)) found.push(child);
      else stack.push({ node: (node as Record<string, unknown>)[key], path: child });
    }
  }
  return found;
}

/** Refuses bodies and queries carrying such keys before validation and class-transformer ever see them. */
export class RejectInheritedKeysPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const paths = inheritedKeyPaths(value);
    if (paths.length) {
      throw new BadRequestException({ message: paths.map((path) => `${path}: property ${path.split('.').pop()} should not exist`), fields: Object.fromEntries(paths.map((p) => [p, ['should not exist']])) });
    }
    return value;
  }
}
