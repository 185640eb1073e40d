import { api } from '../../api/client';
import { AsyncContent } from '../../components/AsyncContent';
import { Facts, LiveStatus, Section } from '../../components/layout';
import { useResource } from '../../lib/useResource';

/** Recomputes the audit hash chain on the server and says whether it is intact, and if not where it breaks. */
export function AuditChainStatus() {
  const verification = useResource(() => api.GET('/api/audit/verify'), ['/api/audit/verify']);
  return (
    <Section
      title="Audit chain"
      actions={
        <button type="button" className="button button--secondary" onClick={verification.reload}>
          Verify again
        </button>
      }
    >
      <AsyncContent resource={verification} what="the audit chain verification">
        {(v) => (
          <>
            <LiveStatus className={`verdict verdict--${v.ok ? 'ok' : 'broken'}`}>
              {v.ok ? `Intact: all ${v.events} events verify against the hash chain.` : `Broken at event ${v.firstBroken?.seq ?? '?'}: ${v.firstBroken?.reason ?? 'unknown reason'}.`}
            </LiveStatus>
            <Facts
              items={[
                ['Events checked', v.events],
                ['Head event', v.head ? `#${v.head.seq}` : '—'],
                ['Head hash', v.head ? <code className="hash">{v.head.hash}</code> : '—'],
              ]}
            />
            <p className="hint">Keep the head hash outside the database (e.g. in the minutes); a later verification must pass through it.</p>
          </>
        )}
      </AsyncContent>
    </Section>
  );
}
