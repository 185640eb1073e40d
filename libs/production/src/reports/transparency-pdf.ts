import { Writable } from 'node:stream';
import { OUTCOMES, OUTCOME_LABELS, TransparencyReport } from '@custodian/domain';
import { BODY, HEADING, PageFrame, SMALL, SMALL_BOLD } from '../pdf/page-frame';
import { TextStyle } from '../pdf/text-layout';
import { longDate } from '../text/long-date';
import { RenderedDocument, drawBars, renderPlainPdf } from './public-pdf';

const SHORT_OUTCOMES: Record<(typeof OUTCOMES)[number], string> = {
  produced_in_full: 'In full', produced_in_part: 'In part', produced_nothing: 'Nothing', objected_or_denied: 'Denied', withdrawn: 'Withdrawn', open: 'Open',
};
const MAX_UNITS = 4;

/**
 * The transparency report on one page, ready to publish: the table by kind and outcome, bars by kind, by outcome
 * and by response time, the other figures, the national-security bands and the methodology (cut to the room left).
 * Only what the JSON report holds is printed, so the PDF can never say more than the bands allow.
 */
export function renderTransparencyPdf(report: TransparencyReport, out: Writable, options: { libraryName?: string } = {}): Promise<RenderedDocument> {
  const title = `Transparency report ${report.period.from} to ${report.period.to}`;
  return renderPlainPdf(out, { title, createdAt: new Date(`${report.generatedOn}T12:00:00Z`), reference: `${options.libraryName ?? 'Library'} · ${title} · generated ${report.generatedOn}` }, (frame) => {
    frame.startPage('portrait');
    frame.paragraph(options.libraryName ? `${options.libraryName}: requests for patron records` : 'Requests for patron records', HEADING, { gapAfter: 2 });
    frame.paragraph(`Transparency report, ${longDate(report.period.from)} to ${longDate(report.period.to)} (Pacific time)`, BODY, { gapAfter: 6 });
    requestTable(frame, report);
    charts(frame, report);
    keyFigures(frame, report);
    nationalSecurity(frame, report);
    methodology(frame, report);
  });
}

function cell(frame: PageFrame, text: string, x: number, width: number, style: TextStyle, align: 'left' | 'right' = 'left'): void {
  const [line] = frame.layout(text, style, width - 2);
  if (line) frame.drawLine(line, align === 'right' ? x + width - 2 : x, frame.y, style, { align, data: align === 'right' });
}

function requestTable(frame: PageFrame, report: TransparencyReport): void {
  const labelWidth = 150;
  const columns = ['Received', ...OUTCOMES.map((o) => SHORT_OUTCOMES[o]), 'Patrons'];
  const width = (frame.contentWidth - labelWidth) / columns.length;
  const row = frame.lineHeight(SMALL);
  cell(frame, 'Kind of request', frame.left, labelWidth, SMALL_BOLD);
  columns.forEach((title, i) => cell(frame, title, frame.left + labelWidth + i * width, width, SMALL_BOLD, 'right'));
  frame.y += row;
  frame.rule(frame.y - 1);
  for (const r of [...report.requests.rows, report.requests.total]) {
    const style = r.requestType === 'total' ? SMALL_BOLD : SMALL;
    if (r.requestType === 'total') frame.rule(frame.y - 1);
    cell(frame, r.requestType === 'total' ? 'All (national-security process excluded)' : r.label, frame.left, labelWidth, style);
    [r.received, ...OUTCOMES.map((o) => r.outcomes[o]), r.patronsAffected].forEach((value, i) => cell(frame, String(value), frame.left + labelWidth + i * width, width, style, 'right'));
    frame.y += row;
  }
  frame.y += 8;
}

function charts(frame: PageFrame, report: TransparencyReport): void {
  const half = (frame.contentWidth - 16) / 2;
  const top = frame.y;
  const byType = drawBars(frame, frame.left, top, half, 'Requests received, by kind', report.requests.rows.map((r) => ({ label: r.label, value: r.received })));
  const byOutcome = drawBars(frame, frame.left + half + 16, top, half, 'Requests, by outcome', OUTCOMES.map((o) => ({ label: OUTCOME_LABELS[o], value: report.requests.total.outcomes[o] })), '#5a7d3a');
  frame.y = top + Math.max(byType, byOutcome) + 4;
  const times = report.responseTimes;
  const timeTitle = `Response time, receipt to decision (${times.decided} decided; median ${times.medianDays ?? '—'} days, 90th percentile ${times.p90Days ?? '—'} days)`;
  frame.y += drawBars(frame, frame.left, frame.y, frame.contentWidth * 0.75, timeTitle, times.buckets.map((b) => ({ label: b.label, value: b.count })), '#8a5a2f') + 2;
}

function keyFigures(frame: PageFrame, report: TransparencyReport): void {
  const gag = report.nondisclosureOrders;
  const gagText = gag.counting === 'aggregate'
    ? gag.periods.length
      ? gag.periods.map((p) => `${p.from} to ${p.to}: ${p.status !== 'reported' ? 'period not over' : p.figures.count ?? `fewer than ${p.figures.fewerThan}`}`).join('; ')
      : 'reported only for whole, finished half-years'
    : gag.note;
  const lines = [
    `Preservation holds placed: ${report.preservationHolds.placed}; released: ${report.preservationHolds.released}. Emergency requests: ${report.emergencyRequests}. Requests narrowed by counsel: ${report.narrowedByCounsel}.`,
    `Requests under a court's nondisclosure order (counted apart): ${gagText}.`,
  ];
  for (const line of lines) frame.paragraph(line, SMALL, { gapAfter: 2 });
  frame.y += 4;
}

function nationalSecurity(frame: PageFrame, report: TransparencyReport): void {
  const ns = report.nationalSecurity;
  frame.paragraph(`National-security process (${ns.citation})`, SMALL_BOLD, { gapAfter: 1 });
  frame.paragraph(`${ns.description} ${ns.note}`, SMALL, { gapAfter: 2 });
  const units = ns.periods.slice(-MAX_UNITS);
  if (!units.length) frame.paragraph('No whole reporting period lies inside this report\u2019s period.', SMALL, { gapAfter: 2 });
  for (const unit of units) {
    const figures = unit.status !== 'reported'
      ? 'period not over'
      : unit.figures.map((f) => (f.requests ? `${f.label}: ${f.requests.band} (patrons targeted ${f.patronsTargeted!.band})` : `${f.label}: publishable on ${f.availableOn}`)).join('; ');
    frame.paragraph(`${unit.from} to ${unit.to}: ${figures}.`, SMALL, { gapAfter: 1 });
  }
  if (ns.periods.length > MAX_UNITS) frame.paragraph(`Earlier periods: see the CSV edition.`, SMALL, { gapAfter: 1 });
  frame.y += 4;
}

/** The methodology fills the room left on the page and no more: a publishable report is one page. */
function methodology(frame: PageFrame, report: TransparencyReport): void {
  const height = frame.lineHeight(SMALL);
  frame.paragraph('Methodology', SMALL_BOLD, { gapAfter: 1 });
  const lines = frame.layout(`${report.methodology} Sources: ${report.citations.join('; ')}.`, SMALL, frame.contentWidth);
  const room = Math.max(0, Math.floor((frame.bottom - frame.y) / height));
  lines.slice(0, room).forEach((line, index) => {
    frame.drawLine(index === room - 1 && lines.length > room ? frame.layout(`${line.runs.map((r) => r.text).join('').slice(0, -2)}…`, SMALL, frame.contentWidth)[0] : line, frame.left, frame.y, SMALL);
    frame.y += height;
  });
}
