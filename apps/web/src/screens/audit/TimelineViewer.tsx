import { api } from '../../api/client';
import { FormEvent, useState } from 'react';
import type { CaseSummary } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { TextField } from '../../components/fields';
import { Empty } from '../../components/layout';
import { label, REQUEST_TYPE_LABELS, STATE_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { Timeline } from '../case/Timeline';

/** Find a case by number or requester, then read its audited timeline. */
export function TimelineViewer({ initialCaseId = null, onSelect }: { initialCaseId?: string | null; onSelect?: (caseId: string) => void }) {
  const [text, setText] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const [caseId, setCaseId] = useState<string | null>(initialCaseId);
  const [chosen, setChosen] = useState<CaseSummary | null>(null);
  const results = useResource(search === null ? null : () => api.GET('/api/cases', { params: { query: { q: search, pageSize: 20 } } }), ['/api/cases', search]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(text.trim());
  };
  const choose = (c: CaseSummary) => {
    const id = c.id;
    setChosen(c);
    setCaseId(id);
    onSelect?.(id);
  };
  return (
    <div className="timeline-viewer">
      <form className="inline-form" onSubmit={submit} role="search" aria-label="Find a case for its timeline">
        <TextField name="timelineSearch" label="Case number, requester or summary" value={text} onChange={setText} />
        <button type="submit" className="button button--secondary">
          Find
        </button>
      </form>
      {search !== null && (
        <AsyncContent resource={results} what="matching cases">
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No case matches “{search}”.</Empty>
            ) : (
              <ul className="choice-list" aria-label="Matching cases">
                {page.items.map((c) => (
                  <li key={c.id}>
                    <button type="button" className="button button--link" aria-pressed={c.id === caseId} onClick={() => choose(c)}>
                      {c.caseNumber}
                    </button>{' '}
                    {label(REQUEST_TYPE_LABELS, c.requestType)} · {c.requesterName} · {label(STATE_LABELS, c.status)}
                  </li>
                ))}
              </ul>
            )
          }
        </AsyncContent>
      )}
      {caseId && (
        <section className="timeline-viewer__case" aria-labelledby="timeline-case-title">
          <h3 id="timeline-case-title">
            {chosen ? `Audit trail of case ${chosen.caseNumber}` : 'Audit trail of the case'}
            {chosen && <span className="muted"> · {label(REQUEST_TYPE_LABELS, chosen.requestType)} · {chosen.requesterName} · {label(STATE_LABELS, chosen.status)}</span>}
          </h3>
          <Timeline key={caseId} caseId={caseId} caseNumber={chosen?.caseNumber} showReadsInitially exportable />
        </section>
      )}
    </div>
  );
}
