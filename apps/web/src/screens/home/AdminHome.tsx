import { api } from '../../api/client';
import { AsyncContent } from '../../components/AsyncContent';
import { Section } from '../../components/layout';
import { ROLE_LABELS, ROLES } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/router';
import { AuditHeadPanel } from './AuditHeadPanel';

/** Accounts at a glance (how many people hold each role, which accounts are closed) and where the audit chain stands. */
export function AdminHome() {
  const users = useResource(() => api.GET('/api/users'), ['/api/users']);
  return (
    <div className="role-home" data-role="admin">
      <Section
        title="Accounts"
        actions={
          <Link to="/users" className="button button--secondary">
            Manage users
          </Link>
        }
      >
        <AsyncContent resource={users} what="the accounts">
          {(list) => (
            <ul className="stat-list">
              {ROLES.map((role) => (
                <li key={role}>
                  <span className="stat-list__value">{list.items.filter((u) => u.active !== false && u.roles.includes(role)).length}</span> {ROLE_LABELS[role]}
                </li>
              ))}
              <li>
                <span className="stat-list__value">{list.items.filter((u) => u.active === false).length}</span> closed accounts
              </li>
            </ul>
          )}
        </AsyncContent>
      </Section>
      <AuditHeadPanel />
    </div>
  );
}
