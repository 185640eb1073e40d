import { CaseCharts } from '../../charts/CaseCharts';
import { Section } from '../../components/layout';
import { Link } from '../../router/router';
import { TimelineViewer } from '../audit/TimelineViewer';
import { AuditChainStatus } from './AuditChainStatus';

export function AuditorHome() {
  return (
    <div className="role-home" data-role="auditor">
      <AuditChainStatus />
      <Section title="Case timeline">
        <TimelineViewer />
      </Section>
      <Section
        title="Caseload and outcomes"
        actions={
          <Link to="/reports/transparency" className="button button--secondary">
            Transparency report
          </Link>
        }
      >
        <CaseCharts />
      </Section>
    </div>
  );
}
