import { useState } from 'react';
import { listDeliveries, revokeDeliveryLink } from '../../api/case-actions';
import type { CaseDetail, CreatedDelivery, Delivery } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LiveStatus, Section } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../session/session';
import { DeliveryForm } from './DeliveryForm';

const DELIVERABLE = ['fulfilled', 'denied'];
const AFTER_ANSWER = ['fulfilled', 'denied', 'closed'];
const METHOD_LABELS: Record<Delivery['method'], string> = {
  in_person: 'In person',
  mail: 'By mail',
  court_sealed_envelope: 'Sealed envelope to the court',
  secure_link: 'Secure link',
};

/** A secure link's state in words: what the requester would get if they opened it now. */
export function linkState(link: NonNullable<Delivery['link']>, now = Date.now()): { label: string; active: boolean } {
  const used = `${link.downloads} of ${link.maxDownloads} downloads used`;
  if (link.revokedAt) return { label: `Revoked ${formatDateTime(link.revokedAt)}; ${used}`, active: false };
  if (new Date(link.expiresAt).getTime() <= now) return { label: `Expired ${formatDateTime(link.expiresAt)}; ${used}`, active: false };
  if (link.downloads >= link.maxDownloads) return { label: `Used up: ${used}`, active: false };
  return { label: `Active until ${formatDateTime(link.expiresAt)}; ${used}`, active: true };
}

/**
 * Whether the recipient confirmed what they got: staff record a delivery with the SHA-256 the recipient acknowledged;
 * a secure link's download delivers (and meets the deadline) but the recipient acknowledges afterwards (decision 0110).
 */
export function receiptState(d: Pick<Delivery, 'deliveredAt' | 'acknowledgedAt'>): string {
  if (!d.deliveredAt) return 'Not yet downloaded';
  if (d.acknowledgedAt) return `Delivered ${formatDateTime(d.deliveredAt)}; acknowledged ${formatDateTime(d.acknowledgedAt)}`;
  return `Delivered ${formatDateTime(d.deliveredAt)}; downloaded, not yet acknowledged`;
}

/**
 * How the answer reached the requester: the deliveries recorded, each secure link with its state and a revoke
 * button, and the form for the next one. A new link's address is shown once, here, and never again: only its hash
 * is stored.
 */
export function DeliveriesPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { hasRole } = useSession();
  const shown = AFTER_ANSWER.includes(c.status);
  const list = useResource(shown ? () => listDeliveries(c.id) : null, ['deliveries', c.id, c.version]);
  const [created, setCreated] = useState<CreatedDelivery | null>(null);
  const mayDeliver = hasRole('clerk', 'director', 'admin') && !c.pendingStep;
  const revoke = useAction(async (deliveryId: string) => {
    await revokeDeliveryLink(c.id, deliveryId);
    list.reload();
    return true;
  });
  if (!shown) return null;
  const items = list.data?.items ?? [];
  const onCreated = (result: CreatedDelivery) => {
    setCreated(result.link ? result : null);
    list.reload();
    onChanged();
  };
  return (
    <Section title="Delivery" actions={list.data && <button type="button" className="button button--link" onClick={list.reload}>Check again</button>}>
      {list.error && <ErrorAlert error={list.error} title="The deliveries could not be loaded" onRetry={list.reload} />}
      {created?.link && <NewLinkNotice created={created} onDismiss={() => setCreated(null)} />}
      {list.data && items.length === 0 && <p className="muted">Nothing delivered yet. The case closes once the requester has the {c.status === 'denied' ? 'letter' : 'production'}.</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Deliveries of case {c.caseNumber}</caption>
            <thead>
              <tr>
                <th scope="col">How</th>
                <th scope="col">To</th>
                <th scope="col">Delivered</th>
                <th scope="col">Link</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => {
                const state = d.link && linkState(d.link);
                return (
                  <tr key={d.id} data-delivery={d.id}>
                    <th scope="row">
                      {METHOD_LABELS[d.method]}
                      {d.trackingNumber && <span className="muted"> · tracking {d.trackingNumber}</span>}
                    </th>
                    <td>{d.recipient}</td>
                    <td>{receiptState(d)}</td>
                    <td>
                      {state ? state.label : '—'}
                      {state?.active && mayDeliver && (
                        <button type="button" className="button button--link" disabled={revoke.pending} onClick={() => void revoke.run(d.id)}>
                          Revoke<span className="visually-hidden"> the link for {d.recipient}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {revoke.error && <ErrorAlert error={revoke.error} title="The link was not revoked" />}
      <LiveStatus>{revoke.pending ? 'Revoking the link…' : ''}</LiveStatus>
      {mayDeliver && DELIVERABLE.includes(c.status) && <DeliveryForm c={c} onCreated={onCreated} />}
    </Section>
  );
}

/** The link, once: copied by the clerk into a message to the requester. */
function NewLinkNotice({ created, onDismiss }: { created: CreatedDelivery; onDismiss: () => void }) {
  const link = created.link!;
  const url = `${window.location.origin}${link.path}`;
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied.');
    } catch {
      setCopied('Copying is not allowed here: select the address and copy it.');
    }
  };
  return (
    <div className="alert alert--success new-link" role="status">
      <h3 className="alert__title">Secure link for {created.delivery.recipient}</h3>
      <p>
        <strong>This address is shown only now.</strong> Copy it into your message to the requester. It works {link.maxDownloads}{' '}
        {link.maxDownloads === 1 ? 'time' : 'times'} until {formatDateTime(link.expiresAt)}; the first download counts as the delivery.
      </p>
      <label htmlFor="new-link-url">Link address</label>
      <input id="new-link-url" className="new-link__url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <div className="form__actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          I have copied it
        </button>
      </div>
      <LiveStatus>{copied}</LiveStatus>
    </div>
  );
}
