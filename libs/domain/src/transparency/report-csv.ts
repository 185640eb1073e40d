import { OUTCOMES, TransparencyReport } from './build-report';

/** One CSV field: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | number | null)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/**
 * The report as long-format CSV (section, period, category, measure, value): exactly the figures of the JSON
 * report, bands as "low-high" text, so nothing the JSON withholds can appear here.
 */
export function transparencyReportCsv(report: TransparencyReport): string {
  const period = `${report.period.from}..${report.period.to}`;
  const lines = [csvLine(['section', 'period', 'category', 'measure', 'value'])];
  for (const row of [...report.requests.rows, report.requests.total]) {
    lines.push(csvLine(['requests', period, row.requestType, 'received', row.received]));
    for (const outcome of OUTCOMES) lines.push(csvLine(['requests', period, row.requestType, outcome, row.outcomes[outcome]]));
    lines.push(csvLine(['requests', period, row.requestType, 'patrons_affected', row.patronsAffected]));
  }
  const times = report.responseTimes;
  lines.push(csvLine(['response_time', period, 'decided', 'count', times.decided]));
  lines.push(csvLine(['response_time', period, 'decided', 'median_days', times.medianDays]));
  lines.push(csvLine(['response_time', period, 'decided', 'p90_days', times.p90Days]));
  for (const bucket of times.buckets) lines.push(csvLine(['response_time', period, bucket.label, 'count', bucket.count]));
  lines.push(csvLine(['preservation_holds', period, 'all', 'placed', report.preservationHolds.placed]));
  lines.push(csvLine(['preservation_holds', period, 'all', 'released', report.preservationHolds.released]));
  lines.push(csvLine(['emergency_requests', period, 'all', 'count', report.emergencyRequests]));
  lines.push(csvLine(['narrowed_by_counsel', period, 'all', 'count', report.narrowedByCounsel]));
  for (const unit of report.nondisclosureOrders.periods) {
    const value = unit.status !== 'reported' ? 'period not over' : unit.figures.count ?? `fewer than ${unit.figures.fewerThan}`;
    lines.push(csvLine(['nondisclosure_orders', `${unit.from}..${unit.to}`, 'all', 'requests', value]));
  }
  for (const unit of report.nationalSecurity.periods) {
    if (unit.status !== 'reported') lines.push(csvLine(['national_security', `${unit.from}..${unit.to}`, 'all', 'requests', 'period not over']));
    for (const figure of unit.figures) {
      const withheld = `not yet publishable (on ${figure.availableOn})`;
      lines.push(csvLine(['national_security', `${unit.from}..${unit.to}`, figure.key, 'requests', figure.requests?.band ?? withheld]));
      lines.push(csvLine(['national_security', `${unit.from}..${unit.to}`, figure.key, 'patrons_targeted', figure.patronsTargeted?.band ?? withheld]));
    }
  }
  return lines.join('');
}

