/** What a caller says happened. Details carry ids, counts and codes, never patron data. */
export interface AuditEntry {
  actor: { id: string; username: string } | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  caseId?: string | null;
  outcome?: 'success' | 'denied' | 'failure';
  details?: Record<string, unknown> | null;
}
