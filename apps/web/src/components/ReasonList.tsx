import { reasonEntry, useReasonCodes } from '../lib/reason-codes';

/**
 * Reason codes as people read them: the label and its citation, with the code itself in small type for
 * anyone matching it against a letter or the audit log. Until the catalogue loads (or if it cannot), the
 * codes alone are shown.
 */
export function ReasonList({ codes }: { codes: string[] }) {
  const { data: table } = useReasonCodes();
  if (!codes.length) return <span className="muted">none</span>;
  return (
    <ul className="reasons">
      {codes.map((code) => {
        const entry = reasonEntry(table, code);
        return (
          <li key={code} className="reason">
            {entry && (
              <>
                <span className="reason__label">{entry.label}</span> <span className="citation">({entry.citation})</span>{' '}
              </>
            )}
            <code className="reason__code">{code}</code>
          </li>
        );
      })}
    </ul>
  );
}
