import { DEFAULT_TRANSPARENCY_SETTINGS } from './transparency-settings';
import { buildTransparencyReport, ReportCase } from './build-report';
import { csvField, csvLine, transparencyReportCsv } from './report-csv';

const aCase = (overrides: Partial<ReportCase>): ReportCase => ({
  id: 'c', requestType: 'court_order', receivedOn: '2026-02-10', status: 'fulfilled', decision: 'approve', decidedOn: '2026-02-12',
  production: { produced: 1, withheld: 0 }, narrowed: false, patrons: 2, emergency: false, gagged: false, fisaContents: false, ...overrides,
});

describe('CSV fields (RFC 4180, formula injection defused)', () => {
  it('writes null as an empty field and plain text and numbers as they are', () => {
    expect([csvField(null), csvField('Court order'), csvField(0), csvField(-3)]).toEqual(['', 'Court order', '0', '-3']);
  });

  it('quotes a field holding a quote, a comma or a line break, doubling its quotes', () => {
    expect([csvField('a,b'), csvField('say "no"'), csvField('one\ntwo'), csvField('one\rtwo')]).toEqual(['"a,b"', '"say ""no"""', '"one\ntwo"', '"one\rtwo"']);
  });

  it('prefixes a text a spreadsheet would run as a formula', () => {
    expect(['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx'].map(csvField)).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@cmd", "'\tx", "\"'\rx\""]);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('ends each line with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('transparencyReportCsv', () => {
  const H1 = { from: '2026-01-01', to: '2026-06-30' };
  const lines = (cases: ReportCase[], today: string, settings = DEFAULT_TRANSPARENCY_SETTINGS) =>
    transparencyReportCsv(buildTransparencyReport(cases, [{ caseId: 'c', placedOn: '2026-02-11', releasedOn: null }], { period: H1, today }, settings)).split('\r\n');

  it('writes every figure of the report, one per line', () => {
    const csv = lines([aCase({ emergency: true, narrowed: true })], '2027-01-15');
    expect(csv[0]).toBe('section,period,category,measure,value');
    const p = '2026-01-01..2026-06-30';
    expect(csv).toEqual(expect.arrayContaining([
      `requests,${p},court_order,received,1`, `requests,${p},court_order,produced_in_part,1`, `requests,${p},court_order,produced_in_full,0`, `requests,${p},court_order,patrons_affected,2`,
      `requests,${p},total,received,1`, `response_time,${p},decided,count,1`, `response_time,${p},decided,median_days,2`, `response_time,${p},decided,p90_days,2`,
      `response_time,${p},0–2 days,count,1`, `response_time,${p},over 30 days,count,0`, `preservation_holds,${p},all,placed,1`, `preservation_holds,${p},all,released,0`,
      `emergency_requests,${p},all,count,1`, `narrowed_by_counsel,${p},all,count,1`,
      `nondisclosure_orders,${p},all,requests,fewer than 10`,
      `national_security,${p},national_security_letters,requests,0-499`, `national_security,${p},fisa_contents,patrons_targeted,0-499`,
    ]));
    expect(csv[csv.length - 1]).toBe('');
  });

  it('writes no figure for a period not over, and says when a delayed figure may be published', () => {
    expect(lines([], '2026-06-30')).toEqual(expect.arrayContaining(['nondisclosure_orders,2026-01-01..2026-06-30,all,requests,period not over', 'national_security,2026-01-01..2026-06-30,all,requests,period not over']));
    expect(lines([], '2026-06-30').filter((line) => line.startsWith('national_security'))).toHaveLength(1);
    expect(lines([], '2027-01-15').filter((line) => line.endsWith('period not over'))).toEqual([]);
    expect(lines([], '2026-08-01')).toEqual(expect.arrayContaining(['national_security,2026-01-01..2026-06-30,fisa_contents,requests,not yet publishable (on 2026-12-27)', 'national_security,2026-01-01..2026-06-30,fisa_noncontents,patrons_targeted,not yet publishable (on 2026-12-27)']));
  });

  it('writes an exact nondisclosure count at or above the threshold', () => {
    const gagged = Array.from({ length: 2 }, (_, i) => aCase({ id: `g${i}`, gagged: true }));
    expect(lines(gagged, '2026-12-01', { ...DEFAULT_TRANSPARENCY_SETTINGS, gagThreshold: 2 })).toContain('nondisclosure_orders,2026-01-01..2026-06-30,all,requests,2');
  });
});
