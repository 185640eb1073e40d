import type { DueList } from '../../api/types';
import { DeadlineTimeline } from '../../charts/DeadlineTimeline';
import { AsyncContent } from '../../components/AsyncContent';
import { Section } from '../../components/layout';
import { useResource } from '../../lib/useResource';

const WEEKS = 6;

/** The deadline timeline for the coming weeks. */
export function DeadlineOutlook() {
  const due = useResource<DueList>(`/api/deadlines?within=P${WEEKS}W`);
  return (
    <Section title="Deadlines ahead">
      <AsyncContent resource={due} what="the deadlines ahead">
        {(list) => <DeadlineTimeline items={list.items} today={list.today} weeks={WEEKS} />}
      </AsyncContent>
    </Section>
  );
}
