import { PageHeader, Section } from '../../components/layout';
import { AuditChainStatus } from '../home/AuditChainStatus';
import { TimelineViewer } from './TimelineViewer';

/** The auditor's workbench: chain verification and any case's timeline. */
export function AuditScreen({ caseId }: { caseId: string | null }) {
  return (
    <>
      <PageHeader title="Audit" subtitle="Every read and change of a case is an event in a hash chain; verify it and read any case's history." />
      <AuditChainStatus />
      <Section title="Case timeline">
        <TimelineViewer initialCaseId={caseId} onSelect={(id) => window.history.replaceState(null, '', `/audit?case=${id}`)} />
      </Section>
    </>
  );
}
