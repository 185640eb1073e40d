import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../lib/useAction';

/** A button that POSTs one case command, asking first when `confirm` says what it will do. */
export function CaseCommandButton({ path, label, confirm, tone = 'secondary', onDone }: { path: string; label: string; confirm?: string; tone?: 'primary' | 'secondary' | 'danger'; onDone: () => void }) {
  const [asking, setAsking] = useState(false);
  const action = useAction(useCallback(() => api.post(path), [path]));
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
