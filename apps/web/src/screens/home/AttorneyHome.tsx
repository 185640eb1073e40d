import type { CaseSummary, Page } from '../../api/types';
import { AsyncContent } from '../../components/AsyncContent';
import { CaseTable } from '../../components/CaseTable';
import { Section } from '../../components/layout';
import { useResource } from '../../lib/useResource';
import { CaseListSection } from './CaseListSection';

const toReview = (c: { id: string }) => `/cases/${c.id}/review`;

/** The review queue: cases assigned to this attorney first, then the rest of legal review. */
export function AttorneyHome() {
  const mine = useResource<Page<CaseSummary>>('/api/cases?status=legal_review&assignee=me');
  const mineIds = new Set(mine.data?.items.map((c) => c.id) ?? []);
  return (
    <div className="role-home" data-role="attorney">
      <Section title="Your review queue">
        <AsyncContent resource={mine} what="your review queue">
          {(page) => <CaseTable cases={page.items} caption="Your review queue" empty="No case is assigned to you for review." linkTo={toReview} />}
        </AsyncContent>
      </Section>
      <CaseListSection title="Other cases in legal review" path="/api/cases?status=legal_review" empty="No other case is in legal review." linkTo={toReview} exclude={(c) => mineIds.has(c.id)} />
      <CaseListSection title="Waiting for the requester to cure" path="/api/cases?status=needs_info&assignee=me" empty="None of your cases waits for the requester." />
    </div>
  );
}
