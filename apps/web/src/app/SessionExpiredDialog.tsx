import { useEffect, useRef } from 'react';
import { SignInForm } from '../screens/SignInForm';
import { useSession } from '../session/session';

/**
 * When the token expires mid-task the screen stays as it was (nothing typed is lost) and this modal asks
 * for the password again; afterwards the person repeats the action that failed.
 */
export function SessionExpiredDialog() {
  const session = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="expired-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="expired-title">Your session has ended</h2>
      <p>Sign in again to carry on. What you entered on this page is kept; repeat the last action afterwards.</p>
      <SignInForm initialUsername={session.user.username} onSignedIn={(user) => user.id !== session.user.id && window.location.assign('/')} />
      <button type="button" className="button button--link" onClick={session.signOut}>
        Sign out instead
      </button>
    </dialog>
  );
}
