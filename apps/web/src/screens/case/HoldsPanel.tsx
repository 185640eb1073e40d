import { api } from '../../api/client';
import type { CaseDetail, PreservationHold } from '../../api/schema';
import { Section } from '../../components/layout';
import { formatDate, formatDateTime } from '../../lib/format';
import { daysBetween, libraryToday } from '../../lib/pacific-time';
import { useSession } from '../../session/session';
import { CaseCommandButton } from './CaseCommandButton';

function expiry(h: PreservationHold): string {
  const days = daysBetween(libraryToday(), h.expiresOn);
  if (h.status !== 'active') return '';
  if (days < 0) return ` (${days === -1 ? '1 day' : `${-days} days`} ago)`;
  if (days === 0) return ' (today)';
  return ` (in ${days === 1 ? '1 day' : `${days} days`})`;
}

/** Preservation holds: records kept, nothing released, pending a court order; renewed once or released. */
export function HoldsPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { hasRole } = useSession();
  const holds = c.preservationHolds;
  if (holds.length === 0) return null;
  const mayAct = hasRole('attorney', 'director') && !c.pendingStep;
  return (
    <Section title="Preservation holds">
      <ul className="holds">
        {holds.map((h) => (
          <li key={h.id} className="hold">
            <p>
              {h.status === 'active' ? 'Active' : h.status === 'released' ? 'Released' : 'Expired'}: placed {formatDateTime(h.placedAt)}, expires {formatDate(h.expiresOn)}
              {expiry(h)}
              {h.renewals ? `, renewed ${h.renewals}×` : ''}
              {h.releasedAt ? `, released ${formatDateTime(h.releasedAt)}` : ''}
            </p>
            {mayAct && h.status === 'active' && (
              <div className="actions__group">
                {h.renewals < 1 && (
                  <CaseCommandButton command={() => api.POST('/api/cases/{id}/holds/{holdId}/renew', { params: { path: { id: c.id, holdId: h.id } } })} label="Renew hold" confirm="Renew the hold for one more period? The law allows one renewal; after that only a court order keeps the records." onDone={onChanged} />
                )}
                <CaseCommandButton command={() => api.POST('/api/cases/{id}/holds/{holdId}/release', { params: { path: { id: c.id, holdId: h.id } } })} label="Release hold" tone="danger" confirm="Release the hold? The records are no longer kept for this request." onDone={onChanged} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
