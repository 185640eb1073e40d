import { FormEvent, useState } from 'react';
import { createDelivery, NewDelivery } from '../../api/case-actions';
import type { CaseDetail, CreatedDelivery, DeliveryMethod } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, SelectField, TextField } from '../../components/fields';
import { useAction } from '../../lib/useAction';

const HANDED_OVER = [
  { value: 'in_person', label: 'Handed over in person' },
  { value: 'mail', label: 'Mailed, with a tracking number' },
  { value: 'court_sealed_envelope', label: 'Sealed envelope to the court (Evid. Code § 1560(b))' },
];
const SECURE_LINK = { value: 'secure_link', label: 'Secure download link for the requester' };
/** The server's defaults and bounds for a secure link (delivery.dto.ts). */
export const LINK_HOURS = { default: 72, max: 720 } as const;
export const LINK_DOWNLOADS = { default: 3, max: 10 } as const;

const wholeNumberIn = (text: string, max: number) => /^\d{1,3}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= max;

/**
 * Records how the production or the denial letter reached the requester (the step that meets the deadline and lets
 * the case close), or issues a secure link that delivers it on the first download. The acknowledged SHA-256 is the
 * file's own, shown so the recipient can confirm it; a link needs none, as its download records what was served.
 */
export function DeliveryForm({ c, onCreated }: { c: CaseDetail; onCreated: (created: CreatedDelivery) => void }) {
  const document = c.status === 'fulfilled' ? 'production' : 'denial_letter';
  const sha256 = document === 'production' ? c.production?.sha256 ?? '' : (c.letters.find((l) => l.kind === 'denial' || l.kind === 'objection')?.sha256 ?? '');
  // Records produced on a criminal subpoena go to the court in a sealed envelope, never by link.
  const sealedOnly = c.requestType === 'criminal_subpoena' && document === 'production';
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<DeliveryMethod | ''>(sealedOnly ? 'court_sealed_envelope' : '');
  const [recipient, setRecipient] = useState(c.requester?.name ?? '');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [hours, setHours] = useState(String(LINK_HOURS.default));
  const [downloads, setDownloads] = useState(String(LINK_DOWNLOADS.default));
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const link = method === 'secure_link';
  const action = useAction(async () => {
    const body: NewDelivery = link
      ? { document, method, recipient: recipient.trim(), expiresInHours: Number(hours), maxDownloads: Number(downloads) }
      : { document, method: method as DeliveryMethod, recipient: recipient.trim(), acknowledgedSha256: sha256, ...(method === 'mail' ? { trackingNumber: trackingNumber.trim() } : {}) };
    const created = await createDelivery(c.id, body);
    setOpen(false);
    onCreated(created);
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string[]> = {};
    // The patron-notice form on the same page has a "method" too: this control's id is its own.
    if (!method) problems.method = ['Choose how it was delivered.'];
    if (recipient.trim().length < 2) problems.recipient = [link ? 'Name the requester the link is for.' : 'Name who received it.'];
    if (method === 'mail' && !/^[A-Za-z0-9 -]{6,60}$/.test(trackingNumber.trim())) problems.trackingNumber = ['Enter the tracking number (6 to 60 letters, digits, spaces or hyphens).'];
    if (link && !wholeNumberIn(hours, LINK_HOURS.max)) problems.expiresInHours = [`Enter a whole number of hours from 1 to ${LINK_HOURS.max} (30 days).`];
    if (link && !wholeNumberIn(downloads, LINK_DOWNLOADS.max)) problems.maxDownloads = [`Enter a whole number of downloads from 1 to ${LINK_DOWNLOADS.max}.`];
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
      {action.error && <ErrorAlert error={action.error} title={link ? 'The link was not created' : 'The delivery was not recorded'} />}
      <FieldErrorsProvider value={{ ...(action.error?.fieldErrors ?? {}), ...local }}>
        <SelectField name="deliveryMethod" errorName="method" label="How it was delivered" requirement="required" placeholder="Choose…" options={sealedOnly ? HANDED_OVER : [...HANDED_OVER, SECURE_LINK]}
          value={method} onChange={(v) => setMethod(v as DeliveryMethod)} />
        <TextField name="recipient" label={link ? 'Link for' : 'Received by'} requirement="required" value={recipient} onChange={setRecipient} />
        {method === 'mail' && <TextField name="trackingNumber" label="Tracking number" requirement="required" value={trackingNumber} onChange={setTrackingNumber} />}
        {link && (
          <div className="field-grid">
            <TextField name="expiresInHours" label="Link works for (hours)" inputMode="numeric" requirement="required" hint={`1 to ${LINK_HOURS.max}; 72 is three days.`} value={hours} onChange={setHours} />
            <TextField name="maxDownloads" label="Downloads allowed" inputMode="numeric" requirement="required" hint={`1 to ${LINK_DOWNLOADS.max}. The first download counts as the delivery.`} value={downloads} onChange={setDownloads} />
          </div>
        )}
        <p className="muted">
          SHA-256 of the {link ? 'file the link serves' : 'delivered file'}: <code className="hash">{sha256}</code>
        </p>
      </FieldErrorsProvider>
      <div className="form__actions">
        <button type="submit" className="button" disabled={action.pending}>
          {link ? 'Create the link' : 'Record delivery'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
