import { BadRequestException } from '@nestjs/common';
import { RejectInheritedKeysPipe, inheritedKeyPaths } from './prototype-keys.pipe';

describe('inherited keys', () => {
  it('finds constructor, __proto__ and toString at any depth', () => {
    const body = JSON.parse('{"a":1,"constructor":{"x":1},"b":{"__proto__":{"admin":true}},"c":[{"toString":"x"}]}');
    expect(inheritedKeyPaths(body).sort()).toEqual(['b.__proto__', 'c.0.toString', 'constructor']);
  });
  it('finds prototype too, which class-transformer would drop silently (found by the input fuzzer)', () => {
    expect(inheritedKeyPaths(JSON.parse('{"prototype":[],"a":{"prototype":{}}}')).sort()).toEqual(['a.prototype', 'prototype']);
  });
  it('lets ordinary bodies through', () => {
    expect(inheritedKeyPaths({ username: 'kim', scope: { cardNumbers: ['1'] } })).toEqual([]);
    expect(new RejectInheritedKeysPipe().transform({ a: 1 }, { type: 'body' })).toEqual({ a: 1 });
  });
  it('refuses them on bodies and queries with a 400 naming the field', () => {
    const pipe = new RejectInheritedKeysPipe();
    expect(() => pipe.transform(JSON.parse('{"hasOwnProperty":1}'), { type: 'body' })).toThrow(BadRequestException);
    try {
      pipe.transform({ constructor: 'x' }, { type: 'query' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toMatchObject({ message: ['constructor: property constructor should not exist'] });
    }
    expect(pipe.transform('x', { type: 'param' })).toBe('x');
  });
});
