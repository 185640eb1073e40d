import { FormEvent, useState } from 'react';
import { api, defined } from '../../api/client';
import { query } from '../../lib/url';
import type { CaseListQuery } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { CaseTable } from '../../components/CaseTable';
import { SelectField, TextField } from '../../components/fields';
import { LiveStatus, PageHeader } from '../../components/layout';
import { CASE_STATES, REQUEST_TYPE_LABELS, REQUEST_TYPES, STATE_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { navigate } from '../../router/router';

const PAGE_SIZE = 25;

/** Every case the person may see, filtered by state, kind, text and assignee; the filters live in the URL. */
export function CaseListScreen({ search }: { search: URLSearchParams }) {
  const filters = { status: search.get('status') ?? '', type: search.get('type') ?? '', q: search.get('q') ?? '', assignee: search.get('assignee') ?? '' };
  const page = Number(search.get('page') ?? '1') || 1;
  const cases = useResource(() => api.GET('/api/cases', { params: { query: { ...(defined(filters) as CaseListQuery), page, pageSize: PAGE_SIZE } } }), ['/api/cases', filters, page]);
  const go = (next: Partial<typeof filters> & { page?: number }) => navigate(`/cases${query({ ...filters, page: undefined, ...next })}`);
  return (
    <>
      <PageHeader title="Cases" subtitle="Sorted by urgency: the nearest open deadline first." />
      <Filters key={search.toString()} initial={filters} onApply={(f) => go({ ...f, page: 1 })} />
      <AsyncContent resource={cases} what="the cases">
        {(result) => {
          const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
          return (
            <>
              <LiveStatus>{`${result.total} case${result.total === 1 ? '' : 's'} found.`}</LiveStatus>
              <CaseTable cases={result.items} caption="Cases" empty="No case matches these filters." />
              {pages > 1 && (
                <nav className="pager" aria-label="Pages">
                  <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
                    Previous page
                  </button>
                  <span>
                    Page {page} of {pages}
                  </span>
                  <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => go({ page: page + 1 })}>
                    Next page
                  </button>
                </nav>
              )}
            </>
          );
        }}
      </AsyncContent>
    </>
  );
}

type FilterValues = { status: string; type: string; q: string; assignee: string };

function Filters({ initial, onApply }: { initial: FilterValues; onApply: (f: FilterValues) => void }) {
  const [f, setF] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(f);
  };
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label="Filter cases">
      <SelectField name="status" label="State" value={f.status} placeholder="Any state" options={CASE_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} onChange={(status) => setF({ ...f, status })} />
      <SelectField name="type" label="Kind of request" value={f.type} placeholder="Any kind" options={REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }))} onChange={(type) => setF({ ...f, type })} />
      <SelectField name="assignee" label="Assigned" value={f.assignee} placeholder="Anyone" options={[{ value: 'me', label: 'To me' }]} onChange={(assignee) => setF({ ...f, assignee })} />
      <TextField name="q" label="Text" value={f.q} onChange={(q) => setF({ ...f, q })} hint="Case number, requester or summary" />
      <button type="submit" className="button">
        Apply filters
      </button>
    </form>
  );
}
