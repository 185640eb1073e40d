import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, RadioGroup, TextAreaField } from '../../components/fields';
import { ReasonPicker } from '../../components/ReasonPicker';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useReasonCodes } from '../../lib/reason-codes';
import { LetterPreview } from './LetterPreview';
import { ReleaseCounts } from './ReleaseCounts';
import { ConfirmStep } from '../../components/ConfirmStep';

/**
 * The director's approve-or-deny, with a note and (for a denial) the reasons the letter cites. The review's
 * reasons are offered first; they start ticked unless the attorney recommended release, whose reasons
 * (a basis for release) would read wrongly in a denial letter.
 */
export function DecisionForm({ c, onDecided }: { c: CaseDetail; onDecided: () => void }) {
  const review = c.reviews[c.reviews.length - 1];
  const reasonCodes = useReasonCodes();
  const [decision, setDecision] = useState<'approve' | 'deny' | ''>('');
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState<string[]>(() => (review && review.recommendation !== 'fulfil' ? [...review.reasons] : []));
  const [confirming, setConfirming] = useState(false);
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const action = useAction(async () => {
    // `submit` refused a blank decision before confirming.
    const body = { decision: decision as Exclude<typeof decision, ''>, note: note.trim() || undefined, ...(decision === 'deny' && reasons.length ? { reasons } : {}) };
    await api.POST('/api/cases/{id}/decision', { params: { path: { id: c.id } }, body });
    onDecided();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!decision) {
      setLocal({ decision: ['Choose approve or deny.'] });
      return;
    }
    setLocal({});
    setConfirming(true);
  };
  const confirm = async () => {
    setConfirming(false);
    await action.run();
  };
  const scope = c.approvedScope ?? review?.scope ?? c.scope;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Decision" id="decision">
      {action.error && <ErrorAlert error={action.error} title="The decision was not recorded" focus />}
      <FieldErrorsProvider value={{ ...(action.error?.fieldErrors ?? {}), ...local }}>
        <RadioGroup name="decision" legend="Your decision" requirement="required" value={decision} onChange={setDecision}
          options={[
            { value: 'approve', label: 'Approve: produce the records in the approved scope' },
            { value: 'deny', label: 'Deny: send a denial letter naming you as responsible' },
          ]} />
        {decision === 'deny' && (
          <AsyncContent resource={reasonCodes} what="the reason codes">
            {(table) => (
              <ReasonPicker name="reasons" legend="Reasons for the denial letter" table={table} values={reasons} onChange={setReasons}
                suggested={review?.reasons ?? []} suggestedTag="From the review"
                hint="The letter cites each reason ticked here. With none ticked, the review's reasons are used." />
            )}
          </AsyncContent>
        )}
        <TextAreaField name="note" label="Note for the file" rows={3} value={note} onChange={setNote} />
      </FieldErrorsProvider>
      {confirming ? (
        <ConfirmStep
          id="decision-confirm"
          question={decision === 'approve'
            ? `Approve the release of ${scope.recordTypes.length} kind(s) of record for ${scope.cardNumbers.length} patron(s), ${formatDate(scope.from)} to ${formatDate(scope.to)}? The production is rendered at once and cannot be recalled once delivered.`
            : `Deny the request? A denial letter naming you as responsible is written and the case cannot be approved afterwards.`}
          confirmLabel={decision === 'approve' ? 'Yes, approve and produce' : 'Yes, deny and write the letter'}
          danger={decision !== 'approve'}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(false)}
        >
          {decision === 'approve' && <ReleaseCounts caseId={c.id} />}
          {decision && <LetterPreview caseId={c.id} decision={decision} reasons={decision === 'deny' ? reasons : undefined} />}
        </ConfirmStep>
      ) : (
        <button type="submit" className="button" disabled={action.pending} aria-busy={action.pending}>
          {action.pending ? 'Recording…' : 'Record decision'}
        </button>
      )}
    </form>
  );
}
