import type { CaseSummary } from '../api/schema';
import { formatDate, formatDateTime } from '../lib/format';
import { label, REQUEST_TYPE_LABELS } from '../lib/labels';
import { libraryToday } from '../lib/pacific-time';
import { Link } from '../router/router';
import { StateBadge, Tag, TimeLeftNote } from './badges';
import { Empty } from './layout';

/** Cases as a table, most urgent first as the API sorts them; the case number links to the case. */
export function CaseTable({ cases, caption, empty, linkTo = (c) => `/cases/${c.id}` }: { cases: CaseSummary[]; caption: string; empty: string; linkTo?: (c: CaseSummary) => string }) {
  if (cases.length === 0) return <Empty>{empty}</Empty>;
  const today = libraryToday();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table table--cases">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Request</th>
            <th scope="col">Requester</th>
            <th scope="col">State</th>
            <th scope="col">Received</th>
            <th scope="col">Next deadline</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={linkTo(c)}>{c.caseNumber}</Link>
                {c.emergency && <> <Tag tone="danger">Emergency</Tag></>}
                {c.nondisclosureUntil && c.nondisclosureUntil >= today && <> <Tag tone="warning">Gag order</Tag></>}
              </th>
              <td data-label="Request">{label(REQUEST_TYPE_LABELS, c.requestType)}</td>
              <td data-label="Requester">
                {c.requesterName}
                {c.agency && <span className="muted"> · {c.agency}</span>}
              </td>
              <td data-label="State">
                <StateBadge state={c.status} />
                {c.pendingStep && <span className="muted"> ({c.pendingStep} step running)</span>}
              </td>
              <td data-label="Received">{formatDateTime(c.receivedAt)}</td>
              <td data-label="Next deadline">
                {c.nextDeadline ? (
                  <>
                    <span className="next-deadline__label">{c.nextDeadline.label}</span>
                    {formatDate(c.nextDeadline.dueDate)}
                    <TimeLeftNote timeLeft={c.nextDeadline.timeLeft} />
                  </>
                ) : c.nextDue ? (
                  formatDate(c.nextDue)
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
