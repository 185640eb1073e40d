import { isRole } from './roles';

describe('roles (design.md "Users and roles")', () => {
  it('knows the five staff roles and nothing else', () => {
    for (const role of ['clerk', 'attorney', 'director', 'auditor', 'admin']) expect(isRole(role)).toBe(true);
    for (const value of ['Clerk', 'patron', 'superuser', '', 'toString', null, undefined, 1, ['clerk']]) expect(isRole(value)).toBe(false);
  });
});
