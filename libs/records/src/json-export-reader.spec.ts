import { ExportEvent } from './export-events';
import { readJsonExport } from './json-export-reader';
import { sourceOf } from './testing/export-fixtures';

async function read(content: string | Buffer, chunkSize = 5): Promise<ExportEvent[]> {
  const events: ExportEvent[] = [];
  for await (const event of readJsonExport(sourceOf(content, chunkSize)())) events.push(event);
  return events;
}

const rows = (events: ExportEvent[]) =>
  events.flatMap((e) => (e.kind === 'row' ? [{ table: e.table, row: e.row, line: e.line, values: Object.fromEntries(e.values), problems: e.problems }] : []));
const problems = (events: ExportEvent[]) => events.flatMap((e) => (e.kind === 'problem' ? [e.issue] : []));

describe('readJsonExport', () => {
  it('yields tables and rows with the line each row starts on', async () => {
    const text = ['{', '  "borrowers": [', '    {"borrowernumber": 1,', '     "cardnumber": 23000000012345},', '    {"borrowernumber": 2, "surname": "O\'Brien"}', '  ],', '  "issues": [{"borrowernumber": null, "note": true}]', '}'].join('\n');
    const events = await read(text);
    expect(events.filter((e) => e.kind === 'table')).toEqual([
      { kind: 'table', table: 'borrowers', line: 2 },
      { kind: 'table', table: 'issues', line: 7 },
    ]);
    expect(rows(events)).toEqual([
      // numbers keep their literal text: a 14-digit card number survives
      { table: 'borrowers', row: 1, line: 3, values: { borrowernumber: '1', cardnumber: '23000000012345' }, problems: [] },
      { table: 'borrowers', row: 2, line: 5, values: { borrowernumber: '2', surname: "O'Brien" }, problems: [] },
      { table: 'issues', row: 1, line: 7, values: { borrowernumber: null, note: true }, problems: [] },
    ]);
    expect(problems(events)).toEqual([]);
  });

  it('decodes UTF-8 split across chunks and drops a byte-order mark', async () => {
    const events = await read('\uFEFF{"borrowers": [{"surname": "李 Nguyễn-Đặng"}]}', 1);
    expect(rows(events)[0].values).toEqual({ surname: '李 Nguyễn-Đặng' });
  });

  it('reports nested values and repeated columns as problems of the row, and reads on', async () => {
    const events = await read('{"issues": [\n{"note": {"a": [1, {"b": 2}]}, "note": "x", "title": [1]},\n{"note": "ok"}]}');
    expect(rows(events)).toEqual([
      {
        table: 'issues',
        row: 1,
        line: 2,
        values: { note: 'x' },
        problems: [
          { field: 'note', message: 'expected a single value, got a nested object or list' },
          { field: 'note', message: 'the column appears twice in the row' },
          { field: 'title', message: 'expected a single value, got a nested object or list' },
        ],
      },
      { table: 'issues', row: 2, line: 3, values: { note: 'ok' }, problems: [] },
    ]);
  });

  it('reports rows that are not objects and tables that are not arrays', async () => {
    const events = await read('{"issues": [1, [2], {"note": "x"}],\n"reserves": {"a": 1}, "borrowers": []}');
    expect(problems(events)).toEqual([
      { table: 'issues', row: 1, line: 1, field: null, message: 'a row must be an object of column names and values' },
      { table: 'issues', row: 2, line: 1, field: null, message: 'a row must be an object of column names and values' },
      { table: 'reserves', row: null, line: 2, field: null, message: 'table "reserves" must be an array of row objects' },
    ]);
    expect(rows(events).map((r) => r.row)).toEqual([3]);
  });

  it('stops at a syntax error with its line', async () => {
    const events = await read('{"borrowers": [\n{"borrowernumber": 1},\n{"borrowernumber": 2,,}\n]}');
    expect(rows(events)).toHaveLength(1);
    expect(problems(events)).toEqual([{ table: null, row: null, line: 3, field: null, message: 'not valid JSON: parser cannot parse input: expected an object key' }]);
  });

  it.each([
    ['[]', 1, 'expected a JSON object keyed by Koha table names'],
    ['{"borrowers": [\n{"borrowernumber": 1}', 2, 'the JSON ends before its top-level object closes'],
    ['', null, 'the file is empty'],
    ['{} {}', 1, 'not valid JSON'],
  ])('reports a file shaped wrongly: %j', async (text, line, message) => {
    const [problem] = problems(await read(text));
    expect(problem.line).toBe(line);
    expect(problem.message).toContain(message);
  });

  it('refuses bytes that are not UTF-8, with the line', async () => {
    const latin1 = Buffer.concat([Buffer.from('{"borrowers": [\n{"surname": "Garc'), Buffer.from([0xed]), Buffer.from('a"}]}')]);
    expect(problems(await read(latin1, 100))).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('not UTF-8') })]);
  });
});
