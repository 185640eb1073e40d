import { FormEvent, useState } from 'react';
import { liftGag } from '../../api/case-actions';
import type { CaseDetail, GagLiftKind } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, RadioGroup, TextField } from '../../components/fields';
import { Facts, Section } from '../../components/layout';
import { formatDate } from '../../lib/format';
import { libraryToday } from '../../lib/pacific-time';
import { useAction } from '../../lib/useAction';
import { useSession } from '../../session/session';
import { ConfirmStep } from '../../components/ConfirmStep';

const LIFT_KINDS: { value: GagLiftKind; label: string; hint: string }[] = [
  { value: 'court_order', label: 'A court order lifted it', hint: 'For example an order on review under 18 U.S.C. § 3511.' },
  { value: 'government_notice', label: 'The government said nondisclosure is no longer needed', hint: 'A written notice from the agency that served the process.' },
];

/**
 * The gag on the case and how it ends. A statutory gag (NSL, FISA) ends only by a recorded event, which the
 * attorney or director records here with its reference; once lifted, the case is visible to all staff again and
 * the patron may be told.
 */
export function GagPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { hasRole } = useSession();
  const gag = c.gag;
  if (!gag) return null;
  const mayLift = gag.active && hasRole('attorney', 'director') && !c.pendingStep;
  return (
    <Section title="Gag order">
      <Facts
        items={[
          ['In force', gag.active ? 'Yes: only the people assigned, auditors and admins can see this case' : 'No'],
          ['What it says', gag.text],
          ['Authority', gag.citation],
          ['Ends', gag.endsBy === 'date' ? `On ${formatDate(gag.until)}, or earlier by a recorded lift` : 'Only when a court order or the government lifts it'],
          ['Lifted', gag.lifted ? `${gag.lifted.kind === 'court_order' ? 'By court order' : 'By government notice'} on ${formatDate(gag.lifted.liftedOn)}` : undefined],
        ]}
      />
      {mayLift && <GagLiftForm c={c} onLifted={onChanged} />}
    </Section>
  );
}

function GagLiftForm({ c, onLifted }: { c: CaseDetail; onLifted: () => void }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<GagLiftKind | ''>('');
  const [reference, setReference] = useState('');
  const [liftedOn, setLiftedOn] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const action = useAction(async () => {
    await liftGag(c.id, { kind: kind as GagLiftKind, reference: reference.trim(), liftedOn });
    onLifted();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string[]> = {};
    if (!kind) problems.liftKind = ['Choose what lifted the gag.'];
    if (reference.trim().length < 3) problems.reference = ['Give the order’s docket number or the notice’s reference (at least 3 characters).'];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(liftedOn)) problems.liftedOn = ['Enter the date it was lifted.'];
    else if (liftedOn > libraryToday()) problems.liftedOn = ['A gag is lifted by something that has happened: the date cannot be in the future.'];
    setLocal(problems);
    if (Object.keys(problems).length === 0) setConfirming(true);
  };
  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Record that the gag was lifted
      </button>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Record the gag lift">
      {action.error && <ErrorAlert error={action.error} title="The lift was not recorded" focus />}
      {/* "liftKind", not the API's "kind": the documents panel's "kind" control may be on the same page. */}
      <FieldErrorsProvider value={{ ...withLiftKind(action.error?.fieldErrors ?? {}), ...local }}>
        <RadioGroup name="liftKind" legend="What lifted it" requirement="required" value={kind} onChange={setKind} options={LIFT_KINDS} />
        <TextField name="reference" label="Reference" requirement="required" hint="The order’s docket number, or the notice’s date and sender." value={reference} onChange={setReference} />
        <TextField name="liftedOn" label="Lifted on" type="date" requirement="required" max={libraryToday()} value={liftedOn} onChange={setLiftedOn} />
      </FieldErrorsProvider>
      {confirming ? (
        <ConfirmStep
          id="gag-lift-confirm"
          question="Record the lift? The case becomes visible to all staff and the patron may be told of the request. This cannot be undone."
          confirmLabel="Yes, record the lift"
          danger
          onConfirm={() => (setConfirming(false), void action.run())}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className="form__actions">
          <button type="submit" className="button" disabled={action.pending} aria-busy={action.pending}>
            {action.pending ? 'Recording…' : 'Record the lift'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}

function withLiftKind({ kind, ...others }: Record<string, string[]>): Record<string, string[]> {
  return kind ? { ...others, liftKind: kind } : others;
}
