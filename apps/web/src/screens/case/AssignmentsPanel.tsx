import type { Assignments, Person } from '../../api/types';
import { Facts, Section } from '../../components/layout';

const person = (p: Person | undefined) => (p ? `${p.displayName}, ${p.title}` : undefined);

/** Who holds which duty on the case; separation of duties keeps the three people apart. */
export function AssignmentsPanel({ assignments: a }: { assignments: Assignments }) {
  return (
    <Section title="People">
      <Facts
        items={[
          ['Intake clerk', person(a.intakeClerk)],
          ['Assigned attorney', person(a.assignedAttorney)],
          ['Reviewing attorney', person(a.reviewingAttorney)],
          ['Assigned director', person(a.assignedDirector)],
          ['Deciding director', person(a.decidingDirector)],
        ]}
      />
    </Section>
  );
}
