import { readCsvExport } from './csv-export-reader';
import { ExportEvent } from './export-events';
import { sourceOf } from './testing/export-fixtures';

async function read(content: string | Buffer, chunkSize = 4): Promise<ExportEvent[]> {
  const events: ExportEvent[] = [];
  for await (const event of readCsvExport(sourceOf(content, chunkSize)(), 'issues')) events.push(event);
  return events;
}

const rows = (events: ExportEvent[]) => events.flatMap((e) => (e.kind === 'row' ? [{ row: e.row, line: e.line, values: Object.fromEntries(e.values), problems: e.problems }] : []));
const problems = (events: ExportEvent[]) => events.flatMap((e) => (e.kind === 'problem' ? [e.issue] : []));

describe('readCsvExport', () => {
  it('reads the header as the table columns and each row with its physical line', async () => {
    const text = '\uFEFFissue_id, borrowernumber ,note\n1,7,plain\n2,,"two\nlines"\n\n3,8,"say ""hi"", twice"\n';
    const events = await read(text);
    expect(events[0]).toEqual({ kind: 'table', table: 'issues', line: 1, columns: ['issue_id', 'borrowernumber', 'note'] });
    expect(rows(events)).toEqual([
      { row: 1, line: 2, values: { issue_id: '1', borrowernumber: '7', note: 'plain' }, problems: [] },
      { row: 2, line: 3, values: { issue_id: '2', borrowernumber: '', note: 'two\nlines' }, problems: [] },
      { row: 3, line: 6, values: { issue_id: '3', borrowernumber: '8', note: 'say "hi", twice' }, problems: [] },
    ]);
  });

  it('counts lines right with CRLF, also inside quoted values, and skips lines of bare commas', async () => {
    const text = 'issue_id,note\r\n1,"a\r\nb\r\nc"\r\n,\r\n\r\n2,x\r\n,,\r\n3,y';
    expect(rows(await read(text)).map(({ row, line, values }) => ({ row, line, note: values.note }))).toEqual([
      { row: 1, line: 2, note: 'a\r\nb\r\nc' },
      { row: 2, line: 7, note: 'x' },
      { row: 3, line: 9, note: 'y' },
    ]);
  });

  it('reports a row with too few or too many values and reads on', async () => {
    const events = await read('issue_id,note\n1\n2,x,extra\n3,z\n');
    expect(rows(events)).toEqual([
      { row: 1, line: 2, values: { issue_id: '1' }, problems: [{ field: null, message: expect.stringMatching(/^the row has 1 values but the header names 2 columns \(read as comma-separated/) }] },
      { row: 2, line: 3, values: { issue_id: '2', note: 'x' }, problems: [{ field: null, message: expect.stringMatching(/^the row has 3 values but the header names 2 columns/) }] },
      { row: 3, line: 4, values: { issue_id: '3', note: 'z' }, problems: [] },
    ]);
  });

  it('reports empty and repeated header names', async () => {
    expect(problems(await read('note,,note\n1,2,3\n'))).toEqual([
      { table: 'issues', row: null, line: 1, field: null, message: 'header column 2 has no name' },
      { table: 'issues', row: null, line: 1, field: 'note', message: 'the column appears twice in the header' },
    ]);
  });

  it('stops at broken quoting with the line of the broken row, without quoting the value', async () => {
    const events = await read('issue_id,note\n1,ok\n2,"secret name\n3,x\n');
    expect(rows(events)).toHaveLength(1);
    expect(problems(events)).toEqual([{ table: 'issues', row: null, line: 3, field: null, message: 'not valid CSV (read as comma-separated): a quoted value is never closed' }]);
    const misquoted = problems(await read('issue_id,note\n1,"a"b\n'));
    expect(misquoted).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('closing quote') })]);
    expect(JSON.stringify(misquoted)).not.toContain('"a"');
  });

  it('reports an empty file', async () => {
    expect(problems(await read(''))).toEqual([expect.objectContaining({ table: 'issues', message: expect.stringContaining('the file is empty') })]);
  });

  it('refuses a Windows-1252 file, naming the line of the first bad byte', async () => {
    const latin1 = Buffer.concat([Buffer.from('issue_id,note\n1,ok\n2,Garc'), Buffer.from([0xed]), Buffer.from('a\n')]);
    expect(problems(await read(latin1, 64))).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('not UTF-8') })]);
  });
});
