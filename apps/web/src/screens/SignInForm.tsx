import { FormEvent, useState } from 'react';
import type { User } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { FieldErrorsProvider, TextField } from '../components/fields';
import { useAction } from '../lib/useAction';
import { useSignIn } from '../session/session';

/** Username and password; a wrong password keeps the username and says so. */
export function SignInForm({ initialUsername = '', onSignedIn }: { initialUsername?: string; onSignedIn?: (user: User) => void }) {
  const signIn = useSignIn();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    const user = await signIn(username.trim(), password);
    onSignedIn?.(user);
    return user;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
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
