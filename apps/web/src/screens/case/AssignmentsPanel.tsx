import { FormEvent, useState } from 'react';
import { reassign } from '../../api/case-actions';
import { api } from '../../api/client';
import type { CaseDetail, Person } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, SelectField, TextField } from '../../components/fields';
import { Facts, Section } from '../../components/layout';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../session/session';

const person = (p: Person | undefined) => (p ? `${p.displayName}, ${p.title}` : undefined);
/** Reassignment gives the pending review or decision to someone else; once done, the duty is taken. */
const REASSIGNABLE = ['intake', 'legal_review', 'needs_info', 'awaiting_approval'];

/** Who holds which duty on the case; separation of duties keeps the three people apart. */
export function AssignmentsPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { hasRole } = useSession();
  const a = c.assignments;
  return (
    <Section title="People">
      <Facts
        items={[
          ['Intake clerk', person(a.intakeClerk)],
          ['Assigned attorney', person(a.assignedAttorney)],
          ['Reviewing attorney', person(a.reviewingAttorney)],
          ['Assigned director', person(a.assignedDirector)],
          ['Deciding director', person(a.decidingDirector)],
        ]}
      />
      {/* Only an admin can list the accounts to choose from (GET /api/users is theirs). */}
      {hasRole('admin') && REASSIGNABLE.includes(c.status) && !c.pendingStep && <ReassignForm c={c} onDone={onChanged} />}
    </Section>
  );
}

function ReassignForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const users = useResource(open ? () => api.GET('/api/users') : null, ['/api/users']);
  const [slot, setSlot] = useState<'attorney' | 'director' | ''>('');
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const action = useAction(async () => {
    await reassign(c.id, { slot: slot as 'attorney' | 'director', userId, reason: reason.trim() });
    setOpen(false);
    onDone();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string[]> = {};
    if (!slot) problems.slot = ['Choose the review or the decision.'];
    if (!userId) problems.userId = ['Choose the person who takes it over.'];
    if (reason.trim().length < 5) problems.reassignReason = ['Say why (at least 5 characters).'];
    setLocal(problems);
    if (Object.keys(problems).length === 0) void action.run();
  };
  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Reassign
      </button>
    );
  }
  const list = users.data?.items ?? [];
  const candidates = list.filter((u) => u.active !== false && slot && u.roles.includes(slot));
  const { reason: serverReason, ...serverFields } = action.error?.fieldErrors ?? {};
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Reassign the case">
      {action.error && <ErrorAlert error={action.error} title="The case was not reassigned" focus />}
      {users.error && <ErrorAlert error={users.error} title="The accounts could not be loaded" />}
      <FieldErrorsProvider value={{ ...serverFields, ...(serverReason ? { reassignReason: serverReason } : {}), ...local }}>
        <SelectField name="slot" label="Duty" placeholder="Choose…" value={slot} onChange={(v) => (setSlot(v as 'attorney' | 'director'), setUserId(''))}
          options={[{ value: 'attorney', label: 'The legal review (attorney)' }, { value: 'director', label: 'The decision (director)' }]} />
        <SelectField name="userId" label="Give it to" placeholder={slot ? 'Choose…' : 'Choose the duty first'} disabled={!slot} value={userId} onChange={setUserId}
          options={candidates.map((u) => ({ value: u.id, label: `${u.displayName}, ${u.title}` }))}
          hint="Separation of duties applies: someone who already holds another duty on this case is refused." />
        <TextField name="reassignReason" label="Why" value={reason} onChange={setReason} />
      </FieldErrorsProvider>
      <div className="form__actions">
        <button type="submit" className="button" disabled={action.pending}>
          Reassign
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
