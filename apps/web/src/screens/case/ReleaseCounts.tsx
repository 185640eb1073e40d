import { releasePreview } from '../../api/case-actions';
import type { RecordType } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { label, RECORD_TYPE_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';

/**
 * The items the production will hold, per record type, as its own redaction counts them over the sealed records:
 * the last figures the director sees before approving. Read once per confirmation (each reading is audited).
 */
export function ReleaseCounts({ caseId }: { caseId: string }) {
  const preview = useResource(() => releasePreview(caseId), ['release-preview', caseId]);
  if (preview.error) return <ErrorAlert error={preview.error} title="The counts of what will be released could not be made" onRetry={preview.reload} />;
  if (!preview.data) return <p className="loading" role="status">Counting what will be released…</p>;
  const rows = Object.entries(preview.data.items) as [RecordType, { produced: number; withheld: number }][];
  return (
    <div className="preview" role="region" aria-label="What the production will contain">
      <h3>What the production will contain</h3>
      {rows.length === 0 ? (
        <p>No records within the approved scope: the production will say that none were found.</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Kind of record</th>
                <th scope="col" className="num">Produced</th>
                <th scope="col" className="num">Withheld</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([type, counts]) => (
                <tr key={type}>
                  <th scope="row">{label(RECORD_TYPE_LABELS, type)}</th>
                  <td className="num">{counts.produced}</td>
                  <td className="num">{counts.withheld}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">
        {preview.data.recordsRead} imported record(s) read; {preview.data.outOfScope} outside the approved scope are neither produced nor described.
      </p>
    </div>
  );
}
