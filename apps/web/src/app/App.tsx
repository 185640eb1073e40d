import { useEffect, useRef } from 'react';
import { PageHeader } from '../components/layout';
import { matchPath, useLocation } from '../router/router';
import { SignInScreen } from '../screens/SignInScreen';
import { SessionProvider, useSession } from '../session/session';
import { flashSeenOn } from './flash';
import { Layout } from './Layout';
import { ROUTES } from './routes';

export function App() {
  return (
    <SessionProvider signedOut={<SignInScreen />} checking={<p className="loading" role="status">Checking your session…</p>}>
      <Workspace />
    </SessionProvider>
  );
}

/** Picks the screen for the URL and moves focus to its heading after each navigation. */
function Workspace() {
  const location = useLocation();
  const session = useSession();
  const first = useRef(true);

  useEffect(() => {
    flashSeenOn(location.pathname);
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => (document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main'))?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, [location.pathname]);

  let screen = null;
  for (const route of ROUTES) {
    const params = matchPath(route.path, location.pathname);
    if (!params) continue;
    screen = route.roles && !session.hasRole(...route.roles) ? <NotForYou /> : route.render(params, location);
    break;
  }
  return <Layout pathname={location.pathname}>{screen ?? <NoSuchPage />}</Layout>;
}

function NoSuchPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>There is no page at this address. Use the navigation above to go on.</p>
    </>
  );
}

function NotForYou() {
  return (
    <>
      <PageHeader title="Not available" />
      <p>This screen is for other roles than yours. Ask an administrator if you need access.</p>
    </>
  );
}
