import { api } from '../api/client';
import { ReactNode } from 'react';
import type {  Role } from '../api/schema';
import { LiveStatus } from '../components/layout';
import { ROLE_LABELS } from '../lib/labels';
import { useResource } from '../lib/useResource';
import { Link } from '../router/router';
import { useSession } from '../session/session';
import { useFlash } from './flash';
import { SessionExpiredDialog } from './SessionExpiredDialog';

interface NavItem {
  to: string;
  label: string;
  roles?: Role[];
}

const NAV: NavItem[] = [
  { to: '/', label: 'Today' },
  { to: '/cases', label: 'Cases' },
  { to: '/calendar', label: 'Calendar' },
  { to: '/cases/new', label: 'New case', roles: ['clerk'] },
  { to: '/audit', label: 'Audit', roles: ['auditor'] },
  { to: '/reports/transparency', label: 'Transparency report', roles: ['auditor', 'director'] },
  { to: '/users', label: 'Users', roles: ['admin'] },
  { to: '/settings', label: 'Settings', roles: ['admin'] },
  { to: '/retention', label: 'Retention', roles: ['admin', 'auditor'] },
];

function isCurrent(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  if (to === '/cases') return pathname === '/cases' || (pathname.startsWith('/cases/') && pathname !== '/cases/new');
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** Banner with navigation and the signed-in person, the main landmark, and the one-off flash message. */
export function Layout({ pathname, children }: { pathname: string; children: ReactNode }) {
  const session = useSession();
  const message = useFlash();
  const items = NAV.filter((item) => !item.roles || session.hasRole(...item.roles));
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">Custodian</span>
            <span className="brand__tag">Patron records requests · Gov. Code § 7927.105</span>
          </Link>
          <nav aria-label="Main" className="nav">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={isCurrent(item.to, pathname) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
              <li>
                <NotificationsLink current={pathname === '/notifications'} />
              </li>
            </ul>
          </nav>
          <div className="user">
            <Link to="/account" className="user__name user__account" aria-label={`${session.user.displayName}: your account`} aria-current={pathname === '/account' ? 'page' : undefined}>
              {session.user.displayName}
            </Link>
            <span className="user__roles">{session.user.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
            <button type="button" className="button button--link" onClick={session.signOut}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        {message && <LiveStatus className="flash">{message}</LiveStatus>}
        {children}
      </main>
      <footer className="site-footer">
        <p>Patron use records are confidential under Gov. Code § 7927.105 (formerly § 6267). Every view and change is audited.</p>
      </footer>
      {session.expired && <SessionExpiredDialog />}
    </>
  );
}

function NotificationsLink({ current }: { current: boolean }) {
  const notifications = useResource(() => api.GET('/api/notifications'), ['/api/notifications'], { refreshWhile: () => true, intervalMs: 60_000 });
  const unread = notifications.data?.unread ?? 0;
  return (
    <Link to="/notifications" aria-current={current ? 'page' : undefined}>
      Notifications
      {unread > 0 && (
        <span className="count" aria-label={`, ${unread} unread`}>
          {unread}
        </span>
      )}
    </Link>
  );
}
