import { FormEvent, useState } from 'react';
import { sendBack } from '../../api/case-actions';
import type { CaseDetail, SentBack } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, TextAreaField } from '../../components/fields';
import { Section } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { ConfirmStep } from '../../components/ConfirmStep';

const MIN_REASON = 10;

/**
 * The director who disagrees with the review returns the case to legal review instead of deciding it. The reason
 * is written for the attorney, who is notified; nothing is produced or sent to the requester.
 */
export function SendBackForm({ c, onSentBack }: { c: CaseDetail; onSentBack: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const action = useAction(async () => {
    await sendBack(c.id, reason.trim());
    onSentBack();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setLocal({ reason: [`Say what the attorney should look at again (at least ${MIN_REASON} characters).`] });
      return;
    }
    setLocal({});
    setConfirming(true);
  };
  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Send back for another review
      </button>
    );
  }
  const attorney = c.assignments.reviewingAttorney ?? c.assignments.assignedAttorney;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Send back for another review">
      {action.error && <ErrorAlert error={action.error} title="The case was not sent back" focus />}
      <FieldErrorsProvider value={{ ...(action.error?.fieldErrors ?? {}), ...local }}>
        <TextAreaField name="reason" label="Why it goes back" requirement="required" rows={3}
          hint={`${attorney ? `${attorney.displayName} is` : 'The attorney is'} notified and reads this reason. The case returns to legal review; nothing is produced or sent.`}
          value={reason} onChange={setReason} />
      </FieldErrorsProvider>
      {confirming ? (
        <ConfirmStep
          id="send-back-confirm"
          question={`Send case ${c.caseNumber} back to legal review? The attorney reviews it again, and you decide after the new review.`}
          confirmLabel="Yes, send it back"
          onConfirm={() => (setConfirming(false), void action.run())}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={action.pending} aria-busy={action.pending}>
            {action.pending ? 'Sending back…' : 'Send back'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}

/** Every time a director returned the review, with the reason: what the next review has to answer. */
export function SentBackPanel({ sentBack }: { sentBack: SentBack[] | undefined }) {
  if (!sentBack?.length) return null;
  const latestFirst = [...sentBack].reverse();
  return (
    <Section title={sentBack.length === 1 ? 'Sent back by the director' : `Sent back by the director (${sentBack.length}×)`}>
      <ul className="sent-back">
        {latestFirst.map((s) => (
          <li key={s.id}>
            <p className="muted">
              {s.director ? `${s.director.displayName}, ${s.director.title}` : 'A director'} · {formatDateTime(s.createdAt)}
            </p>
            <blockquote>{s.reason}</blockquote>
          </li>
        ))}
      </ul>
    </Section>
  );
}
