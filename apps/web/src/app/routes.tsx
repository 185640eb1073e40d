import { ReactNode } from 'react';
import type { Role } from '../api/schema';
import type { Location, Params } from '../router/router';
import { CaseFormScreen } from '../screens/intake/CaseFormScreen';
import { CaseListScreen } from '../screens/cases/CaseListScreen';
import { CaseScreen } from '../screens/case/CaseScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { NotificationsScreen } from '../screens/NotificationsScreen';
import { ReviewScreen } from '../screens/review/ReviewScreen';
import { TransparencyScreen } from '../screens/reports/TransparencyScreen';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { UsersScreen } from '../screens/users/UsersScreen';
import { CalendarScreen } from '../screens/calendar/CalendarScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { RetentionScreen } from '../screens/retention/RetentionScreen';
import { AccountScreen } from '../screens/account/AccountScreen';

export interface Route {
  path: string;
  /** Roles that may open the screen; absent: any signed-in user. */
  roles?: Role[];
  render: (params: Params, location: Location) => ReactNode;
}

/** Every screen of the workspace, matched in order. */
export const ROUTES: Route[] = [
  { path: '/', render: () => <HomeScreen /> },
  { path: '/cases', render: (_, location) => <CaseListScreen search={location.search} /> },
  { path: '/cases/new', roles: ['clerk'], render: () => <CaseFormScreen /> },
  { path: '/cases/:id', render: (p) => <CaseScreen caseId={p.id} /> },
  { path: '/cases/:id/edit', roles: ['clerk'], render: (p, location) => <CaseFormScreen caseId={p.id} missing={location.search.get('missing')} /> },
  { path: '/cases/:id/review', roles: ['attorney'], render: (p) => <ReviewScreen caseId={p.id} /> },
  { path: '/audit', roles: ['auditor'], render: (_, location) => <AuditScreen caseId={location.search.get('case')} /> },
  { path: '/reports/transparency', roles: ['auditor', 'director'], render: () => <TransparencyScreen /> },
  { path: '/users', roles: ['admin'], render: () => <UsersScreen /> },
  { path: '/retention', roles: ['admin', 'auditor'], render: () => <RetentionScreen /> },
  { path: '/notifications', render: () => <NotificationsScreen /> },
  { path: '/calendar', render: () => <CalendarScreen /> },
  { path: '/account', render: () => <AccountScreen /> },
  { path: '/settings', roles: ['admin'], render: () => <SettingsScreen /> },
];
