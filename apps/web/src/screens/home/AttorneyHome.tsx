import { api } from '../../api/client';
import { AsyncContent } from '../../components/AsyncContent';
import { CaseTable } from '../../components/CaseTable';
import { Section } from '../../components/layout';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../session/session';
import { CaseListSection } from './CaseListSection';

const toReview = (c: { id: string }) => `/cases/${c.id}/review`;

/**
 * The review queue from one request for the cases in legal review: those assigned to this attorney first,
 * then the rest (another attorney may have to step in when the assigned one holds another duty or is away).
 */
export function AttorneyHome() {
  const { user } = useSession();
  const inReview = useResource(() => api.GET('/api/cases', { params: { query: { status: 'legal_review', pageSize: 200 } } }), ['/api/cases', 'legal_review']);
  return (
    <div className="role-home" data-role="attorney">
      <AsyncContent resource={inReview} what="the review queue">
        {(page) => {
          const mine = page.items.filter((c) => c.assignedAttorneyId === user.id);
          const others = page.items.filter((c) => c.assignedAttorneyId !== user.id);
          return (
            <>
              <Section title="Your review queue">
                <CaseTable cases={mine} caption="Your review queue" empty="No case is assigned to you for review." linkTo={toReview} />
              </Section>
              <Section title="Other cases in legal review">
                <CaseTable cases={others} caption="Other cases in legal review" empty="No other case is in legal review." linkTo={toReview} />
                {page.total > page.items.length && <p className="hint">Showing the {page.items.length} most urgent of {page.total}; see all under Cases.</p>}
              </Section>
            </>
          );
        }}
      </AsyncContent>
      <CaseListSection title="Waiting for the requester to cure" query={{ status: 'needs_info', assignee: 'me' }} empty="None of your cases waits for the requester." />
    </div>
  );
}
