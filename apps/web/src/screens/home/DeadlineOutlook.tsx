import { api } from '../../api/client';
import { DeadlineTimeline } from '../../charts/DeadlineTimeline';
import { AsyncContent } from '../../components/AsyncContent';
import { Section } from '../../components/layout';
import { useResource } from '../../lib/useResource';

const WEEKS = 6;

/** The deadline timeline for the coming weeks. */
export function DeadlineOutlook() {
  const due = useResource(() => api.GET('/api/deadlines', { params: { query: { within: `P${WEEKS}W` } } }), ['/api/deadlines', WEEKS]);
  return (
    <Section title="Deadlines ahead">
      <AsyncContent resource={due} what="the deadlines ahead">
        {(list) => <DeadlineTimeline items={list.items} today={list.today} weeks={WEEKS} />}
      </AsyncContent>
    </Section>
  );
}
