import { MouseEvent, useEffect, useRef } from 'react';
import type { ApiError } from '../api/errors';
import { label, STATE_LABELS } from '../lib/labels';
import { fieldId } from './fields';

/** Finds the control for a field path, walking up the path ("scope.cardNumbers.0" → "scope.cardNumbers"). */
function controlFor(path: string): HTMLElement | null {
  const segments = path.split(/[.[\]]+/).filter(Boolean);
  for (let n = segments.length; n > 0; n--) {
    const element = document.getElementById(fieldId(segments.slice(0, n).join('.')));
    if (element) return element;
  }
  return null;
}

/** The visible label of a field's control, so messages name fields as the form does. */
function fieldLabel(path: string): string {
  const control = controlFor(path);
  const text = control instanceof HTMLFieldSetElement ? control.querySelector('legend')?.firstChild?.textContent : (control as HTMLInputElement | null)?.labels?.[0]?.textContent;
  return text?.trim() || path;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, path: string) {
  const control = controlFor(path);
  if (!control) return;
  event.preventDefault();
  control.scrollIntoView({ block: 'center' });
  control.focus();
}

/**
 * Shows a failed API call: what went wrong in plain words, every message the server gave, field errors as
 * links to their fields, and the case's current state for a 409. Takes focus when it appears in a form,
 * so keyboard and screen-reader users land on it.
 */
export function ErrorAlert({ error, title, focus = false, onRetry }: { error: ApiError; title?: string; focus?: boolean; onRetry?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [error, focus]);
  const fields = Object.entries(error.fieldErrors);
  const fieldMessages = new Set(fields.flatMap(([path, messages]) => messages.map((m) => `${path}: ${m}`)));
  const heading = title ?? error.title;
  const others = error.messages.filter((m) => m !== heading && !fieldMessages.has(m) && !fields.some(([path]) => m.startsWith(`${path}: `)));
  const contradictions = error.contradictions;
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="alert__title">{heading}</h2>
      {others.length > 0 && (
        <ul className="alert__list">
          {others.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {contradictions.length > 0 && (
        <ul className="alert__list">
          {contradictions.map((c) => (
            <li key={c.code + c.message}>
              <code>{c.code}</code>: {c.message} <span className="citation">({c.citation})</span>
            </li>
          ))}
        </ul>
      )}
      {fields.length > 0 && (
        <ul className="alert__list">
          {fields.flatMap(([path, messages]) =>
            messages.map((m) => (
              <li key={`${path}:${m}`}>
                <a href={`#${fieldId(path)}`} onClick={(e) => focusField(e, path)}>
                  {fieldLabel(path)} — {m}
                </a>
              </li>
            )),
          )}
        </ul>
      )}
      {error.body.currentState && (
        <p>
          The case is now in the state <strong>{label(STATE_LABELS, error.body.currentState)}</strong>
          {error.body.pendingStep ? ` and the ${error.body.pendingStep} step is still running` : ''}. The page shows its latest state.
        </p>
      )}
      {error.status !== 0 && !error.local && <p className="alert__code">HTTP {error.status} {error.body.error}</p>}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
