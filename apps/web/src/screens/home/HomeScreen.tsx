import { PageHeader } from '../../components/layout';
import { useSession } from '../../session/session';
import { AdminHome } from './AdminHome';
import { AttorneyHome } from './AttorneyHome';
import { AuditorHome } from './AuditorHome';
import { ClerkHome } from './ClerkHome';
import { DirectorHome } from './DirectorHome';

/** "What needs me today": one block per role the person holds, in the order a case moves. */
export function HomeScreen() {
  const { user, hasRole } = useSession();
  return (
    <>
      <PageHeader title="Today" subtitle={`${user.displayName}, ${user.title}: what needs you today`} />
      {hasRole('clerk') && <ClerkHome />}
      {hasRole('attorney') && <AttorneyHome />}
      {hasRole('director') && <DirectorHome />}
      {hasRole('auditor') && <AuditorHome />}
      {hasRole('admin') && <AdminHome />}
    </>
  );
}
