import type { CaseDetail } from '../../api/schema';
import { ReasonList } from '../../components/ReasonList';
import { Facts, Section } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/session';
import { DecisionForm } from './DecisionForm';
import { ReleaseSummaryPanel } from './ReleaseSummaryPanel';
import { ReviewSummary } from './ReviewSummary';
import { SendBackForm } from './SendBackForm';

/** The director may decide now: the case page then leads with the facts of the decision. */
export function isDeciding(c: CaseDetail, hasRole: (...roles: ('director')[]) => boolean): boolean {
  return !c.decision && c.status === 'awaiting_approval' && !c.pendingStep && hasRole('director');
}

/** The director's decision once made; before that, the form for the director who may make it. */
export function DecisionPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { hasRole } = useSession();
  if (c.decision) {
    const d = c.decision;
    return (
      <Section title="Decision">
        <p className={`verdict verdict--${d.decision === 'approve' ? 'ok' : 'broken'}`}>{d.decision === 'approve' ? 'Approved' : 'Denied'}</p>
        <Facts
          items={[
            ['Director', d.director ? `${d.director.displayName}, ${d.director.title}` : undefined],
            ['Decided', formatDateTime(d.createdAt)],
            ['Reasons', d.reasons?.length ? <ReasonList codes={d.reasons} /> : undefined],
            ['Note', d.note],
          ]}
        />
      </Section>
    );
  }
  if (!isDeciding(c, hasRole)) return null;
  const review = c.reviews[c.reviews.length - 1];
  return (
    <>
      <ReleaseSummaryPanel caseId={c.id} />
      {review && (
        <Section title="The review’s findings">
          <ReviewSummary review={review} />
        </Section>
      )}
      <Section title="Decide this case">
        <p>Approve or deny with the facts above. The intake clerk and the reviewing attorney cannot decide this case.</p>
        <DecisionForm c={c} onDecided={onChanged} />
      </Section>
      <Section title="Disagree with the review?">
        <p>Send the case back to the attorney with your reason instead of deciding it.</p>
        <SendBackForm c={c} onSentBack={onChanged} />
      </Section>
    </>
  );
}
