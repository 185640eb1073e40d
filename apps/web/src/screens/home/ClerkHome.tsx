import { Link } from '../../router/router';
import { CaseListSection } from './CaseListSection';
import { DeadlineBoard } from './DeadlineBoard';
import { DeadlineOutlook } from './DeadlineOutlook';

export function ClerkHome() {
  return (
    <div className="role-home" data-role="clerk">
      <DeadlineBoard />
      <CaseListSection
        title="Your cases in intake"
        query={{ status: 'intake', assignee: 'me' }}
        empty="No case waits in intake. Record a new request when one arrives."
        actions={
          <Link to="/cases/new" className="button">
            New case
          </Link>
        }
      />
      <CaseListSection title="Waiting for the requester" query={{ status: 'needs_info' }} empty="No case waits for the requester to cure a defect." />
      <CaseListSection title="Fulfilled: deliver the production and close" query={{ status: 'fulfilled' }} empty="No production waits to be delivered." />
      <CaseListSection title="Denied: send the letter and close" query={{ status: 'denied' }} empty="No denial letter waits to be sent." />
      <DeadlineOutlook />
    </div>
  );
}
