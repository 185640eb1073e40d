import { hashPassword, verifyPassword, verifyPasswordOrDummy } from './passwords';
import { isTokenClaims, tokenKey } from './token-key';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct-horse-battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct-horse-battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct-horse-batterz')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
  it('refuses any password for a missing user, after hashing it all the same', async () => {
    expect(await verifyPasswordOrDummy(null, 'correct-horse-battery')).toBe(false);
    expect(await verifyPasswordOrDummy(await hashPassword('abc-def-ghi-jkl'), 'abc-def-ghi-jkl')).toBe(true);
  });
});

describe('tokens', () => {
  it('builds the signing key once as a secret key object', () => {
    const key = tokenKey('a'.repeat(40));
    expect(key.type).toBe('secret');
    expect(key.symmetricKeySize).toBe(40);
    // The secret's UTF-8 bytes: "é" is two.
    expect(tokenKey('é'.repeat(20)).export()).toEqual(Buffer.from('é'.repeat(20), 'utf8'));
  });
  it('knows its own claims', () => {
    expect(isTokenClaims({ sub: 'u', jti: 'j', ver: 0 })).toBe(true);
    expect(isTokenClaims({ sub: 'u' })).toBe(false);
    expect(isTokenClaims({ sub: 1, jti: 'j', ver: 0 })).toBe(false);
    expect(isTokenClaims({ sub: 'u', jti: 2, ver: 0 })).toBe(false);
    expect(isTokenClaims({ sub: 'u', jti: 'j', ver: 1.5 })).toBe(false);
    expect(isTokenClaims({ sub: 'u', jti: 'j', ver: '0' })).toBe(false);
    expect(isTokenClaims(null)).toBe(false);
  });
});
