import { FormEvent, useState } from 'react';
import { listLegalHolds, placeLegalHold, releaseLegalHold } from '../../api/case-actions';
import type { CaseDetail } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, TextAreaField } from '../../components/fields';
import { Section } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../session/session';
import { CaseCommandButton } from './CaseCommandButton';

const MIN_REASON = 10;

/**
 * Litigation holds: counsel's order to keep everything of the case whatever the retention schedule says (the
 * purge skips a held case). Distinct from an emergency preservation hold, which keeps records pending a court order.
 */
export function LegalHoldsPanel({ c }: { c: CaseDetail }) {
  const { hasRole } = useSession();
  const holds = useResource(() => listLegalHolds(c.id), ['legal-holds', c.id]);
  const mayAct = hasRole('attorney', 'director');
  const items = holds.data?.items ?? [];
  if (!holds.data || (items.length === 0 && !mayAct)) return null;
  return (
    <Section title="Litigation holds">
      {items.length === 0 ? (
        <p className="muted">None. The retention schedule applies once the case closes.</p>
      ) : (
        <ul className="holds">
          {items.map((h) => (
            <li key={h.id} className="hold">
              <p>
                {h.releasedAt ? `Released ${formatDateTime(h.releasedAt)}` : 'Active: nothing of this case is purged'} · placed {formatDateTime(h.placedAt)}
              </p>
              <blockquote className="hold__reason">{h.reason}</blockquote>
              {mayAct && !h.releasedAt && (
                <CaseCommandButton command={() => releaseLegalHold(c.id, h.id)} label="Release litigation hold" tone="danger"
                  confirm="Release the hold? The retention schedule applies to this case again." onDone={holds.reload} />
              )}
            </li>
          ))}
        </ul>
      )}
      {mayAct && <PlaceLegalHold caseId={c.id} onPlaced={holds.reload} />}
    </Section>
  );
}

function PlaceLegalHold({ caseId, onPlaced }: { caseId: string; onPlaced: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const action = useAction(async () => {
    await placeLegalHold(caseId, reason.trim());
    setReason('');
    setOpen(false);
    onPlaced();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) return setLocal({ reason: [`Say why the records must be kept, e.g. the lawsuit or claim (at least ${MIN_REASON} characters).`] });
    setLocal({});
    void action.run();
  };
  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Place a litigation hold
      </button>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Place a litigation hold">
      {action.error && <ErrorAlert error={action.error} title="The hold was not placed" focus />}
      <FieldErrorsProvider value={{ ...(action.error?.fieldErrors ?? {}), ...local }}>
        <TextAreaField name="holdReason" errorName="reason" label="Why the records must be kept" requirement="required" rows={3} value={reason} onChange={setReason} />
      </FieldErrorsProvider>
      <div className="form__actions">
        <button type="submit" className="button" disabled={action.pending}>
          Place hold
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
