import type { Addressee } from '@custodian/production';

/** One line for the request, e.g. "Request received 2026-11-20 (Superior court order)". */
export function requestSummary(receivedAt: Date, requestTypeLabel: string): string {
  return `Request received ${receivedAt.toISOString().slice(0, 10)} (${requestTypeLabel})`;
}

/** The requester as a letter addresses them. */
export function addressee(row: { requester: { name: string; agency?: string | null; address?: string | null } }): Addressee {
  return { name: row.requester.name, agency: row.requester.agency ?? null, ...(row.requester.address ? { address: row.requester.address.split(/\r?\n/) } : {}) };
}
