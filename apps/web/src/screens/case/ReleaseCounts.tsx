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
      <AliasWarning revealing={preview.data.aliasesRevealingWithheld} aliases={preview.data.aliases.length} />
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

/**
 * Decision 0054: an alias holding a value the production withholds would print it, so the approval is refused (422).
 * Said here first, by the alias's position: the withheld value is never named, nor whose it is.
 */
function AliasWarning({ revealing, aliases }: { revealing: number[]; aliases: number }) {
  if (revealing.length === 0) return null;
  const which = revealing.length === 1 ? `Alias ${revealing[0]} of ${aliases} contains` : `Aliases ${revealing.slice(0, -1).join(', ')} and ${revealing[revealing.length - 1]} of ${aliases} contain`;
  return (
    <div className="alert alert--warning" role="alert" aria-labelledby="alias-warning-title">
      <h4 className="alert__title" id="alias-warning-title">
        This approval will be refused
      </h4>
      <p>
        {which} a value the production withholds (a name, card number or other value from the imported records): the production would print it. Send
        the case back for another review with the reason, or deny it.
      </p>
    </div>
  );
}
