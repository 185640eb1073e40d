import { client, download } from '../../api/client';
import type { CaseDetail, CaseStatus } from '../../api/schema';
import { DownloadButton } from '../../components/DownloadButton';
import { Facts, LiveStatus, Section } from '../../components/layout';
import { ProgressBar } from '../../components/ProgressBar';
import { formatBytes, formatDateTime } from '../../lib/format';

/**
 * The redacted production of an approved case: progress while it renders (from the status probe, `live`),
 * then its facts and the PDF once the case has been re-read.
 */
export function ProductionPanel({ c, live }: { c: CaseDetail; live: CaseStatus['production'] }) {
  const p = c.production;
  const settled = p?.status === 'ready' || p?.status === 'failed';
  const rendering = !settled && live?.status === 'rendering' ? live : p?.status === 'rendering' ? p : null;
  if (!p && !rendering && c.status !== 'fulfilling') return null;
  return (
    <Section title="Production">
      {!p && !rendering && <LiveStatus>Approved: waiting for the worker to start rendering the production…</LiveStatus>}
      {rendering && (
        <>
          <ProgressBar label="Rendering the redacted production" value={rendering.progress} detail="Redacting, numbering pages and verifying the PDF by text extraction." />
          {/* Read out in quarters, not at every percent the probe brings. */}
          <LiveStatus>{`Rendering: ${Math.floor(rendering.progress / 25) * 25}% done.`}</LiveStatus>
        </>
      )}
      {p?.status === 'failed' && (
        <div className="alert alert--error" role="alert">
          <h3 className="alert__title">The production failed</h3>
          <p>{p.failure ?? 'No reason was recorded.'} Nothing was released. Once the cause is dealt with, the case's director can render it again from Next steps: the approval and review are checked again and the new file is verified before anything is released.</p>
        </div>
      )}
      {p?.status === 'ready' && (
        <>
          <LiveStatus>The production is ready.</LiveStatus>
          <Facts
            items={[
              ['Pages', p.pages],
              ['Bates numbers', p.batesFirst && p.batesLast ? `${p.batesFirst} to ${p.batesLast}` : undefined],
              ['Size', formatBytes(p.bytes)],
              ['Completed', formatDateTime(p.completedAt)],
              ['SHA-256', p.sha256 ? <code className="hash">{p.sha256}</code> : undefined],
            ]}
          />
          <DownloadButton file={() => download(client.GET('/api/productions/{id}/pdf', { params: { path: { id: p.id } }, parseAs: 'blob' }), `production-${c.caseNumber}.pdf`)}>
            Download production (PDF)
          </DownloadButton>
        </>
      )}
    </Section>
  );
}
