import { eventually } from './api-client';
import { kohaExport } from './koha-fixture';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from './system';

export interface ReviewedCase { caseId: string; caseNumber: string; documentId: string; importId: string }
export interface FulfilledCase extends ReviewedCase { productionId: string }
export interface JourneyOptions { caseOverrides?: Record<string, unknown>; exportContent?: string | Buffer; review?: Record<string, unknown> }

/**
 * Walks one court-order case up to the director's desk as the standard staff (clerk → attorney): intake with an
 * instrument and a Koha export, submit, review. Returns the ids the case left behind.
 */
export async function reviewedCase(system: TestSystem, options: JourneyOptions = {}): Promise<ReviewedCase> {
  const clerk = await system.as('clerk');
  const attorney = await system.as('attorney');
  await system.as('director'); // exists before submit, so the intake step can assign the decision
  const created = (await clerk.post('/api/cases', courtOrderCase(options.caseOverrides))).body;
  if (!created.id) throw new Error(`could not create the case: ${JSON.stringify(created)}`);
  const document = await clerk.upload(`/api/cases/${created.id}/documents`, { kind: 'instrument' }, { name: 'order.pdf', content: '%PDF-1.4\n%%EOF\n', type: 'application/pdf' });
  const upload = await clerk.upload(`/api/cases/${created.id}/records`, {}, { name: 'export.json', content: options.exportContent ?? kohaExport() });
  await eventually(() => clerk.get(`/api/cases/${created.id}/records/imports/${upload.body.id}`).then((r) => r.body.status), (s) => s === 'completed', 60_000);
  expectStatus(await clerk.post(`/api/cases/${created.id}/submit`), 202, 'submit');
  await eventually(() => clerk.get(`/api/cases/${created.id}/status`).then((r) => r.body.status), (s) => s === 'legal_review', 60_000);
  expectStatus(await attorney.post(`/api/cases/${created.id}/review`, options.review ?? SUFFICIENT_COURT_ORDER_REVIEW), 202, 'review');
  await eventually(() => clerk.get(`/api/cases/${created.id}/status`).then((r) => r.body.status), (s) => s === 'awaiting_approval', 60_000);
  return { caseId: created.id, caseNumber: created.caseNumber, documentId: document.body.id, importId: upload.body.id };
}

/** The same walk on to the director's approval and the verified production. */
export async function fulfilledCase(system: TestSystem, options: JourneyOptions = {}): Promise<FulfilledCase> {
  const reviewed = await reviewedCase(system, options);
  const director = await system.as('director');
  expectStatus(await director.post(`/api/cases/${reviewed.caseId}/decision`, { decision: 'approve', note: 'Approved.' }), 202, 'decision');
  const done = await eventually(() => director.get(`/api/cases/${reviewed.caseId}/status`).then((r) => r.body), (c) => c.status === 'fulfilled', 180_000, 300);
  return { ...reviewed, productionId: done.production.id };
}

function expectStatus(response: { status: number; body: unknown }, status: number, step: string): void {
  if (response.status !== status) throw new Error(`${step} answered ${response.status}: ${JSON.stringify(response.body)}`);
}
