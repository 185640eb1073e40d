import type { PreservationHold } from '../../api/types';
import { Section } from '../../components/layout';
import { formatDate, formatDateTime } from '../../lib/format';

/** Preservation holds: records kept, nothing released, pending a court order. */
export function HoldsPanel({ holds }: { holds: PreservationHold[] }) {
  if (holds.length === 0) return null;
  return (
    <Section title="Preservation holds">
      <ul>
        {holds.map((h) => (
          <li key={h.id}>
            {h.status === 'active' ? 'Active' : h.status === 'released' ? 'Released' : 'Expired'}: placed {formatDateTime(h.placedAt)}, expires {formatDate(h.expiresOn)}
            {h.renewals ? `, renewed ${h.renewals}×` : ''}
          </li>
        ))}
      </ul>
    </Section>
  );
}
