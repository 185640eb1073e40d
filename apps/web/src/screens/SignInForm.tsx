import { FormEvent, useState } from 'react';
import type { Me as User } from '../api/schema';
import { ErrorAlert } from '../components/ErrorAlert';
import { FieldErrorsProvider, TextField } from '../components/fields';
import { useAction } from '../lib/useAction';
import { useSignIn } from '../session/session';

/**
 * Username and password; a wrong password keeps the username and says so. For a director or admin who set up
 * two-step sign-in, a second step asks for the code from the authenticator app.
 */
export function SignInForm({ initialUsername = '', onSignedIn }: { initialUsername?: string; onSignedIn?: (user: User) => void }) {
  const signIn = useSignIn();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const action = useAction(async () => {
    const step = await signIn(username.trim(), password);
    if ('codeNeeded' in step) {
      setMfaToken(step.codeNeeded.mfaToken);
      return step;
    }
    onSignedIn?.(step.user);
    return step;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  if (mfaToken) return <CodeStep mfaToken={mfaToken} onSignedIn={onSignedIn} onRestart={() => (setMfaToken(null), setPassword(''))} />;
  return (
    <form onSubmit={submit} noValidate className="form form--narrow" aria-label="Sign in">
      {action.error && <ErrorAlert error={action.error} title={action.error.status === 401 ? 'Wrong username or password' : undefined} focus />}
      <FieldErrorsProvider value={action.error?.fieldErrors ?? {}}>
        <TextField name="username" label="Username" value={username} onChange={setUsername} autoComplete="username" />
        <TextField name="password" label="Password" type="password" value={password} onChange={setPassword} autoComplete="current-password" />
      </FieldErrorsProvider>
      <button type="submit" className="button" disabled={action.pending} aria-busy={action.pending}>
        {action.pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

/** The second step: six digits; a wrong or reused code says so, and an expired step starts over. */
function CodeStep({ mfaToken, onSignedIn, onRestart }: { mfaToken: string; onSignedIn?: (user: User) => void; onRestart: () => void }) {
  const signIn = useSignIn();
  const [code, setCode] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const action = useAction(async () => {
    const user = await signIn.withCode(mfaToken, code.trim());
    onSignedIn?.(user);
    return user;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setLocal({ code: ['Enter the 6 digits your authenticator app shows now.'] });
    setLocal({});
    void action.run();
  };
  const expired = action.error?.status === 401;
  return (
    <form onSubmit={submit} noValidate className="form form--narrow" aria-label="Sign-in code">
      {action.error && (
        <ErrorAlert error={action.error} focus
          title={expired ? 'This sign-in took too long: start again with your password' : action.error.status === 400 ? 'That code is wrong or was already used' : undefined} />
      )}
      <FieldErrorsProvider value={{ ...(action.error?.fieldErrors ?? {}), ...local }}>
        <TextField name="code" label="Code from your authenticator app" inputMode="numeric" autoComplete="one-time-code" requirement="required"
          hint="Your account uses two-step sign-in. Open the app and type the 6-digit code it shows for Custodian." value={code} onChange={setCode} />
      </FieldErrorsProvider>
      <div className="form__actions">
        {!expired && (
          <button type="submit" className="button" disabled={action.pending} aria-busy={action.pending}>
            {action.pending ? 'Checking…' : 'Sign in'}
          </button>
        )}
        <button type="button" className={expired ? 'button' : 'button button--secondary'} onClick={onRestart}>
          Start again
        </button>
      </div>
    </form>
  );
}
