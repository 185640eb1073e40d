import { FormEvent, useState } from 'react';
import { saveRetentionSettings } from '../../api/case-actions';
import { api, client, download } from '../../api/client';
import type { RetentionSchedule as Schedule } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldErrorsProvider, TextField } from '../../components/fields';
import { LiveStatus, PageHeader, Section } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../session/session';

/** The retention schedule, the dry runs to review, approval, and each purge's certificate. */
export function RetentionScreen() {
  const { hasRole } = useSession();
  const schedule = useResource(() => api.GET('/api/retention/schedule'), ['/api/retention/schedule']);
  const plans = useResource(() => api.GET('/api/retention/plans'), ['/api/retention/plans'], { refreshWhile: (d) => d.items.some((p) => p.status === 'approved' || (p.status === 'executed' && !p.certificateSha256)) });
  const propose = useAction(async () => (await api.POST('/api/retention/plans'), plans.reload()));
  const approve = useAction(async (id: string) => (await api.POST('/api/retention/plans/{id}/approve', { params: { path: { id } } }), plans.reload()));
  return (
    <>
      <PageHeader title="Retention" subtitle="What is kept, for how long, and what a purge would delete. Nothing is deleted until an admin approves a reviewed plan; holds keep their cases." />
      <AsyncContent resource={schedule} what="the schedule">
        {(s) => (
          <Section title="Schedule">
            <div className="table-wrap" tabIndex={0}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Record class</th>
                    <th scope="col" className="num">Days kept</th>
                    <th scope="col" className="num">Default</th>
                    <th scope="col">Citation</th>
                  </tr>
                </thead>
                <tbody>
                  {s.classes.map((c) => (
                    <tr key={c.recordClass}>
                      <th scope="row">{c.label}</th>
                      <td className="num">{c.days}</td>
                      <td className="num">{c.defaultDays}</td>
                      <td className="citation">{c.citation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="citation">{s.citySchedule}</p>
            {hasRole('admin') && <ScheduleEditor schedule={s} onSaved={schedule.reload} />}
          </Section>
        )}
      </AsyncContent>
      <Section title="Purge plans" actions={<button type="button" className="button button--secondary" onClick={() => void propose.run()} disabled={propose.pending}>Dry run now</button>}>
        {propose.error && <ErrorAlert error={propose.error} />}
        {approve.error && <ErrorAlert error={approve.error} />}
        <AsyncContent resource={plans} what="the plans">
          {(p) => (
            <ul>
              {p.items.map((plan) => (
                <li key={plan.id}>
                  <strong>{plan.status}</strong> {formatDateTime(plan.createdAt)}:{' '}
                  {plan.plan.classes.map((c) => `${c.label}: ${c.items} from ${c.cases.length} case(s)`).join('; ')}
                  {plan.plan.blocked.length > 0 && `; kept by holds: ${plan.plan.blocked.map((b) => b.caseNumber).join(', ')}`}
                  {plan.status === 'proposed' && (
                    <button type="button" className="button button--secondary" onClick={() => void approve.run(plan.id)} disabled={approve.pending}>
                      Approve and purge
                    </button>
                  )}
                  {plan.certificateSha256 && <DownloadButton file={() => download(client.GET('/api/retention/plans/{id}/certificate/pdf', { params: { path: { id: plan.id } }, parseAs: 'blob' }), 'purge-certificate.pdf')}>Certificate</DownloadButton>}
                </li>
              ))}
            </ul>
          )}
        </AsyncContent>
      </Section>
    </>
  );
}

/**
 * The admin's change to the schedule: days kept per record class and the city schedule's reference. The law's
 * minimums are shown as hints and checked by the server, whose refusal names the class and the minimum.
 */
function ScheduleEditor({ schedule, onSaved }: { schedule: Schedule; onSaved: () => void }) {
  const initial = () => ({ ...Object.fromEntries(schedule.classes.map((c) => [c.setting, String(c.days)])), citySchedule: schedule.citySchedule });
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState('');
  const changedDays = schedule.classes.filter((c) => values[c.setting] !== String(c.days));
  const save = useAction(async () => {
    const changed: Record<string, number | string> = Object.fromEntries(changedDays.map((c) => [c.setting, Number(values[c.setting])]));
    if (values.citySchedule.trim() !== schedule.citySchedule) changed.citySchedule = values.citySchedule.trim();
    await saveRetentionSettings(changed as Record<string, number>);
    setDone(`Saved ${Object.keys(changed).length} change(s). Purge plans from now on use the new schedule.`);
    onSaved();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const problems: Record<string, string[]> = Object.fromEntries(
      schedule.classes.filter((c) => !/^\d{1,5}$/.test(values[c.setting].trim())).map((c) => [c.setting, ['Enter a whole number of days.']]),
    );
    if (values.citySchedule.trim().length < 3) problems.citySchedule = ['Name the city schedule and its item numbers (at least 3 characters).'];
    setLocal(problems);
    if (Object.keys(problems).length) return;
    if (changedDays.length === 0 && values.citySchedule.trim() === schedule.citySchedule) return setDone('Nothing had changed.');
    void save.run();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Change the retention schedule">
      <h3>Change the schedule</h3>
      {save.error && <ErrorAlert error={save.error} title="The retention schedule was not saved" focus />}
      <FieldErrorsProvider value={{ ...(save.error?.fieldErrors ?? {}), ...local }}>
        <div className="field-grid">
          {schedule.classes.map((c) => (
            <TextField key={c.setting} name={c.setting} label={`${c.label} (days)`} inputMode="numeric"
              hint={`At least ${c.minimumDays} (${c.citation}). Default ${c.defaultDays}.`}
              value={values[c.setting]} onChange={(v) => setValues({ ...values, [c.setting]: v })} />
          ))}
        </div>
        <TextField name="citySchedule" label="City retention schedule" hint="The schedule and item numbers adopted by council resolution." value={values.citySchedule} onChange={(v) => setValues({ ...values, citySchedule: v })} />
      </FieldErrorsProvider>
      <button type="submit" className="button" disabled={save.pending}>
        Save retention schedule
      </button>
      <LiveStatus>{done}</LiveStatus>
    </form>
  );
}
