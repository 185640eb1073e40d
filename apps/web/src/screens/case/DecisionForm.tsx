import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, RadioGroup, TextAreaField, TextField } from '../../components/fields';
import { parseCodes } from '../../lib/labels';
import { useAction } from '../../lib/useAction';

/** The director's approve-or-deny, with a note and (for a denial) the reason codes the letter cites. */
export function DecisionForm({ c, onDecided }: { c: CaseDetail; onDecided: () => void }) {
  const review = c.reviews[c.reviews.length - 1];
  const [decision, setDecision] = useState<'approve' | 'deny' | ''>('');
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState((review?.reasons ?? []).join(', '));
  const action = useAction(async () => {
    const body = { decision, note: note.trim() || undefined, ...(decision === 'deny' && parseCodes(reasons).length ? { reasons: parseCodes(reasons) } : {}) };
    await api.post(`/api/cases/${c.id}/decision`, body);
    onDecided();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Decision" id="decision">
      {action.error && <ErrorAlert error={action.error} title="The decision was not recorded" focus />}
      <FieldErrorsProvider value={action.error?.fieldErrors ?? {}}>
        <RadioGroup name="decision" legend="Your decision" requirement="required" value={decision} onChange={setDecision}
          options={[
            { value: 'approve', label: 'Approve: produce the records in the approved scope' },
            { value: 'deny', label: 'Deny: send a denial letter naming you as responsible' },
          ]} />
        {decision === 'deny' && (
          <TextField name="reasons" label="Reason codes for the denial letter" value={reasons} onChange={setReasons}
            hint="Separated by commas, e.g. NO_LEGAL_BASIS. Left empty, the review's reasons are used." />
        )}
        <TextAreaField name="note" label="Note for the file" rows={3} value={note} onChange={setNote} />
      </FieldErrorsProvider>
      <button type="submit" className="button" disabled={action.pending} aria-busy={action.pending}>
        {action.pending ? 'Recording…' : 'Record decision'}
      </button>
    </form>
  );
}
