import { useEffect } from 'react';
import { SignInForm } from './SignInForm';

export function SignInScreen() {
  useEffect(() => {
    document.title = 'Sign in · Custodian';
  }, []);
  return (
    <main id="main" className="sign-in">
      <div className="sign-in__card">
        <p className="brand__name brand__name--large">Custodian</p>
        <h1>Sign in</h1>
        <p className="muted">Requests for library patron records, Gov. Code § 7927.105. For library and city staff only; every sign-in is audited.</p>
        <SignInForm />
      </div>
    </main>
  );
}
