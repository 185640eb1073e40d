import type { Review } from '../../api/schema';
import { ReasonList } from '../../components/ReasonList';
import { Facts } from '../../components/layout';
import { formatDateTime, humanize } from '../../lib/format';
import { label, RECOMMENDATION_LABELS, SUFFICIENCY_LABELS } from '../../lib/labels';
import { scopeFacts } from './CaseFacts';

/** One legal review as the director and auditor read it; the memo only for those who may. */
export function ReviewSummary({ review }: { review: Review }) {
  const answers = Object.entries(review.checklist);
  return (
    <article className="review-summary" aria-label={`Review by ${review.attorney?.displayName ?? 'an attorney'}`}>
      <p className="review-summary__verdict">
        <strong className={`recommendation recommendation--${review.recommendation}`}>{label(RECOMMENDATION_LABELS, review.recommendation)}</strong>
        {' · '}
        {label(SUFFICIENCY_LABELS, review.sufficiency)}
      </p>
      <Facts
        items={[
          ['Attorney', review.attorney ? `${review.attorney.displayName}, ${review.attorney.title}` : undefined],
          ['Recorded', formatDateTime(review.createdAt)],
          ['Reasons', <ReasonList codes={review.reasons} />],
          ['Cure requested', review.cureRequest],
        ]}
      />
      {answers.length > 0 && (
        <details>
          <summary>Checklist answers ({answers.filter(([, v]) => v).length} of {answers.length} yes)</summary>
          <ul className="checklist-answers">
            {answers.map(([key, value]) => (
              <li key={key}>
                {value ? 'Yes' : 'No'}: {humanize(key)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {review.scope && (
        <>
          <h3>Narrowed scope</h3>
          <Facts items={scopeFacts(review.scope)} />
        </>
      )}
      {review.contradictions && review.contradictions.length > 0 && (
        <div className="callout callout--warning">
          <h3>Rule contradictions overridden</h3>
          <ul>
            {review.contradictions.map((c) => (
              <li key={c.code + c.message}>
                <code>{c.code}</code>: {c.message} <span className="citation">({c.citation})</span>
              </li>
            ))}
          </ul>
          <p>
            <strong>Override reason:</strong> {review.overrideReason}
          </p>
        </div>
      )}
      {review.memo ? (
        <div className="memo">
          <h3>Privileged memo</h3>
          <p className="prewrap">{review.memo}</p>
        </div>
      ) : review.memoWithheld ? (
        <p className="muted">A privileged memo exists; attorneys and the director can read it.</p>
      ) : null}
    </article>
  );
}
