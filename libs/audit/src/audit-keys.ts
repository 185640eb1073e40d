import { createHmac, hkdfSync } from 'node:crypto';

/**
 * The keys of the audit chain, held outside the database (configuration): one MACs every event, one signs the
 * exported heads. Without them a rewrite with recomputed hashes cannot be made to verify.
 */
export interface AuditKeys {
  chain: Buffer;
  head: Buffer;
}

export class AuditKeyError extends Error {}

/**
 * Keys from `AUDIT_HMAC_KEY` (base64, at least 32 bytes). Without it they are derived from `JWT_SECRET`, which is
 * also configuration and never in the database; production should set its own key, so that rotating the token
 * secret does not leave the chain unverifiable.
 */
export function auditKeysFrom(settings: { AUDIT_HMAC_KEY?: string; JWT_SECRET: string }): AuditKeys {
  let base: Buffer;
  if (settings.AUDIT_HMAC_KEY) {
    base = Buffer.from(settings.AUDIT_HMAC_KEY, 'base64');
    if (base.length < 32) throw new AuditKeyError('AUDIT_HMAC_KEY must be base64 of at least 32 bytes');
  } else {
    base = createHmac('sha256', 'custodian audit key from JWT_SECRET').update(settings.JWT_SECRET).digest();
  }
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), `custodian ${label}`, 32));
  return { chain: derive('audit chain'), head: derive('audit head') };
}
