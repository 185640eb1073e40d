import { useEffect, useRef } from 'react';
import type { Contradiction } from '../../api/schema';
import { TextAreaField } from '../../components/fields';

/**
 * The server found the review contradicts the rules (422). Lists each contradiction with its citation and
 * asks for the reason the review stands anyway; correcting the review instead is just as good.
 */
export function ContradictionsPanel({ contradictions, overrideReason, onOverrideReason }: { contradictions: Contradiction[]; overrideReason: string; onOverrideReason: (value: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [contradictions]);
  return (
    <div className="alert alert--warning" role="alert" tabIndex={-1} ref={ref} aria-labelledby="contradictions-title">
      <h2 className="alert__title" id="contradictions-title">
        The review contradicts the rules for this request
      </h2>
      <p>The review was not recorded. The server checked it against the rules for this kind of request and found:</p>
      <ul className="alert__list">
        {contradictions.map((c) => (
          <li key={c.code + c.message}>
            <strong>{c.message}</strong> <code>{c.code}</code> <span className="citation">({c.citation})</span>
          </li>
        ))}
      </ul>
      <p>Correct the review, or say why it stands despite this. The override and its reason are shown to the director and kept in the audit log.</p>
      <TextAreaField name="overrideReason" label="Reason for overriding (at least 10 characters)" rows={3} value={overrideReason} onChange={onOverrideReason} />
    </div>
  );
}
