import { KeyObject, createSecretKey } from 'node:crypto';

/**
 * The HS256 signing key as a KeyObject, built once. Handed a string, jsonwebtoken tries `createPublicKey` and then
 * `createSecretKey` on every sign and verify (17% of the API's CPU in the profile of issue 12).
 */
export function tokenKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret));
}

/** What Custodian puts in an access token: the user, the token's own id, and the user's token version. */
export interface TokenClaims {
  sub: string;
  jti: string;
  ver: number;
  /** Set on a half-done sign-in that still needs the second factor; such a token opens only the TOTP step. */
  mfa?: 'pending';
}

export function isTokenClaims(value: unknown): value is TokenClaims {
  const claims = value as Partial<TokenClaims> | null;
  return !!claims && typeof claims.sub === 'string' && typeof claims.jti === 'string' && Number.isInteger(claims.ver);
}
