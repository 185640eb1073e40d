import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../lib/useAction';

/** A button that sends one case command (`command`, a typed API call), asking first when `confirm` says what it will do. */
export function CaseCommandButton({ command, label, confirm, tone = 'secondary', onDone }: { command: () => Promise<unknown>; label: string; confirm?: string; tone?: 'primary' | 'secondary' | 'danger'; onDone: () => void }) {
  const [asking, setAsking] = useState(false);
  const action = useAction(useCallback(() => command(), [command]));
  const run = async () => {
    setAsking(false);
    if ((await action.run()) !== undefined) onDone();
  };
  const className = `button${tone === 'primary' ? '' : ` button--${tone}`}`;
  return (
    <div className="command">
      {asking ? (
        <div className="confirm" role="group" aria-label={`Confirm: ${label}`}>
          <p>{confirm}</p>
          <button type="button" className={className} onClick={() => void run()} autoFocus>
            Yes, {label.toLowerCase()}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className={className} disabled={action.pending} aria-busy={action.pending} onClick={() => (confirm ? setAsking(true) : void run())}>
          {action.pending ? 'Working…' : label}
        </button>
      )}
      {action.error && <ErrorAlert error={action.error} title={`Could not ${label.toLowerCase()}`} />}
    </div>
  );
}
