import { ReactNode } from 'react';
import { api } from '../../api/client';
import type { CaseListQuery, CaseSummary } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { CaseTable } from '../../components/CaseTable';
import { Section } from '../../components/layout';
import { useResource } from '../../lib/useResource';

/** A titled list of cases from one GET /api/cases query. */
export function CaseListSection({ title, query, empty, actions, linkTo }: { title: string; query: CaseListQuery; empty: string; actions?: ReactNode; linkTo?: (c: CaseSummary) => string }) {
  const cases = useResource(() => api.GET('/api/cases', { params: { query } }), ['/api/cases', query]);
  return (
    <Section title={title} actions={actions}>
      <AsyncContent resource={cases} what={title.toLowerCase()}>
        {(page) => (
          <>
            <CaseTable cases={page.items} caption={title} empty={empty} linkTo={linkTo} />
            {page.total > page.items.length && <p className="hint">Showing {page.items.length} of {page.total}; see all under Cases.</p>}
          </>
        )}
      </AsyncContent>
    </Section>
  );
}
