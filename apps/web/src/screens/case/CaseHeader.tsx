import type { CaseDetail } from '../../api/schema';
import { StateBadge, Tag } from '../../components/badges';
import { LiveStatus, PageHeader } from '../../components/layout';
import { formatDate, formatDateTime } from '../../lib/format';
import { label, REQUEST_TYPE_LABELS } from '../../lib/labels';
import { stepDescription } from './case-status';

export function CaseHeader({ c }: { c: CaseDetail }) {
  return (
    <>
      <PageHeader
        title={`Case ${c.caseNumber}`}
        subtitle={
          <>
            {label(REQUEST_TYPE_LABELS, c.requestType)} from {c.requester.name}
            {c.requester.agency ? `, ${c.requester.agency}` : ''} · received {formatDateTime(c.receivedAt)}
          </>
        }
      />
      <div className="case-flags">
        <span>
          State: <StateBadge state={c.status} />
        </span>
        {c.emergency && <Tag tone="danger">Emergency</Tag>}
        {c.underNondisclosure && <Tag tone="warning">{c.gag?.kind === 'statutory' ? `Gagged by statute (${c.gag.citation}) until lifted` : `Gag order until ${formatDate(c.nondisclosureUntil)}`}</Tag>}
      </div>
      <LiveStatus>{c.pendingStep ? `${stepDescription(c.pendingStep)}…` : ''}</LiveStatus>
    </>
  );
}
