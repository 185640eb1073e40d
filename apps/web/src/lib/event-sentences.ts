import type { CaseEvent } from '../api/schema';
import { formatDate } from './format';
import { DOCUMENT_KIND_LABELS, label, RECORD_TYPE_LABELS, REQUEST_TYPE_LABELS, STATE_LABELS } from './labels';

/** People named by id in the events, as the events endpoint returns them. */
export type People = Record<string, { displayName: string; title: string }>;

type Details = Record<string, unknown>;
const LETTERS: Record<string, string> = { denial: 'denial letter', needs_info: 'letter asking for information', extension: 'extension letter' };
const NOTICE: Record<string, string> = { mail: 'by mail', email: 'by e-mail', phone: 'by phone', in_person: 'in person' };

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}
function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v) || 0;
}
function person(people: People, id: unknown): string {
  return (typeof id === 'string' && people[id]?.displayName) || 'someone';
}
function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
function fieldsText(fields: unknown): string {
  return Array.isArray(fields) ? list(fields.map((f) => String(f).replace(/([A-Z])/g, ' $1').toLowerCase())) : '';
}

/** What happened, as a sentence that starts after the actor's name ("submitted the intake"). */
const SENTENCES: Record<string, (d: Details, people: People) => string> = {
  'case.created': (d) => `opened the case (${label(REQUEST_TYPE_LABELS, str(d.requestType) as never)})`,
  'case.updated': (d) => (fieldsText(d.fields) ? `changed the intake: ${fieldsText(d.fields)}` : 'changed the intake'),
  'case.submitted': () => 'submitted the intake for legal review',
  'case.intake_completed': (d, p) =>
    `completed intake and assigned ${person(p, d.assignedAttorneyId)} (attorney) and ${person(p, d.assignedDirectorId)} (director)${d.preservationHold ? '; a preservation hold was placed' : ''}`,
  'case.intake_returned': (d) => `returned the intake as incomplete${Array.isArray(d.missing) && d.missing.length ? `: missing ${list(d.missing.map(String))}` : ''}`,
  'case.reviewed': () => 'recorded the legal review',
  'case.review_recorded': (d) => `moved the case to ${label(STATE_LABELS, str(d.status) as never).toLowerCase()} after the review`,
  'case.information_received': () => 'noted that the requested information arrived and sent the case back to legal review',
  'case.approved': () => 'approved the release',
  'case.denied': () => 'denied the request',
  'case.denied_final': () => 'finished the denial',
  'case.fulfilled': () => 'finished the production',
  'case.withdrawn': () => 'withdrew the case',
  'case.closed': () => 'closed the case',
  'case.read': () => 'viewed the case',
  'case.access_refused': () => 'was refused access to the case',
  'case.step_failed': (d) => `could not finish the ${str(d.step) || 'queued'} step after ${plural(num(d.attempts), 'attempt')}`,
  'document.attached': (d) => `attached a document (${label(DOCUMENT_KIND_LABELS, str(d.kind) as never).toLowerCase()})`,
  'document.read': () => 'opened a document',
  'records.upload': (d) => `uploaded a records file (${str(d.format).toUpperCase()}${d.table ? `, ${str(d.table)}` : ''})`,
  'records.imported': (d) => `imported ${plural(num(d.rows), 'record row')}${byType(d.byType)}`,
  'records.import_rejected': (d) => `rejected a records file: ${plural(num(d.errors), 'problem')} in ${plural(num(d.rows), 'row')}`,
  'records.purged': (d) => `deleted the sealed patron records (${plural(num(d.rows), 'row')}) after ${plural(num(d.retentionDays), 'day')}`,
  'production.created': (d) => `produced the redacted PDF (${plural(num(d.pages), 'page')}${Array.isArray(d.bates) ? `, Bates ${d.bates.join('–')}` : ''})`,
  'production.failed_closed': () => 'stopped the production: a withheld value was found in the PDF, so nothing was released',
  'production.downloaded': () => 'downloaded the production',
  'letter.written': (d) => `wrote the ${LETTERS[str(d.kind)] ?? 'letter'}`,
  'letter.downloaded': (d) => `downloaded the ${LETTERS[str(d.kind)] ?? 'letter'}`,
  'deadline.extended': (d) => `extended the determination deadline by ${plural(num(d.days), 'day')}`,
  'hold.renewed': (d) => `renewed the preservation hold until ${formatDate(str(d.expiresOn))}`,
  'hold.released': () => 'released the preservation hold',
  'hold.expired': () => 'let the preservation hold expire',
  'patron.notified': (d) => `recorded that the patron was told ${NOTICE[str(d.method)] ?? ''}`.trim(),
  'deadline.due_soon': (d) => `reminded ${plural(num(d.notified), 'person', 'people')} that a deadline is due on ${formatDate(str(d.dueDate))}`,
  'deadline.overdue': (d) => `told ${plural(num(d.notified), 'person', 'people')} that the deadline of ${formatDate(str(d.dueDate))} was missed`,
  'deadline.gag_lapsed': (d) => `told ${plural(num(d.notified), 'person', 'people')} that the nondisclosure order lapsed on ${formatDate(str(d.dueDate))}`,
  'access.denied': () => 'was refused an action on the case',
  'case.sent_back': () => 'sent the review back for another legal review',
  'case.reassigned': (d, p) => `gave the ${str(d.slot) === 'director' ? 'decision' : 'legal review'} to ${person(p, d.to)}`,
  'case.extension_designee_recorded': (d, p) => (d.designeeId ? `named ${person(p, d.designeeId)} to sign an extension` : 'removed the extension designee'),
  'gag.lifted': (d) => `recorded that the gag was lifted ${str(d.kind) === 'government_notice' ? 'by government notice' : 'by court order'} on ${formatDate(str(d.liftedOn))}`,
  'decision.previewed': (d) => `previewed the ${str(d.decision) === 'deny' ? 'denial letter' : 'production cover letter'}`,
  'release.previewed': () => 'previewed what the production would release',
  'delivery.recorded': (d) => `recorded the delivery of the ${DELIVERED[str(d.document)] ?? 'file'} ${DELIVERY_METHOD[str(d.method)] ?? ''}`.trim(),
  'delivery.link_created': (d) => `made a secure link to the ${DELIVERED[str(d.document)] ?? 'file'} (${plural(num(d.maxDownloads), 'download')}, until ${formatDate(str(d.expiresAt).slice(0, 10))})`,
  'delivery.link_revoked': () => 'revoked a secure link',
  'delivery.downloaded': (d) => `downloaded the file through a secure link (download ${num(d.download)} of ${num(d.of)})`,
  'delivery.link_refused': (d) => `${LINK_REFUSAL[str(d.reason)] ?? 'tried a secure link that is not valid'}${num(d.count) > 1 ? ` (${num(d.count)} times${d.summary ? ' more in the same window' : ''})` : ''}`,
  'delivery.acknowledged': () => 'acknowledged the file received through a secure link by its SHA-256',
  'legal_hold.placed': () => 'placed a litigation hold',
  'legal_hold.released': () => 'released the litigation hold',
};
const LINK_REFUSAL: Record<string, string> = {
  revoked: 'tried a secure link that is revoked',
  expired: 'tried a secure link that is expired',
  'download limit reached': 'tried a secure link that is used up',
  unknown: 'tried a secure link that is unknown',
  'not downloaded': 'tried to acknowledge a secure link before downloading through it',
  'wrong sha256': 'acknowledged a secure link with a SHA-256 that is not the delivered file\'s',
  'rate limited': 'tried secure links too often from one address',
};
const DELIVERED: Record<string, string> = { production: 'production', denial_letter: 'denial letter' };
const DELIVERY_METHOD: Record<string, string> = { in_person: 'in person', mail: 'by mail', court_sealed_envelope: 'to the court in a sealed envelope', secure_link: 'through a secure link' };
/** Events without a signed-in actor that were not the system's doing: a download through a link is the requester's. */
const ANONYMOUS_ACTORS: Record<string, string> = { 'delivery.downloaded': 'The holder of the link', 'delivery.acknowledged': 'The holder of the link', 'delivery.link_refused': 'Someone' };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
function byType(v: unknown): string {
  if (!v || typeof v !== 'object') return '';
  const parts = Object.entries(v as Record<string, unknown>).map(([type, n]) => `${num(n)} ${label(RECORD_TYPE_LABELS, type as never).toLowerCase()}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Who did it: the person's name, "the system" for the worker, or the username when the account is gone. */
export function actorOf(e: CaseEvent): string {
  return e.actorName ?? e.actor ?? ANONYMOUS_ACTORS[e.action] ?? 'The system';
}

/** The whole event as one sentence, with names and no ids or JSON: "Kim Clerk submitted the intake for legal review." */
export function eventSentence(e: CaseEvent, people: People = {}): string {
  const details = (e.details ?? {}) as Details;
  const describe = SENTENCES[e.action];
  const what = describe ? describe(details, people) : e.action.replace(/[._]/g, ' ');
  const outcome = e.outcome === 'success' || !describe ? '' : e.outcome === 'denied' ? ' (refused)' : e.outcome === 'failure' ? ' (failed)' : '';
  return `${actorOf(e)} ${what}${outcome}.`;
}

/** The events as CSV for an auditor: sequence, time (UTC), actor, action, outcome, the sentence and the raw details. */
export function eventsCsv(events: CaseEvent[], people: People = {}): string {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    // A leading = + - @ would be a formula in a spreadsheet; quote everything and neutralise those.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const header = ['seq', 'at', 'actor', 'action', 'outcome', 'description', 'details'].map(cell).join(',');
  const rows = events.map((e) => [e.seq, e.at, e.actor ?? 'system', e.action, e.outcome, eventSentence(e, people), e.details ? JSON.stringify(e.details) : ''].map(cell).join(','));
  return `${[header, ...rows].join('\r\n')}\r\n`;
}
