import { api } from './client';
import type { CaseDetail, CreatedDelivery, Delivery, DeliveryMethod, GagLiftKind, LegalHold, RetentionSettings } from './types';

/*
 * The calls behind the case page's later actions and the admin's retention schedule, one function per route, so
 * screens name what they do and the move to the generated client changes this file alone.
 */

/** The director returns the case to legal review with a written reason (POST /api/cases/:id/send-back). */
export const sendBack = (caseId: string, reason: string) => api.post<CaseDetail>(`/api/cases/${caseId}/send-back`, { reason });

/** Records the court order or government notice that lifted a gag (POST /api/cases/:id/gag-lift). */
export const liftGag = (caseId: string, body: { kind: GagLiftKind; reference: string; liftedOn: string }) => api.post<CaseDetail>(`/api/cases/${caseId}/gag-lift`, body);

/** Names (or, with null, removes) the designee who may sign a CPRA extension (POST /api/cases/:id/extension-designee). */
export const setExtensionDesignee = (caseId: string, userId: string | null) => api.post<CaseDetail>(`/api/cases/${caseId}/extension-designee`, { userId });

export const deliveriesPath = (caseId: string) => `/api/cases/${caseId}/deliveries`;

export interface NewDelivery {
  document: Delivery['document'];
  method: DeliveryMethod;
  recipient: string;
  trackingNumber?: string;
  acknowledgedSha256?: string;
  expiresInHours?: number;
  maxDownloads?: number;
}

/** Records a delivery, or issues a secure link whose token is returned this once (POST /api/cases/:id/deliveries). */
export const createDelivery = (caseId: string, body: NewDelivery) => api.post<CreatedDelivery>(deliveriesPath(caseId), body);

/** Stops a secure link at once (POST /api/cases/:id/deliveries/:deliveryId/revoke). */
export const revokeDeliveryLink = (caseId: string, deliveryId: string) => api.post<{ revoked: boolean }>(`${deliveriesPath(caseId)}/${deliveryId}/revoke`);

/** The letter the decision would send, rendered and not stored (POST /api/cases/:id/decision/preview; audited). */
export const previewDecisionLetter = (caseId: string, body: { decision: 'approve' | 'deny'; reasons?: string[] }) =>
  api.downloadPosted(`/api/cases/${caseId}/decision/preview`, body, `preview-${body.decision}.pdf`);

export const RETENTION_SETTINGS_PATH = '/api/settings/retention';

/** Changes the days kept for some record classes; the law's minimums are the server's to enforce. */
export const saveRetentionSettings = (changed: RetentionSettings) => api.put<RetentionSettings>(RETENTION_SETTINGS_PATH, changed);

export const legalHoldsPath = (caseId: string) => `/api/cases/${caseId}/legal-holds`;

/** Counsel's litigation hold: while active nothing of the case is purged (POST /api/cases/:id/legal-holds). */
export const placeLegalHold = (caseId: string, reason: string) => api.post<LegalHold>(legalHoldsPath(caseId), { reason });

/** Gives the case's review or decision to another attorney or director, with a reason (POST /api/cases/:id/assignment). */
export const reassign = (caseId: string, body: { slot: 'attorney' | 'director'; userId: string; reason: string }) => api.post<CaseDetail>(`/api/cases/${caseId}/assignment`, body);

export const KOHA_SETTINGS_PATH = '/api/settings/koha';

/** Koha's AnonymousPatron borrowernumbers, which the import reads as anonymised history (PUT /api/settings/koha). */
export const saveKohaSettings = (anonymousPatrons: number[]) => api.put<{ anonymousPatrons: number[] }>(KOHA_SETTINGS_PATH, { anonymousPatrons });

export const TRANSPARENCY_SETTINGS_PATH = '/api/settings/transparency';

/** Counsel's transparency choices: any subset; the statute's floors are the server's to enforce. */
export const saveTransparencySettings = (changed: Record<string, string | number>) => api.put<Record<string, unknown>>(TRANSPARENCY_SETTINGS_PATH, changed);

/** What an approval would release, counted by the production's own redaction (GET .../decision/preview/release; audited). */
export const releasePreviewPath = (caseId: string) => `/api/cases/${caseId}/decision/preview/release`;
