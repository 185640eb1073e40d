import type { Review } from '../../api/schema';
import { Section } from '../../components/layout';
import { ReviewSummary } from './ReviewSummary';

/** Every legal review of the case, the latest first. */
export function ReviewsPanel({ reviews }: { reviews: Review[] }) {
  if (reviews.length === 0) return null;
  const latestFirst = [...reviews].reverse();
  return (
    <Section title={reviews.length === 1 ? 'Legal review' : `Legal reviews (${reviews.length})`}>
      {latestFirst.map((review) => (
        <ReviewSummary key={review.id} review={review} />
      ))}
    </Section>
  );
}
