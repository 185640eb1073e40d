import { eventually } from './api-client';
import { kohaExport } from './koha-fixture';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from './system';

export interface ReviewedCase { caseId: string; caseNumber: string; documentId: string; importId: string }
export interface FulfilledCase extends ReviewedCase { productionId: string }
export interface JourneyOptions { caseOverrides?: Record<string, unknown>; exportContent?: string | Buffer; review?: Record<string, unknown> }

/**
 * Walks one court-order case to the attorney's desk as the standard clerk: intake with an instrument and a Koha
 * export, submit. Returns the ids the case left behind.
 */
export async function caseInLegalReview(system: TestSystem, options: Omit<JourneyOptions, 'review'> = {}): Promise<ReviewedCase> {
  const clerk = await system.as('clerk');
  await system.as('attorney');
  await system.as('director'); // exists before submit, so the intake step can assign the decision
  const created = (await clerk.post('/api/cases', courtOrderCase(options.caseOverrides))).body;
  if (!created.id) throw new Error(`could not create the case: ${JSON.stringify(created)}`);
  const document = await clerk.upload(`/api/cases/${created.id}/documents`, { kind: 'instrument' }, { name: 'order.pdf', content: '%PDF-1.4\n%%EOF\n', type: 'application/pdf' });
  const importId = await importRecords(system, created.id, options.exportContent ?? kohaExport());
  expectStatus(await clerk.post(`/api/cases/${created.id}/submit`), 202, 'submit');
  await eventually(() => clerk.get(`/api/cases/${created.id}/status`).then((r) => r.body.status), (s) => s === 'legal_review', 60_000);
  return { caseId: created.id, caseNumber: created.caseNumber, documentId: document.body.id, importId };
}

/** The clerk imports one export into the case and waits for it to complete; returns the import's id. */
export async function importRecords(system: TestSystem, caseId: string, content: string | Buffer): Promise<string> {
  const clerk = await system.as('clerk');
  const upload = await clerk.upload(`/api/cases/${caseId}/records`, {}, { name: 'export.json', content });
  if (!upload.body.id) throw new Error(`could not upload the export: ${upload.status} ${JSON.stringify(upload.body)}`);
  const status = await eventually(() => clerk.get(`/api/cases/${caseId}/records/imports/${upload.body.id}`).then((r) => r.body.status), (s) => s === 'completed' || s === 'failed', 60_000);
  if (status !== 'completed') throw new Error(`the import ended ${status}`);
  return upload.body.id;
}

/** Walks one court-order case up to the director's desk as the standard staff (clerk → attorney). */
export async function reviewedCase(system: TestSystem, options: JourneyOptions = {}): Promise<ReviewedCase> {
  const reviewing = await caseInLegalReview(system, options);
  const clerk = await system.as('clerk');
  const attorney = await system.as('attorney');
  expectStatus(await attorney.post(`/api/cases/${reviewing.caseId}/review`, options.review ?? SUFFICIENT_COURT_ORDER_REVIEW), 202, 'review');
  await eventually(() => clerk.get(`/api/cases/${reviewing.caseId}/status`).then((r) => r.body.status), (s) => s === 'awaiting_approval', 60_000);
  return reviewing;
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
