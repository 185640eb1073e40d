import { once } from 'events';
import { Writable } from 'stream';
import { finished } from 'stream/promises';
import { BRANCHES, CITIES, FIRST_NAMES, RESOURCES, SEARCHES, SURNAMES, TITLES, kohaDateTime, pick, seededRandom, syntheticCardNumber } from './synthetic-data';

export interface KohaExportShape {
  patrons: number;
  loansPerPatron: number;
  /** Returned loans (old_issues) per patron. */
  returnedLoansPerPatron?: number;
  holdsPerPatron?: number;
  finesPerPatron?: number;
  searchesPerPatron?: number;
  sessionsPerPatron?: number;
  /** old_issues rows with borrowernumber NULL, as Koha leaves after anonymising history. */
  anonymisedLoans?: number;
  seed?: number;
  /** First day of the period rows are dated in (YYYY-MM-DD) and its length. */
  from?: string;
  days?: number;
}

export interface GeneratedExport {
  rows: number;
  rowsByTable: Record<string, number>;
  bytes: number;
}

type Row = Record<string, string | number | null>;
type RowMaker = (random: () => number, borrowernumber: number, serial: number) => Row;

const FLUSH_AT = 64 * 1024;

/**
 * Writes a synthetic Koha JSON export, one row per line, streaming with backpressure, then ends `out`.
 * Deterministic for a given shape and seed. Patron n has borrowernumber n and card syntheticCardNumber(n).
 */
export async function generateKohaExport(shape: KohaExportShape, out: Writable): Promise<GeneratedExport> {
  const start = new Date(`${shape.from ?? '2025-01-01'}T08:00:00Z`);
  const minutes = (shape.days ?? 365) * 24 * 60;
  const at = (random: () => number) => kohaDateTime(start, Math.floor(random() * minutes));
  const tables: [string, number, RowMaker][] = [
    ['borrowers', 1, (random, n) => borrower(random, n, at(random))],
    ['issues', shape.loansPerPatron, (random, n, serial) => loan(random, n, serial, at(random), false)],
    ['old_issues', shape.returnedLoansPerPatron ?? 0, (random, n, serial) => loan(random, n, serial, at(random), true)],
    ['reserves', shape.holdsPerPatron ?? 0, (random, n, serial) => hold(random, n, serial, at(random))],
    ['accountlines', shape.finesPerPatron ?? 0, (random, n, serial) => fine(random, n, serial, at(random))],
    ['search_history', shape.searchesPerPatron ?? 0, (random, n, serial) => search(random, n, serial, at(random))],
    ['sessions', shape.sessionsPerPatron ?? 0, (random, n, serial) => session(random, n, serial, at(random))],
  ];
  const writer = new BufferedWriter(out);
  const rowsByTable: Record<string, number> = {};
  await writer.write('{');
  for (const [index, [table, perPatron, makeRow]] of tables.entries()) {
    const random = seededRandom((shape.seed ?? 1) * 31 + index);
    const anonymised = table === 'old_issues' ? (shape.anonymisedLoans ?? 0) : 0;
    let serial = 0;
    const writeRow = (row: Row) => writer.write(`${serial === 1 ? '' : ','}\n${JSON.stringify(row)}`);
    await writer.write(`${index === 0 ? '' : ','}\n${JSON.stringify(table)}: [`);
    for (let n = 1; n <= shape.patrons; n++) {
      for (let k = 0; k < perPatron; k++) await writeRow(makeRow(random, n, ++serial));
    }
    for (let k = 0; k < anonymised; k++) await writeRow({ ...makeRow(random, 0, ++serial), borrowernumber: null });
    rowsByTable[table] = serial;
    await writer.write('\n]');
  }
  await writer.write('\n}\n');
  await writer.end();
  const rows = Object.values(rowsByTable).reduce((sum, count) => sum + count, 0);
  return { rows, rowsByTable, bytes: writer.bytes };
}

/** Gathers small writes into ~64 KiB pieces and waits for 'drain' when the stream asks it to. */
class BufferedWriter {
  bytes = 0;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_AT) await this.flush();
  }

  async end(): Promise<void> {
    await this.flush();
    this.out.end();
    await finished(this.out);
  }

  private async flush(): Promise<void> {
    const piece = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.bytes += piece.length;
    if (!this.out.write(piece)) await once(this.out, 'drain');
  }
}

function borrower(random: () => number, n: number, enrolled: string): Row {
  const surname = pick(random, SURNAMES);
  const firstname = pick(random, FIRST_NAMES);
  const birthYear = 1940 + Math.floor(random() * 70);
  return {
    borrowernumber: n,
    cardnumber: syntheticCardNumber(n),
    surname,
    firstname,
    dateofbirth: `${birthYear}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
    address: `${1 + Math.floor(random() * 9000)} Calle ${pick(random, SURNAMES)}`,
    city: pick(random, CITIES),
    state: 'CA',
    zipcode: '92260',
    email: `patron${n}@example.org`,
    phone: `760-555-${String(n % 10000).padStart(4, '0')}`,
    branchcode: pick(random, BRANCHES),
    categorycode: birthYear > 2008 ? 'CHILD' : 'ADULT',
    dateenrolled: enrolled.slice(0, 10),
    dateexpiry: kohaDateTime(new Date(`${enrolled.slice(0, 10)}T00:00:00Z`), 3 * 365 * 24 * 60).slice(0, 10),
    // some notes span lines and carry quotes, as staff notes do
    borrowernotes: random() < 0.1 ? `Prefers "large print".\nCall before ${pick(random, ['noon', '5pm'])}, please` : null,
    contactname: null,
    guarantorid: null,
  };
}

function loan(random: () => number, n: number, serial: number, issued: string, returned: boolean): Row {
  const issuedAt = new Date(`${issued.replace(' ', 'T')}Z`);
  return {
    issue_id: serial,
    borrowernumber: n,
    itemnumber: 1000 + Math.floor(random() * 50000),
    barcode: `3900${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    title: pick(random, TITLES),
    branchcode: pick(random, BRANCHES),
    issuedate: issued,
    date_due: kohaDateTime(issuedAt, 21 * 24 * 60),
    returndate: returned ? kohaDateTime(issuedAt, Math.floor(random() * 30 * 24 * 60)) : null,
    renewals_count: Math.floor(random() * 3),
    note: null,
  };
}

function hold(random: () => number, n: number, serial: number, placed: string): Row {
  return {
    reserve_id: serial,
    borrowernumber: n,
    reservedate: placed.slice(0, 10),
    biblionumber: 1 + Math.floor(random() * 20000),
    itemnumber: null,
    title: pick(random, TITLES),
    branchcode: pick(random, BRANCHES),
    priority: 1 + Math.floor(random() * 5),
    found: random() < 0.3 ? 'W' : null,
  };
}

function fine(random: () => number, n: number, serial: number, dated: string): Row {
  const amount = (5 + Math.floor(random() * 400)) / 100;
  return {
    accountlines_id: serial,
    borrowernumber: n,
    date: dated,
    amount,
    amountoutstanding: random() < 0.5 ? amount : 0,
    debit_type_code: pick(random, ['OVERDUE', 'LOST', 'PRINT']),
    description: pick(random, TITLES),
    note: null,
  };
}

function search(random: () => number, n: number, serial: number, when: string): Row {
  const query = pick(random, SEARCHES);
  return {
    id: serial,
    userid: n,
    sessionid: Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0').repeat(4),
    query_desc: `kw,wrd: ${query}`,
    query_cgi: `idx=kw&q=${encodeURIComponent(query)}`,
    type: 'biblio',
    total: Math.floor(random() * 500),
    time: when,
  };
}

function session(random: () => number, n: number, serial: number, started: string): Row {
  const { resource, resource_type } = pick(random, RESOURCES);
  return {
    session_id: `S${serial}`,
    cardnumber: syntheticCardNumber(n),
    resource,
    resource_type,
    session_start: started,
    session_end: kohaDateTime(new Date(`${started.replace(' ', 'T')}Z`), 15 + Math.floor(random() * 105)),
    branchcode: pick(random, BRANCHES),
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
