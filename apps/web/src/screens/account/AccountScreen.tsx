import { FormEvent, useState } from 'react';
import { changeOwnPassword, confirmTotpEnrolment, startTotpEnrolment } from '../../api/account';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, TextField } from '../../components/fields';
import { Facts, LiveStatus, PageHeader, Section } from '../../components/layout';
import { ROLE_LABELS } from '../../lib/labels';
import { useAction } from '../../lib/useAction';
import { Link } from '../../router/router';
import { useSession } from '../../session/session';

const MIN_PASSWORD = 12;

/** The signed-in person's own account: who they are, their password, and two-step sign-in for those who decide. */
export function AccountScreen() {
  const { user, hasRole } = useSession();
  return (
    <>
      <PageHeader title="Your account" subtitle="Reminder e-mails and the calendar feed are set on the calendar screen." />
      <Section title="You">
        <Facts
          items={[
            ['Name', `${user.displayName}, ${user.title}`],
            ['Username', user.username],
            ['E-mail', user.email ?? 'None on file (an admin can add one)'],
            ['Roles', user.roles.map((r) => ROLE_LABELS[r]).join(', ')],
          ]}
        />
        <p>
          <Link to="/calendar">Reminder e-mails and calendar feed</Link>
        </p>
      </Section>
      <PasswordChange />
      {hasRole('director', 'admin') && <TwoStepSignIn />}
    </>
  );
}

function PasswordChange() {
  const { adopt } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState('');
  const save = useAction(async () => {
    // Every other session of this account ends; this tab carries on with the token the change returns.
    adopt(await changeOwnPassword(current, next));
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone('Password changed. You are signed out everywhere else.');
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const problems: Record<string, string[]> = {};
    if (!current) problems.currentPassword = ['Enter the password you signed in with.'];
    if (next.length < MIN_PASSWORD) problems.newPassword = [`Use at least ${MIN_PASSWORD} characters; a few unrelated words are easiest to remember.`];
    else if (next === current) problems.newPassword = ['Choose a password different from the current one.'];
    if (repeat !== next) problems.repeatPassword = ['The two new passwords are not the same.'];
    setLocal(problems);
    if (Object.keys(problems).length === 0) void save.run();
  };
  // The server names the field it refused: a wrong current password comes back on "currentPassword".
  const refusedCurrent = Boolean(save.error?.fieldErrors.currentPassword);
  return (
    <Section title="Password">
      <form className="form form--narrow" onSubmit={submit} noValidate aria-label="Change your password">
        {save.error && <ErrorAlert error={save.error} title={refusedCurrent ? 'The current password is not right' : 'The password was not changed'} focus />}
        <FieldErrorsProvider value={{ ...(save.error?.fieldErrors ?? {}), ...local }}>
          <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" value={current} onChange={setCurrent} />
          <TextField name="newPassword" label="New password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD} characters; common or guessable passwords are refused.`} value={next} onChange={setNext} />
          <TextField name="repeatPassword" label="New password again" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} />
        </FieldErrorsProvider>
        <button type="submit" className="button" disabled={save.pending} aria-busy={save.pending}>
          {save.pending ? 'Changing…' : 'Change password'}
        </button>
        <LiveStatus>{done}</LiveStatus>
      </form>
    </Section>
  );
}

/** TOTP enrolment (RFC 6238): the secret goes into an authenticator app, a first code confirms it. */
function TwoStepSignIn() {
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [code, setCode] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState(false);
  const start = useAction(async () => {
    setEnrolment(await startTotpEnrolment());
    return true;
  });
  const confirm = useAction(async () => {
    await confirmTotpEnrolment(code.trim());
    setDone(true);
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setLocal({ code: ['Enter the 6 digits the app shows now.'] });
    setLocal({});
    void confirm.run();
  };
  return (
    <Section title="Two-step sign-in">
      {done ? (
        <LiveStatus>Two-step sign-in is on. From now on, signing in asks for a code from your app as well as your password.</LiveStatus>
      ) : !enrolment ? (
        <>
          <p>Directors and admins can protect their sign-in with a code from an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password and the like).</p>
          {start.error && <ErrorAlert error={start.error} title={start.error.status === 409 ? 'Two-step sign-in is already on for your account' : 'Two-step sign-in could not be set up'} />}
          <button type="button" className="button button--secondary" onClick={() => void start.run()} disabled={start.pending}>
            Set up two-step sign-in
          </button>
        </>
      ) : (
        <form className="form form--narrow" onSubmit={submit} noValidate aria-label="Confirm two-step sign-in">
          <p>In your authenticator app, add an account by entering this key (or open the address below on the phone with the app):</p>
          <p className="secret" data-testid="totp-key">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</p>
          <p className="muted secret">
            <a href={enrolment.otpauthUri}>Open in the authenticator app</a>
          </p>
          {confirm.error && <ErrorAlert error={confirm.error} title="That code did not match: check the key and try the next code" focus />}
          <FieldErrorsProvider value={{ ...(confirm.error?.fieldErrors ?? {}), ...local }}>
            <TextField name="code" label="Code the app shows" inputMode="numeric" autoComplete="one-time-code" requirement="required" value={code} onChange={setCode} />
          </FieldErrorsProvider>
          <button type="submit" className="button" disabled={confirm.pending}>
            Turn on two-step sign-in
          </button>
        </form>
      )}
    </Section>
  );
}
