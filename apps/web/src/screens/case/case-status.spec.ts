import type { CaseDetail, CaseStatus, Letter, RecordImport, Review } from '../../api/schema';
import { awaitedLetter, isBusy, needsReload } from './case-status';

const base = {
  id: 'c1', status: 'fulfilling', pendingStep: 'fulfilment', version: 7, updatedAt: '2026-11-20T18:00:00.000Z',
  production: { id: 'p1', status: 'rendering', progress: 10 }, recordImports: [{ id: 'i1', status: 'completed', progress: 100 }], reviews: [], letters: [],
} as unknown as CaseDetail;
const probe = (over: Partial<CaseStatus> = {}): CaseStatus => ({
  id: 'c1', status: 'fulfilling', pendingStep: 'fulfilment', version: 7, updatedAt: '2026-11-20T18:00:00.000Z', alert: null,
  production: { id: 'p1', status: 'rendering', progress: 40 }, imports: [{ id: 'i1', status: 'completed', progress: 100 }], letters: [], ...over,
});

describe('watching a case', () => {
  it('does not re-read the case for progress alone', () => {
    expect(needsReload(base, probe())).toBe(false);
  });

  it('re-reads it when the state, step or version changed, or the production finished or failed', () => {
    expect(needsReload(base, probe({ status: 'fulfilled', pendingStep: null }))).toBe(true);
    expect(needsReload(base, probe({ version: 8 }))).toBe(true);
    expect(needsReload(base, probe({ production: { id: 'p1', status: 'ready', progress: 100 } }))).toBe(true);
    expect(needsReload(base, probe({ production: { id: 'p1', status: 'failed', progress: 60 } }))).toBe(true);
    expect(needsReload({ ...base, production: null }, probe())).toBe(false);
  });

  it('re-reads it when an import finished, appeared or vanished, not while one moves through its steps', () => {
    const importing = { ...base, recordImports: [{ id: 'i1', status: 'queued', progress: 0 } as RecordImport] };
    expect(needsReload(importing, probe({ imports: [{ id: 'i1', status: 'importing', progress: 50 }] }))).toBe(false);
    expect(needsReload(importing, probe({ imports: [{ id: 'i1', status: 'completed', progress: 100 }] }))).toBe(true);
    expect(needsReload(base, probe({ imports: [{ id: 'i1', status: 'completed', progress: 100 }, { id: 'i2', status: 'queued', progress: 0 }] }))).toBe(true);
    expect(needsReload(base, probe({ imports: [] }))).toBe(true);
    expect(isBusy({ ...importing, status: 'intake', pendingStep: null, production: null })).toBe(true);
  });

  it('waits for the cure letter of the latest needs-info review until it is in the case', () => {
    const review = { id: 'r2', sufficiency: 'needs_info', cureRequest: 'Serve the patron' } as Review;
    const waiting = { ...base, status: 'needs_info', pendingStep: null, reviews: [review] } as CaseDetail;
    expect(awaitedLetter(waiting)).toBe('needs_info');
    expect(awaitedLetter({ ...waiting, letters: [{ id: 'l1', kind: 'needs_info', reference: 'r1' } as Letter] })).toBe('needs_info');
    expect(awaitedLetter({ ...waiting, letters: [{ id: 'l2', kind: 'needs_info', reference: 'r2' } as Letter] })).toBeNull();
    expect(awaitedLetter({ ...waiting, status: 'legal_review' })).toBeNull();
    expect(awaitedLetter({ ...waiting, pendingStep: 'legal-review' })).toBeNull();
  });
});
