import { api } from '../../api/client';
import type { CaseDetail } from '../../api/schema';
import { Section } from '../../components/layout';
import { Link } from '../../router/router';
import { useSession } from '../../session/session';
import { CaseCommandButton } from './CaseCommandButton';
import { ResumeForm } from './ResumeForm';
import { hasSafeguardActions, SafeguardActions } from './SafeguardActions';
import { SubmitIntake } from './SubmitIntake';

/** As the server allows: any open state, including a fulfilment that was stopped and left waiting for a person. */
const WITHDRAWABLE = ['intake', 'legal_review', 'needs_info', 'awaiting_approval', 'fulfilling'];

/** What the signed-in person can do next on this case, given their roles and its state. */
export function CaseActions({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { hasRole, user } = useSession();
  const idle = !c.pendingStep;
  const isClerk = hasRole('clerk');
  const parts = [
    isClerk && c.status === 'intake' && idle && (
      <div key="intake" className="actions__group">
        <Link to={`/cases/${c.id}/edit`} className="button button--secondary">
          Edit intake
        </Link>
        <SubmitIntake c={c} onSubmitted={onChanged} />
      </div>
    ),
    hasRole('attorney') && c.status === 'legal_review' && idle && c.assignments.intakeClerk?.id !== user.id && (
      <Link key="review" to={`/cases/${c.id}/review`} className="button">
        Review this case
      </Link>
    ),
    hasRole('clerk', 'attorney') && c.status === 'needs_info' && idle && <ResumeForm key="resume" caseId={c.id} onResumed={onChanged} />,
    hasRole('director') && c.status === 'fulfilling' && idle && c.production?.status === 'failed' && (
      <CaseCommandButton
        key="retry-production"
        command={() => api.POST('/api/cases/{id}/production/retry', { params: { path: { id: c.id } } })}
        label="Render the production again"
        confirm="Render the production again? Do this once the cause of the stop has been dealt with: the approval and review are checked again and the new file is verified before anything is released."
        onDone={onChanged}
      />
    ),
    hasRole('clerk', 'director') && (c.status === 'fulfilled' || c.status === 'denied') && idle && (
      <CaseCommandButton key="close" command={() => api.POST('/api/cases/{id}/close', { params: { path: { id: c.id } } })} label="Close case" confirm="Close the case once the production or letter has been delivered?" onDone={onChanged} />
    ),
    hasRole('clerk', 'director') && WITHDRAWABLE.includes(c.status) && idle && (
      <CaseCommandButton key="withdraw" command={() => api.POST('/api/cases/{id}/withdraw', { params: { path: { id: c.id } } })} label="Withdraw case" tone="danger" confirm="Withdraw the request? The case closes and nothing is produced." onDone={onChanged} />
    ),
    hasSafeguardActions(c, hasRole) && <SafeguardActions key="safeguards" c={c} onChanged={onChanged} />,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <Section title="Next steps" className="actions">
      {parts}
    </Section>
  );
}
