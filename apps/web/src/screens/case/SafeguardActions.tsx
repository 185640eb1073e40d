import { FormEvent, useState } from 'react';
import { setExtensionDesignee } from '../../api/case-actions';
import { api } from '../../api/client';
import type { CaseDetail, ExtensionGround, PatronNoticeMethod, Role } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, SelectField, TextAreaField, TextField } from '../../components/fields';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useSession } from '../../session/session';

const OPEN = ['intake', 'legal_review', 'needs_info', 'awaiting_approval', 'fulfilling'];
/** Notice is given once the library has answered the request (and no gag order forbids it). */
const ANSWERED = ['fulfilling', 'fulfilled', 'denied', 'closed'];
/** The unusual circumstances of Gov. Code § 7922.535(c), the only grounds for the one extension. */
const EXTENSION_GROUNDS = [
  { value: 'field_facilities', label: 'Records at field facilities or other establishments (§ 7922.535(c)(1))' },
  { value: 'voluminous_records', label: 'A voluminous amount of separate records (§ 7922.535(c)(2))' },
  { value: 'consultation', label: 'Consultation with another agency or component (§ 7922.535(c)(3))' },
  { value: 'data_compilation', label: 'Compiling data or writing a program to extract it (§ 7922.535(c)(4))' },
  { value: 'fifth_statutory_ground', label: 'The further circumstance of § 7922.535(c)(5) (counsel confirms)' },
];
const NOTICE_METHODS = [
  { value: 'mail', label: 'By mail' },
  { value: 'email', label: 'By e-mail' },
  { value: 'phone', label: 'By phone' },
  { value: 'in_person', label: 'In person' },
];

/** The CPRA determination's one extension (Gov. Code § 7922.535(b)): days and the unusual circumstances. */
export function ExtensionForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState('14');
  const [ground, setGround] = useState('');
  const [detail, setDetail] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const action = useAction(async () => {
    await api.POST('/api/cases/{id}/extension', { params: { path: { id: c.id } }, body: { days: Number(days), ground: ground as ExtensionGround, detail: detail.trim() } });
    onDone();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string[]> = {};
    if (!/^\d{1,2}$/.test(days) || Number(days) < 1 || Number(days) > 14) problems.days = ['Enter a whole number of days from 1 to 14.'];
    if (!ground) problems.ground = ['Choose the unusual circumstance of Gov. Code § 7922.535(c) that applies.'];
    if (detail.trim().length < 10) problems.detail = ['Say how it applies to this request (at least 10 characters).'];
    setLocal(problems);
    if (Object.keys(problems).length === 0) void action.run();
  };
  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Extend the determination deadline
      </button>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Extend the determination deadline">
      {action.error && <ErrorAlert error={action.error} title="The deadline was not extended" />}
      <FieldErrorsProvider value={{ ...(action.error?.fieldErrors ?? {}), ...local }}>
        <TextField name="days" label="Days added" inputMode="numeric" requirement="required" hint="At most 14 days, once per request (Gov. Code § 7922.535(b))." value={days} onChange={setDays} />
        <SelectField name="ground" label="Unusual circumstance" requirement="required" placeholder="Choose the statutory ground"
          hint="Only these grounds allow an extension (Gov. Code § 7922.535(c)). A director, or the designee a director names, signs it."
          options={EXTENSION_GROUNDS} value={ground} onChange={setGround} />
        <TextAreaField name="detail" label="How it applies" requirement="required" rows={3}
          hint="For example: the records must be searched for at the branch library. The extension letter to the requester quotes it."
          value={detail} onChange={setDetail} />
      </FieldErrorsProvider>
      <div className="form__actions">
        <button type="submit" className="button" disabled={action.pending}>
          Extend and send the extension letter
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Records that the patron was told their records were requested, once no gag order forbids it. */
export function PatronNoticeForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const [method, setMethod] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const action = useAction(async () => {
    await api.POST('/api/cases/{id}/patron-notice', { params: { path: { id: c.id } }, body: { method: method as PatronNoticeMethod } });
    onDone();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!method) return setLocal({ method: ['Choose how the patron was told.'] });
    setLocal({});
    void action.run();
  };
  return (
    <form className="form form--inline" onSubmit={submit} noValidate aria-label="Patron notice">
      {action.error && <ErrorAlert error={action.error} title="The notice was not recorded" />}
      <FieldErrorsProvider value={{ ...(action.error?.fieldErrors ?? {}), ...local }}>
        <SelectField name="method" label="Patron told" placeholder="Choose…" options={NOTICE_METHODS} value={method} onChange={setMethod} />
      </FieldErrorsProvider>
      <button type="submit" className="button button--secondary" disabled={action.pending}>
        Record patron notice
      </button>
    </form>
  );
}

/**
 * The head of the agency (the director) signs a CPRA extension or names a designee who may (Gov. Code
 * § 7922.535(b)); the designee offered is the attorney assigned to the case, who prepares it.
 */
export function ExtensionDesignee({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const attorney = c.assignments.assignedAttorney ?? c.assignments.reviewingAttorney;
  const action = useAction(async (userId: string | null) => {
    await setExtensionDesignee(c.id, userId);
    onDone();
    return true;
  });
  const designee = c.cpraDesignee;
  return (
    <div className="designee">
      <p>
        Extension signed by: <strong>{designee ? `${designee.displayName}, ${designee.title} (designee)` : 'a director'}</strong>
      </p>
      {action.error && <ErrorAlert error={action.error} title="The designee was not changed" />}
      {attorney && designee?.id !== attorney.id && (
        <button type="button" className="button button--secondary" disabled={action.pending} onClick={() => void action.run(attorney.id)}>
          Name {attorney.displayName} as designee
        </button>
      )}
      {designee && (
        <button type="button" className="button button--secondary" disabled={action.pending} onClick={() => void action.run(null)}>
          Remove the designee
        </button>
      )}
    </div>
  );
}

function mayNameDesignee(c: CaseDetail, hasRole: (...roles: Role[]) => boolean): boolean {
  return hasRole('director') && c.requestType === 'public_records' && OPEN.includes(c.status) && !c.pendingStep;
}

/** The extension and patron-notice actions the person's roles and the case allow. */
export function SafeguardActions({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { hasRole } = useSession();
  const idle = !c.pendingStep;
  const extended = c.deadlines.some((d) => d.clock === 'cpra_determination' && d.explanation?.extension);
  const canExtend = hasRole('attorney', 'director') && c.requestType === 'public_records' && OPEN.includes(c.status) && idle && !extended;
  const canNotify = hasRole('clerk', 'director') && !c.underNondisclosure && ANSWERED.includes(c.status) && !c.patronNotifiedAt;
  return (
    <>
      {mayNameDesignee(c, hasRole) && <div className="actions__group"><ExtensionDesignee c={c} onDone={onChanged} /></div>}
      {canExtend && <div className="actions__group"><ExtensionForm c={c} onDone={onChanged} /></div>}
      {canNotify && <div className="actions__group"><PatronNoticeForm c={c} onDone={onChanged} /></div>}
      {c.patronNotifiedAt && <p className="muted">Patron notified {formatDateTime(c.patronNotifiedAt)}.</p>}
    </>
  );
}

export function hasSafeguardActions(c: CaseDetail, hasRole: (...roles: Role[]) => boolean): boolean {
  const extended = c.deadlines.some((d) => d.clock === 'cpra_determination' && d.explanation?.extension);
  return (
    mayNameDesignee(c, hasRole) ||
    (hasRole('attorney', 'director') && c.requestType === 'public_records' && OPEN.includes(c.status) && !c.pendingStep && !extended) ||
    (hasRole('clerk', 'director') && !c.underNondisclosure && ANSWERED.includes(c.status) && !c.patronNotifiedAt) ||
    Boolean(c.patronNotifiedAt)
  );
}
