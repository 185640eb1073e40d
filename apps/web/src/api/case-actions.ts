import { api, client, download } from './client';
import type { components } from './openapi';
import type { DeliveryMethod, GagLiftKind, RetentionSettings } from './schema';

/*
 * The calls behind the case page's later actions and the admin's retention schedule, one function per route, so
 * screens name what they do. Each is the generated client's typed call: paths, bodies and answers are the API's.
 */
type Schema = components['schemas'];

/** The director returns the case to legal review with a written reason (POST /api/cases/:id/send-back). */
export const sendBack = (caseId: string, reason: string) => api.POST('/api/cases/{id}/send-back', { params: { path: { id: caseId } }, body: { reason } });

/** Records the court order or government notice that lifted a gag (POST /api/cases/:id/gag-lift). */
export const liftGag = (caseId: string, body: { kind: GagLiftKind; reference: string; liftedOn: string }) => api.POST('/api/cases/{id}/gag-lift', { params: { path: { id: caseId } }, body });

/** Names (or, with null, removes) the designee who may sign a CPRA extension (POST /api/cases/:id/extension-designee). */
export const setExtensionDesignee = (caseId: string, userId: string | null) => api.POST('/api/cases/{id}/extension-designee', { params: { path: { id: caseId } }, body: { userId } });

/** The case's deliveries with each secure link's state (GET /api/cases/:id/deliveries). */
export const listDeliveries = (caseId: string) => api.GET('/api/cases/{id}/deliveries', { params: { path: { id: caseId } } });

export type NewDelivery = Schema['CreateDeliveryDto'] & { method: DeliveryMethod };

/** Records a delivery, or issues a secure link whose token is returned this once (POST /api/cases/:id/deliveries). */
export const createDelivery = (caseId: string, body: NewDelivery) => api.POST('/api/cases/{id}/deliveries', { params: { path: { id: caseId } }, body });

/** Stops a secure link at once (POST /api/cases/:id/deliveries/:deliveryId/revoke). */
export const revokeDeliveryLink = (caseId: string, deliveryId: string) =>
  api.POST('/api/cases/{id}/deliveries/{deliveryId}/revoke', { params: { path: { id: caseId, deliveryId } } });

/** The letter the decision would send, rendered and not stored (POST /api/cases/:id/decision/preview; audited). */
export const previewDecisionLetter = (caseId: string, body: { decision: 'approve' | 'deny'; reasons?: string[] }) =>
  download(client.POST('/api/cases/{id}/decision/preview', { params: { path: { id: caseId } }, body, parseAs: 'blob' }), `preview-${body.decision}.pdf`);

/** The retention settings in force (GET /api/settings/retention). */
export const loadRetentionSettings = () => api.GET('/api/settings/retention');

/** Changes the days kept for some record classes; the law's minimums are the server's to enforce. */
export const saveRetentionSettings = (changed: Partial<RetentionSettings>) => api.PUT('/api/settings/retention', { body: changed });

/** The case's litigation holds (GET /api/cases/:id/legal-holds). */
export const listLegalHolds = (caseId: string) => api.GET('/api/cases/{id}/legal-holds', { params: { path: { id: caseId } } });

/** Counsel's litigation hold: while active nothing of the case is purged (POST /api/cases/:id/legal-holds). */
export const placeLegalHold = (caseId: string, reason: string) => api.POST('/api/cases/{id}/legal-holds', { params: { path: { id: caseId } }, body: { reason } });

/** Ends a litigation hold (POST /api/cases/:id/legal-holds/:holdId/release). */
export const releaseLegalHold = (caseId: string, holdId: string) => api.POST('/api/cases/{id}/legal-holds/{holdId}/release', { params: { path: { id: caseId, holdId } } });

/** Gives the case's review or decision to another attorney or director, with a reason (POST /api/cases/:id/assignment). */
export const reassign = (caseId: string, body: Schema['ReassignDto']) => api.POST('/api/cases/{id}/assignment', { params: { path: { id: caseId } }, body });

/** Koha's AnonymousPatron setting (GET /api/settings/koha). */
export const loadKohaSettings = () => api.GET('/api/settings/koha');

/** Koha's AnonymousPatron borrowernumbers, which the import reads as anonymised history (PUT /api/settings/koha). */
export const saveKohaSettings = (anonymousPatrons: number[]) => api.PUT('/api/settings/koha', { body: { anonymousPatrons } });

/** Counsel's transparency choices and their defaults (GET /api/settings/transparency). */
export const loadTransparencySettings = () => api.GET('/api/settings/transparency');

/** Counsel's transparency choices: any subset; the statute's floors are the server's to enforce. */
export const saveTransparencySettings = (changed: Schema['TransparencySettingsChange']) => api.PUT('/api/settings/transparency', { body: changed });

/** What an approval would release, counted by the production's own redaction (GET .../decision/preview/release; audited). */
export const releasePreview = (caseId: string) => api.GET('/api/cases/{id}/decision/preview/release', { params: { path: { id: caseId } } });
