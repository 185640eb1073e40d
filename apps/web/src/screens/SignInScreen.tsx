import { useEffect } from 'react';
import { useSessionEnded } from '../session/session';
import { SignInForm } from './SignInForm';

export function SignInScreen() {
  const ended = useSessionEnded();
  const returning = window.location.pathname !== '/' ? window.location.pathname : null;
  useEffect(() => {
    document.title = 'Sign in · Custodian';
  }, []);
  return (
    <main id="main" className="sign-in">
      <div className="sign-in__card">
        <p className="brand__name brand__name--large">Custodian</p>
        <h1>Sign in</h1>
        <p className="muted">Requests for library patron records, Gov. Code § 7927.105. For library and city staff only; every sign-in is audited.</p>
        {ended === 'expired' && (
          <div className="alert alert--info" role="status">
            <h2 className="alert__title">Your session ended</h2>
            <p>
              Sessions end after a period of time for the security of patron records, and yours ended while this tab was away. Nothing was
              lost on the server. Sign in again{returning ? ' and you will be back on the page you had open' : ''}.
            </p>
          </div>
        )}
        <SignInForm />
      </div>
    </main>
  );
}
