import { losesAdmin, roleProblems } from './role-rules';

describe('role rules', () => {
  it('never lets an admin account hold a case role', () => {
    expect(roleProblems(['admin', 'director'])[0]).toMatch(/cannot also hold the case role director/);
    expect(roleProblems(['admin', 'clerk', 'attorney'])[0]).toMatch(/clerk, attorney/);
    expect(roleProblems(['admin', 'auditor'])).toEqual([]);
    expect(roleProblems(['clerk', 'attorney', 'director'])).toEqual([]);
  });
  it('sees when an account stops being an active admin', () => {
    expect(losesAdmin({ roles: ['admin'], active: true }, { roles: ['admin'], active: false })).toBe(true);
    expect(losesAdmin({ roles: ['admin'], active: true }, { roles: ['auditor'], active: true })).toBe(true);
    expect(losesAdmin({ roles: ['admin'], active: true }, { roles: ['admin', 'auditor'], active: true })).toBe(false);
    expect(losesAdmin({ roles: ['admin'], active: false }, { roles: ['auditor'], active: false })).toBe(false);
  });
});
