import type { ReactNode } from 'react';

/**
 * The second step of an action that cannot be undone: what will happen, in words, then "Yes, …" or "Go back".
 * Shown in place of the form's buttons, so the typed form stays on screen and nothing is lost by going back.
 */
export function ConfirmStep({ id, question, confirmLabel, danger = false, onConfirm, onCancel, children }: {
  id: string;
  question: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={`${id}-text`} aria-modal="false">
      <p id={`${id}-text`}>{question}</p>
      {children}
      <button type="button" className={danger ? 'button button--danger' : 'button'} onClick={onConfirm} autoFocus>
        {confirmLabel}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        Go back
      </button>
    </div>
  );
}
