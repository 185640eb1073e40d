import { FormEvent, useState } from 'react';
import type { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider } from '../../components/fields';
import { CaseFormState } from './case-form-model';
import { HandlingFields, InstrumentFields, RequestFields, RequesterFields, ScopeFields } from './CaseFormSections';

/**
 * New-case and edit-intake form. The state lives here for as long as the screen does: a failed save shows
 * the server's errors next to their fields and keeps everything typed.
 */
export function CaseForm({ initial, submitLabel, pending, error, initialFieldErrors, onSubmit, onCancel }: {
  initial: CaseFormState;
  submitLabel: string;
  pending: boolean;
  error: ApiError | undefined;
  initialFieldErrors?: Record<string, string[]>;
  onSubmit: (form: CaseFormState) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState(initial);
  const patch = (p: Partial<CaseFormState>) => setForm((f) => ({ ...f, ...p }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(form);
  };
  const fieldErrors = error ? error.fieldErrors : (initialFieldErrors ?? {});
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Case intake">
      {error && <ErrorAlert error={error} title={error.status === 400 ? 'The case was not saved: correct the fields marked below' : 'The case was not saved'} focus />}
      <FieldErrorsProvider value={fieldErrors}>
        <RequestFields requestType={form.requestType} receivedAt={form.receivedAt} channel={form.channel} onChange={patch} />
        <RequesterFields requestType={form.requestType} value={form.requester} onChange={(requester) => patch({ requester })} />
        <InstrumentFields requestType={form.requestType} value={form.instrument} onChange={(instrument) => patch({ instrument })} />
        <ScopeFields value={form.scope} onChange={(scope) => patch({ scope })} />
        <HandlingFields requestType={form.requestType} nondisclosureUntil={form.nondisclosureUntil} emergency={form.emergency} summary={form.summary} onChange={patch} />
      </FieldErrorsProvider>
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending} aria-busy={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
