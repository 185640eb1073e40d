import { Writable } from 'node:stream';
import { BODY, BODY_BOLD, HEADING, SMALL } from '../pdf/page-frame';
import { longDate } from '../text/long-date';
import { RenderedDocument, renderPlainPdf } from './public-pdf';

/** What a purge did, class by class: the facts the certificate attests (case numbers and counts, no patron data). */
export interface PurgeCertificate {
  planId: string;
  libraryName: string;
  executedOn: string;
  approvedBy: { displayName: string; title: string };
  approvedAt: string;
  classes: { recordClass: string; label: string; items: number; cases: string[]; rule: { days: number; citation: string; citySchedule: string; closedOnOrBefore: string } }[];
  /** Cases planned but kept because a hold was placed after the review. */
  skipped: { caseNumber: string; reason: string }[];
  blocked: { caseNumber: string; holds: string[] }[];
  auditEvents: { days: number; citation: string; note: string };
  auditSeq: number | null;
}

/** The certificate of destruction for one executed purge plan. Pages break as needed: a large purge lists many cases. */
export function renderPurgeCertificate(certificate: PurgeCertificate, out: Writable): Promise<RenderedDocument> {
  return renderPlainPdf(out, { title: `Certificate of records destruction ${certificate.planId}`, createdAt: new Date(`${certificate.executedOn}T12:00:00Z`), reference: `Purge ${certificate.planId}` }, (frame) => {
    frame.startPage('portrait');
    frame.paragraph(certificate.libraryName, HEADING, { gapAfter: 4 });
    frame.paragraph('Certificate of records destruction', BODY_BOLD, { gapAfter: 6 });
    frame.labelled('Executed on', longDate(certificate.executedOn));
    frame.labelled('Reviewed and approved by', `${certificate.approvedBy.displayName}, ${certificate.approvedBy.title} (${certificate.approvedAt})`);
    frame.labelled('Plan', certificate.planId);
    if (certificate.auditSeq !== null) frame.labelled('Audit event', `#${certificate.auditSeq} (retention.purged)`);
    frame.y += 6;
    for (const c of certificate.classes) {
      frame.paragraph(`${c.label}: ${c.items} item${c.items === 1 ? '' : 's'} from ${c.cases.length} case${c.cases.length === 1 ? '' : 's'}`, BODY_BOLD, { gapAfter: 2 });
      frame.paragraph(`Rule: kept ${c.rule.days} days after the case closed (closed on or before ${c.rule.closedOnOrBefore}); ${c.rule.citation}; ${c.rule.citySchedule}.`, SMALL, { gapAfter: 2 });
      frame.paragraph(c.cases.length ? `Cases: ${c.cases.join(', ')}` : 'Cases: none due.', SMALL, { gapAfter: 8 });
    }
    frame.paragraph(`Audit events: none deleted. ${certificate.auditEvents.note} Kept at least ${certificate.auditEvents.days} days (${certificate.auditEvents.citation}).`, SMALL, { gapAfter: 6 });
    if (certificate.blocked.length) frame.paragraph(`Kept under a hold: ${certificate.blocked.map((b) => `${b.caseNumber} (${b.holds.join(', ')})`).join('; ')}.`, BODY, { gapAfter: 6 });
    if (certificate.skipped.length) frame.paragraph(`Skipped at execution: ${certificate.skipped.map((s) => `${s.caseNumber} (${s.reason})`).join('; ')}.`, BODY, { gapAfter: 6 });
  });
}
