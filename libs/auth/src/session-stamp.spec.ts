import fc from 'fast-check';
import { formatStamp, parseStamp, tokenRefusal } from './session-stamp';

describe('session stamps', () => {
  it('round-trips every user state', () => {
    fc.assert(
      fc.property(fc.nat(1e6), fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }), fc.boolean(), (tokenVersion, updatedAt, active) => {
        expect(parseStamp(formatStamp({ tokenVersion, updatedAt, active }))).toEqual({ tokenVersion, revision: updatedAt.getTime(), active });
      }),
    );
  });
  it('reads anything else as no stamp (the database decides)', () => {
    for (const value of [null, undefined, '', '1.2', '1.2.3', 'a.b.c', '1.2.1 ', 'x1.2.1', ' 1.2.1']) expect(parseStamp(value)).toBeNull();
  });
  it('refuses a token of an older version, or of an inactive user', () => {
    expect(tokenRefusal({ tokenVersion: 2, revision: 1, active: true }, 2)).toBeNull();
    expect(tokenRefusal({ tokenVersion: 2, revision: 1, active: true }, 1)).toBe('superseded');
    expect(tokenRefusal({ tokenVersion: 2, revision: 1, active: false }, 2)).toBe('inactive');
  });
});
