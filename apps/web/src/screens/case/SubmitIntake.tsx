import { useCallback } from 'react';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../lib/useAction';
import { label, REQUEST_TYPE_LABELS } from '../../lib/labels';
import { Link } from '../../router/router';
import { TYPE_FIELDS } from '../intake/request-type-fields';

/** The form's label for an intake field path, for this kind of request. */
function fieldName(c: CaseDetail, path: string): string {
  const [group, key] = path.split('.');
  const fields = TYPE_FIELDS[c.requestType];
  const named = group === 'instrument' ? fields.instrument[key as keyof typeof fields.instrument] : group === 'requester' ? fields.requester[key as keyof typeof fields.requester] : undefined;
  return named ?? path;
}

/** Fields the request type needs before submission that the case does not have yet. */
function blankForSubmission(c: CaseDetail): string[] {
  return TYPE_FIELDS[c.requestType].requiredToSubmit.filter((path) => {
    const [group, key] = path.split('.') as ['instrument' | 'requester', string];
    return !(c[group] as unknown as Record<string, unknown>)[key];
  });
}

/**
 * Submits intake for legal review. When the server finds fields missing (422 with details), it names them
 * as the form does and links to the edit form with those fields marked.
 */
export function SubmitIntake({ c, onSubmitted }: { c: CaseDetail; onSubmitted: () => void }) {
  const action = useAction(useCallback(() => api.POST('/api/cases/{id}/submit', { params: { path: { id: c.id } } }), [c.id]));
  const missing = action.error?.status === 422 ? Object.keys(action.error.fieldErrors) : [];
  const expected = blankForSubmission(c);
  const editLink = (paths: string[]) => `/cases/${c.id}/edit?missing=${encodeURIComponent(paths.join(','))}`;
  return (
    <div className="submit-intake">
      <button type="button" className="button" disabled={action.pending} aria-busy={action.pending} onClick={() => void action.run().then((r) => r !== undefined && onSubmitted())}>
        {action.pending ? 'Submitting…' : 'Submit for legal review'}
      </button>
      {expected.length > 0 && !action.error && (
        <p className="hint">
          Still needed for a {label(REQUEST_TYPE_LABELS, c.requestType).toLowerCase()}: {expected.map((p) => fieldName(c, p)).join(', ')}. <Link to={editLink(expected)}>Edit intake</Link>
        </p>
      )}
      {action.error && missing.length === 0 && <ErrorAlert error={action.error} title="The case was not submitted" focus />}
      {missing.length > 0 && (
        <div className="alert alert--error" role="alert">
          <h2 className="alert__title">Intake is not complete</h2>
          <p>A {label(REQUEST_TYPE_LABELS, c.requestType).toLowerCase()} needs these before legal review can start:</p>
          <ul className="alert__list">
            {missing.map((path) => (
              <li key={path}>{fieldName(c, path)}</li>
            ))}
          </ul>
          <Link to={editLink(missing)}>Edit intake to add the missing fields</Link>
        </div>
      )}
    </div>
  );
}
