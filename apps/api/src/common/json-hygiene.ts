import { INHERITED } from './prototype-keys.pipe';

/**
 * Checks on a request body that must happen before it is parsed (nesting depth, on the raw bytes) and
 * before it reaches a DTO (strings PostgreSQL or a letter cannot safely hold, keys that reach prototypes).
 * Pure functions, so the limits are unit-tested apart from HTTP.
 */

export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text, counted on the bytes (strings skipped). Stops early past `limit`. */
export function jsonDepthExceeds(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** A UTF-16 surrogate without its partner: not a character; PostgreSQL's jsonb and every PDF font refuse it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** NUL (PostgreSQL text cannot hold it) and the C0 controls other than tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/**
 * Bidirectional embedding, override and isolate controls (RLO and friends): they make a name in a letter read
 * differently from what was stored ("Trojan Source"). Right-to-left text itself needs none of them.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Keys that would reach an object's prototype, or shadow its methods, in code that copies bodies. */
const PROTOTYPE_KEYS = INHERITED;

export interface BodyProblem {
  field: string;
  message: string;
}

/** The first problems of a parsed body's strings and keys, each naming its field path (`requester.email`). */
export function bodyProblems(value: unknown, limit = 20): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const walk = (node: unknown, path: string): void => {
    if (problems.length >= limit) return;
    if (typeof node === 'string') {
      const problem = stringProblem(node);
      if (problem) problems.push({ field: path || 'body', message: problem });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${path}[${index}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        const field = path ? `${path}.${key}` : key;
        const keyProblem = PROTOTYPE_KEYS.has(key) ? 'is not an accepted field name' : stringProblem(key);
        if (keyProblem) problems.push({ field, message: keyProblem });
        else walk((node as Record<string, unknown>)[key], field);
      }
    }
  };
  walk(value, '');
  return problems;
}

export function stringProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate (not a character)';
  if (CONTROL.test(text)) return 'contains a control character';
  if (BIDI_CONTROL.test(text)) return 'contains a bidirectional override or isolate control character';
  return null;
}
