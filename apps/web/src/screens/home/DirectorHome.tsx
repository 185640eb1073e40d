import { api } from '../../api/client';
import { CaseCharts } from '../../charts/CaseCharts';
import { AsyncContent } from '../../components/AsyncContent';
import { Empty, Section } from '../../components/layout';
import { useResource } from '../../lib/useResource';
import { ApprovalCard } from './ApprovalCard';
import { CaseListSection } from './CaseListSection';

export function DirectorHome() {
  const queue = useResource(() => api.GET('/api/cases', { params: { query: { status: 'awaiting_approval' } } }), ['/api/cases', 'awaiting_approval']);
  return (
    <div className="role-home" data-role="director">
      <Section title="Approval queue">
        <AsyncContent resource={queue} what="the approval queue">
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No reviewed case waits for your decision.</Empty>
            ) : (
              <ul className="cards">
                {page.items.map((c) => (
                  <li key={c.id}>
                    <ApprovalCard summary={c} />
                  </li>
                ))}
              </ul>
            )
          }
        </AsyncContent>
      </Section>
      <CaseListSection title="Being fulfilled" query={{ status: 'fulfilling' }} empty="No production is being prepared." />
      <Section title="Caseload">
        <CaseCharts />
      </Section>
    </div>
  );
}
