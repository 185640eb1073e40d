import { api } from '../../api/client';
import { CaseAlert } from './CaseAlert';
import { useEffect, useRef } from 'react';
import type { CaseDetail } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { PageHeader, Section } from '../../components/layout';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router/router';
import { AssignmentsPanel } from './AssignmentsPanel';
import { CaseActions } from './CaseActions';
import { CaseFacts } from './CaseFacts';
import { CaseHeader } from './CaseHeader';
import { DeadlineList } from './DeadlineList';
import { DecisionPanel, isDeciding } from './DecisionPanel';
import { DeliveriesPanel } from './DeliveriesPanel';
import { useSession } from '../../session/session';
import { DocumentsPanel } from './DocumentsPanel';
import { MissingInstrumentWarning } from './DocumentViewer';
import { GagPanel } from './GagPanel';
import { HoldsPanel } from './HoldsPanel';
import { LegalHoldsPanel } from './LegalHoldsPanel';
import { PatronNoticePanel } from './PatronNoticePanel';
import { LettersPanel } from './LettersPanel';
import { ProductionPanel } from './ProductionPanel';
import { RecordImportsPanel } from './RecordImportsPanel';
import { ReviewsPanel } from './ReviewsPanel';
import { SentBackPanel } from './SendBackForm';
import { Timeline } from './Timeline';
import { useCaseWatcher } from './useCaseWatcher';

/** The case page: state, what to do next, the review and decision, deadlines, files, production, timeline. */
export function CaseScreen({ caseId }: { caseId: string }) {
  const detail = useResource(() => api.GET('/api/cases/{id}', { params: { path: { id: caseId } } }), ['/api/cases/{id}', caseId]);
  useScrollToHash(detail.data !== undefined);
  // A malformed id (400) is as much "no such case" as an unknown or hidden one (404).
  if ((detail.error?.status === 404 || detail.error?.status === 400) && !detail.data) return <CaseNotFound />;
  return (
    <AsyncContent resource={detail} what="the case">
      {(c) => <CaseView c={c} reload={detail.reload} />}
    </AsyncContent>
  );
}

function CaseView({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const watch = useCaseWatcher(c, reload);
  const { hasRole } = useSession();
  // A director deciding reads what will be released and the review first; earlier reviews stay below.
  const deciding = isDeciding(c, hasRole);
  return (
    <div className="case" data-state={c.status}>
      <CaseHeader c={c} />
      <CaseAlert c={c} />
      <MissingInstrumentWarning c={c} />
      <div className="case__grid">
        <div className="case__main">
          {deciding && <DecisionPanel c={c} onChanged={reload} />}
          <CaseActions c={c} onChanged={reload} />
          <DeliveriesPanel c={c} onChanged={reload} />
          <GagPanel c={c} onChanged={reload} />
          <ProductionPanel c={c} live={watch.live?.production ?? null} />
          <LettersPanel c={c} awaited={watch.letter} onCheckAgain={reload} />
          <SentBackPanel sentBack={c.sentBack} />
          <ReviewsPanel reviews={deciding ? c.reviews.slice(0, -1) : c.reviews} />
          {!deciding && <DecisionPanel c={c} onChanged={reload} />}
          <CaseFacts c={c} />
          <DocumentsPanel c={c} onChanged={reload} />
          <RecordImportsPanel c={c} live={watch.live?.imports ?? []} onChanged={reload} />
          <HoldsPanel c={c} onChanged={reload} />
          <LegalHoldsPanel c={c} />
          <PatronNoticePanel caseId={c.id} refreshKey={`${c.status}/${c.version}`} />
          <Section title="Timeline">
            <Timeline caseId={c.id} caseNumber={c.caseNumber} exportable refreshKey={`${c.status}/${c.pendingStep}/${c.version}/${c.documents.length}/${c.letters.length}`} />
          </Section>
        </div>
        <aside className="case__side" aria-label="Deadlines and people">
          <DeadlineList deadlines={c.deadlines} />
          <AssignmentsPanel c={c} onChanged={reload} />
        </aside>
      </div>
    </div>
  );
}

/** A case that does not exist and one the person may not see look the same: a gag order must not leak. */
function CaseNotFound() {
  return (
    <>
      <PageHeader title="Case not found" />
      <p>There is no case at this address that you can open. It may not exist, or it may be restricted to the people assigned to it.</p>
      <p>
        <Link to="/cases">Go to the case list</Link>
      </p>
    </>
  );
}

/** After the case loads, scroll to `#decision` and the like when the link asked for it. */
function useScrollToHash(ready: boolean) {
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current || !window.location.hash) return;
    done.current = true;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [ready]);
}
