import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, TextAreaField } from '../../components/fields';
import { useAction } from '../../lib/useAction';

/** The requester cured the defect: note what arrived and send the case back to the attorney. */
export function ResumeForm({ caseId, onResumed }: { caseId: string; onResumed: () => void }) {
  const [note, setNote] = useState('');
  const action = useAction(async () => {
    await api.POST('/api/cases/{id}/resume', { params: { path: { id: caseId } }, body: { note: note.trim() || undefined } });
    onResumed();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Information received">
      {action.error && <ErrorAlert error={action.error} title="The case was not resumed" />}
      <FieldErrorsProvider value={action.error?.fieldErrors ?? {}}>
        <TextAreaField name="note" label="What the requester sent" rows={3} value={note} onChange={setNote} />
      </FieldErrorsProvider>
      <button type="submit" className="button" disabled={action.pending}>
        Information received: back to legal review
      </button>
    </form>
  );
}
