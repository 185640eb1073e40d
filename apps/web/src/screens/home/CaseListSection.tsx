import { ReactNode } from 'react';
import type { CaseSummary, Page } from '../../api/types';
import { AsyncContent } from '../../components/AsyncContent';
import { CaseTable } from '../../components/CaseTable';
import { Section } from '../../components/layout';
import { useResource } from '../../lib/useResource';

/** A titled list of cases from one GET /api/cases query. */
export function CaseListSection({ title, path, empty, actions, linkTo }: { title: string; path: string; empty: string; actions?: ReactNode; linkTo?: (c: CaseSummary) => string }) {
  const cases = useResource<Page<CaseSummary>>(path);
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
