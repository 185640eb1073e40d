import { ReactNode } from 'react';
import type { CaseSummary, Page } from '../../api/types';
import { AsyncContent } from '../../components/AsyncContent';
import { CaseTable } from '../../components/CaseTable';
import { Section } from '../../components/layout';
import { useResource } from '../../lib/useResource';

/** A titled list of cases from one GET /api/cases query. */
export function CaseListSection({ title, path, empty, actions, linkTo, exclude }: { title: string; path: string; empty: string; actions?: ReactNode; linkTo?: (c: CaseSummary) => string; exclude?: (c: CaseSummary) => boolean }) {
  const cases = useResource<Page<CaseSummary>>(path);
  return (
    <Section title={title} actions={actions}>
      <AsyncContent resource={cases} what={title.toLowerCase()}>
        {(page) => {
          const items = exclude ? page.items.filter((c) => !exclude(c)) : page.items;
          return (
            <>
              <CaseTable cases={items} caption={title} empty={empty} linkTo={linkTo} />
              {page.total > page.items.length && <p className="hint">Showing {page.items.length} of {page.total}; see all under Cases.</p>}
            </>
          );
        }}
      </AsyncContent>
    </Section>
  );
}
