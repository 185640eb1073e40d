import { api } from '../../api/client';
import type {  CaseSummary } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { TimeLeftNote } from '../../components/badges';
import { ReasonList } from '../../components/ReasonList';
import { formatDate } from '../../lib/format';
import { label, RECOMMENDATION_LABELS, REQUEST_TYPE_LABELS, SUFFICIENCY_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/router';

/** One case waiting for the director: what the attorney found and recommends, and a way in to decide. */
export function ApprovalCard({ summary }: { summary: CaseSummary }) {
  const detail = useResource(() => api.GET('/api/cases/{id}', { params: { path: { id: summary.id } } }), ['/api/cases/{id}', summary.id]);
  return (
    <article className="card" aria-labelledby={`approval-${summary.id}`}>
      <h3 id={`approval-${summary.id}`}>
        <Link to={`/cases/${summary.id}#decision`}>{summary.caseNumber}</Link> · {label(REQUEST_TYPE_LABELS, summary.requestType)}
      </h3>
      <p className="muted">
        {summary.requesterName}
        {summary.agency ? `, ${summary.agency}` : ''}
        {summary.nextDeadline ? (
          <>
            {' · '}
            {summary.nextDeadline.label} {formatDate(summary.nextDeadline.dueDate)}
            <TimeLeftNote timeLeft={summary.nextDeadline.timeLeft} />
          </>
        ) : summary.nextDue ? (
          ` · next deadline ${formatDate(summary.nextDue)}`
        ) : (
          ''
        )}
      </p>
      <AsyncContent resource={detail} what="the review">
        {(c) => {
          const review = c.reviews[c.reviews.length - 1];
          if (!review) return <p>No review recorded.</p>;
          return (
            <div className="card__body">
              <p>
                <strong className={`recommendation recommendation--${review.recommendation}`}>Recommends: {label(RECOMMENDATION_LABELS, review.recommendation)}</strong>
                {' · '}
                {label(SUFFICIENCY_LABELS, review.sufficiency)} · by {review.attorney?.displayName ?? 'unknown'}
              </p>
              {review.reasons.length > 0 && (
                <div className="card__reasons">
                  <p className="card__reasons-title">Reasons given</p>
                  <ReasonList codes={review.reasons} />
                </div>
              )}
              {review.scope && <p>Scope narrowed by the attorney.</p>}
              {review.contradictions?.length ? <p className="text-warning">{review.contradictions.length} rule contradiction(s) overridden: “{review.overrideReason}”</p> : null}
            </div>
          );
        }}
      </AsyncContent>
      <Link to={`/cases/${summary.id}#decision`} className="button button--secondary">
        Open and decide<span className="visually-hidden"> case {summary.caseNumber}</span>
      </Link>
    </article>
  );
}
