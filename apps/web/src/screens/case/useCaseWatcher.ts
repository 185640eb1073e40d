import { useEffect, useState } from 'react';
import { api, query } from '../../api/client';
import type { CaseDetail, CaseSummary, Page, Production } from '../../api/types';
import { isBusy } from './case-status';

const INTERVAL_MS = 1000;

/**
 * While a step runs on the case, watches it cheaply instead of re-reading the whole case every second
 * (every full read is an audited `case.read` event): the list entry tells whether the case changed, the
 * productions list carries the rendering progress. The full case is reloaded only when something changed.
 */
export function useCaseWatcher(c: CaseDetail, reload: () => void): Production | null {
  const [production, setProduction] = useState<Production | null>(null);
  const busy = isBusy(c);
  useEffect(() => {
    if (!busy) return;
    let stopped = false;
    let timer = 0;
    const tick = async () => {
      try {
        const [page, productions] = await Promise.all([
          api.get<Page<CaseSummary>>(`/api/cases${query({ q: c.caseNumber, pageSize: 20 })}`),
          c.status === 'fulfilling' ? api.get<{ items: Production[] }>(`/api/cases/${c.id}/productions`) : Promise.resolve({ items: [] as Production[] }),
        ]);
        if (stopped) return;
        const now = page.items.find((s) => s.id === c.id);
        const rendered = productions.items[0] ?? null;
        setProduction(rendered);
        const changed = !now || now.updatedAt !== c.updatedAt || now.status !== c.status || now.pendingStep !== c.pendingStep;
        if (changed || (rendered && rendered.status !== 'rendering' && c.production?.status !== rendered.status)) {
          reload();
          return;
        }
      } catch {
        // a failed probe is retried on the next tick; the page keeps what it shows
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), INTERVAL_MS);
    };
    timer = window.setTimeout(() => void tick(), INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [busy, c.id, c.caseNumber, c.status, c.pendingStep, c.updatedAt, c.production?.status, reload]);
  return busy ? production : null;
}
