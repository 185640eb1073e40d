import { api } from '../../api/client';
import { AsyncContent } from '../../components/AsyncContent';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader, Section } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';

interface Schedule {
  citySchedule: string;
  classes: { recordClass: string; label: string; days: number; defaultDays: number; minimumDays: number; citation: string; trigger: string }[];
}
interface Plan {
  id: string;
  status: string;
  createdAt: string;
  plan: { classes: { recordClass: string; label: string; items: number; cases: { caseNumber: string }[]; rule: { closedOnOrBefore: string } }[]; blocked: { caseNumber: string }[] };
  certificateSha256: string | null;
}

/** The retention schedule, the dry runs to review, approval, and each purge's certificate. */
export function RetentionScreen() {
  const schedule = useResource<Schedule>('/api/retention/schedule');
  const plans = useResource<{ items: Plan[] }>('/api/retention/plans', { refreshWhile: (d) => d.items.some((p) => p.status === 'approved' || (p.status === 'executed' && !p.certificateSha256)) });
  const propose = useAction(async () => (await api.post('/api/retention/plans'), plans.reload()));
  const approve = useAction(async (id: string) => (await api.post(`/api/retention/plans/${id}/approve`), plans.reload()));
  return (
    <>
      <PageHeader title="Retention" subtitle="What is kept, for how long, and what a purge would delete. Nothing is deleted until an admin approves a reviewed plan; holds keep their cases." />
      <AsyncContent resource={schedule} what="the schedule">
        {(s) => (
          <Section title="Schedule">
            <div className="table-wrap">
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
                  {plan.certificateSha256 && <DownloadButton path={`/api/retention/plans/${plan.id}/certificate/pdf`} fallbackName="purge-certificate.pdf">Certificate</DownloadButton>}
                </li>
              ))}
            </ul>
          )}
        </AsyncContent>
      </Section>
    </>
  );
}
