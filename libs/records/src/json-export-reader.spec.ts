import { ExportEvent } from './export-events';
import { MAX_JSON_VALUE_CHARACTERS } from './json-export-assembler';
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

  it('flattens nested objects into dotted columns (REST embeds), names skipped lists, and reports repeated columns', async () => {
    const events = await read('{"issues": [\n{"item": {"external_id": "3900", "biblio": {"title": "T", "x": {"deep": 1}}}, "note": "x", "note": "y", "title": [1]},\n{"note": "ok"}]}');
    expect(rows(events)).toEqual([
      {
        table: 'issues',
        row: 1,
        line: 2,
        values: { 'item.external_id': '3900', 'item.biblio.title': 'T', note: 'y' },
        problems: [{ field: 'note', message: 'the column appears twice in the row' }],
      },
      { table: 'issues', row: 2, line: 3, values: { note: 'ok' }, problems: [] },
    ]);
    expect(events.flatMap((e) => (e.kind === 'row' ? [e.skipped] : []))).toEqual([['item.biblio.x', 'title'], []]);
  });

  it('reads a bare list of rows (a saved REST response) as the table it is named for', async () => {
    const events: ExportEvent[] = [];
    for await (const event of readJsonExport(sourceOf('[{"patron_id": 1}, {"patron_id": 2}]', 3)(), 'patrons')) events.push(event);
    expect(rows(events).map((r) => [r.table, r.values.patron_id])).toEqual([
      ['patrons', '1'],
      ['patrons', '2'],
    ]);
    expect(problems(events)).toEqual([]);
  });

  it('refuses a huge single value with a clear error, holding no more than the limit', async () => {
    const huge = 'x'.repeat(MAX_JSON_VALUE_CHARACTERS + 10);
    const events = await read(`{"borrowers": [{"surname": "${huge}"}], "issues": [{"note": 1}]}`, 65536);
    expect(rows(events)[0].problems).toEqual([{ field: 'surname', message: expect.stringContaining(`longer than ${MAX_JSON_VALUE_CHARACTERS} characters`) }]);
    expect(rows(events)[0].values).toEqual({});
    const key = await read(`{"${'k'.repeat(5000)}": []}`, 65536);
    expect(problems(key)).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('a name longer than 1000 characters') })]);
    const top = await read(`{"borrowers": "${huge}"}`, 65536);
    expect(problems(top)).toEqual([expect.objectContaining({ message: expect.stringContaining('a value longer than') })]);
  });

  it('reports rows that are not objects and tables that are not arrays', async () => {
    const events = await read('{"issues": [1, [2], {"note": "x"}],\n"reserves": {"a": 1}, "borrowers": []}');
    expect(problems(events)).toEqual([
      { table: 'issues', row: 1, line: 1, field: null, message: 'a row must be an object of column names and values' },
      { table: 'issues', row: 2, line: 1, field: null, message: 'a row must be an object of column names and values' },
    ]);
    // the normaliser decides: a known table that is not a list is an error, an unknown name ("balance") a warning
    expect(events).toContainEqual({ kind: 'table', table: 'reserves', line: 2, notATable: true });
    expect(rows(events).map((r) => r.row)).toEqual([3]);
  });

  it('stops at a syntax error with its line', async () => {
    const events = await read('{"borrowers": [\n{"borrowernumber": 1},\n{"borrowernumber": 2,,}\n]}');
    expect(rows(events)).toHaveLength(1);
    expect(problems(events)).toEqual([{ table: null, row: null, line: 3, field: null, message: 'not valid JSON: parser cannot parse input: expected an object key' }]);
  });

  it.each([
    ['[]', 1, 'expected a JSON object keyed by Koha table names'],
    ['{"borrowers": [\n{"borrowernumber": 1}', 2, 'the JSON ends before its top-level value closes'],
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

describe('readJsonExport memory', () => {
  it('refuses a 64 MB single value without holding it', async () => {
    const size = 64 * 1024 * 1024;
    async function* huge(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"borrowers": [{"borrowernumber": 1, "surname": "');
      const block = Buffer.alloc(1024 * 1024, 'x');
      for (let sent = 0; sent < size; sent += block.length) yield block;
      yield Buffer.from('"}]}');
    }
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const events: ExportEvent[] = [];
    for await (const event of readJsonExport(huge())) {
      events.push(event);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const rowsRead = events.filter((e) => e.kind === 'row');
    expect(rowsRead).toHaveLength(1);
    expect(rowsRead[0].kind === 'row' && rowsRead[0].problems).toEqual([{ field: 'surname', message: expect.stringContaining(`longer than ${MAX_JSON_VALUE_CHARACTERS} characters (${size})`) }]);
    // far less than the value itself: chunks pass through, at most the limit is kept
    expect(peak - before).toBeLessThan(size / 2);
  }, 120_000);
});
