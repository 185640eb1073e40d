import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, SelectField, TextField } from '../../components/fields';
import { useAction } from '../../lib/useAction';

const METHODS = [
  { value: 'in_person', label: 'Handed over in person' },
  { value: 'mail', label: 'Mailed, with a tracking number' },
  { value: 'court_sealed_envelope', label: 'Sealed envelope to the court (Evid. Code § 1560(b))' },
];

/**
 * Records how the production or the denial letter reached the requester: the step that meets the deadline and lets
 * the case close. The acknowledged SHA-256 is the file's own, shown so the recipient can confirm it.
 */
export function DeliveryForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const document = c.status === 'fulfilled' ? 'production' : 'denial_letter';
  const sha256 = document === 'production' ? c.production?.sha256 ?? '' : (c.letters.find((l) => l.kind === 'denial' || l.kind === 'objection')?.sha256 ?? '');
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState(c.requestType === 'criminal_subpoena' ? 'court_sealed_envelope' : '');
  const [recipient, setRecipient] = useState(c.requester?.name ?? '');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const action = useAction(async () => {
    await api.post(`/api/cases/${c.id}/deliveries`, { document, method, recipient: recipient.trim(), acknowledgedSha256: sha256, ...(method === 'mail' ? { trackingNumber: trackingNumber.trim() } : {}) });
    setOpen(false);
    onDone();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string[]> = {};
    if (!method) problems.method = ['Choose how it was delivered.'];
    if (recipient.trim().length < 2) problems.recipient = ['Name who received it.'];
    if (method === 'mail' && !/^[A-Za-z0-9 -]{6,60}$/.test(trackingNumber.trim())) problems.trackingNumber = ['Enter the tracking number (6 to 60 letters, digits, spaces or hyphens).'];
    setLocal(problems);
    if (Object.keys(problems).length === 0) void action.run();
  };
  if (!sha256) return null;
  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Record delivery
      </button>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Record delivery">
      {action.error && <ErrorAlert error={action.error} title="The delivery was not recorded" />}
      <FieldErrorsProvider value={{ ...(action.error?.fieldErrors ?? {}), ...local }}>
        <SelectField name="method" label="How it was delivered" requirement="required" placeholder="Choose…" options={METHODS} value={method} onChange={setMethod} />
        <TextField name="recipient" label="Received by" requirement="required" value={recipient} onChange={setRecipient} />
        {method === 'mail' && <TextField name="trackingNumber" label="Tracking number" requirement="required" value={trackingNumber} onChange={setTrackingNumber} />}
        <p className="muted">SHA-256 of the delivered file: <code>{sha256}</code></p>
      </FieldErrorsProvider>
      <div className="form__actions">
        <button type="submit" className="button" disabled={action.pending}>Record delivery</button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}
