import { api } from '../../api/client';
import { AsyncContent } from '../../components/AsyncContent';
import { Facts, Section } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';

/**
 * Where the audit chain stands without walking it (GET /api/audit/head): its newest event, and the last head the
 * worker signed and exported outside the database, which a verification must pass through.
 */
export function AuditHeadPanel() {
  const head = useResource(() => api.GET('/api/audit/head'), ['/api/audit/head']);
  return (
    <Section title="Audit log">
      <AsyncContent resource={head} what="the audit chain head">
        {(h) => (
          <Facts
            items={[
              ['Events', `${h.events} events in the audit log`],
              ['Newest event', h.head ? `#${h.head.seq}` : '—'],
              ['Last exported head', h.lastExported ? `#${h.lastExported.seq}, exported ${formatDateTime(h.lastExported.exportedAt)}` : 'None exported yet (the worker exports one on a schedule)'],
              ['Its signature', h.lastExported ? (h.lastExported.signatureValid ? 'Valid' : 'Not valid: tell the auditor') : undefined],
            ]}
          />
        )}
      </AsyncContent>
    </Section>
  );
}
