import type { CaseDetail } from '../../api/types';
import { ReasonList } from '../../components/ReasonList';
import { Facts, Section } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/session';
import { DecisionForm } from './DecisionForm';

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
  if (c.status !== 'awaiting_approval' || c.pendingStep || !hasRole('director')) return null;
  return (
    <Section title="Decide this case">
      <p>Read the review above, then approve or deny. The intake clerk and the reviewing attorney cannot decide this case.</p>
      <DecisionForm c={c} onDecided={onChanged} />
    </Section>
  );
}
