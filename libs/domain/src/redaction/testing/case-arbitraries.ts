/*
 * Test support (fast-check): random patrons, their loans, holds, fines, searches and sessions, and random
 * scopes. Not exported from the library. Every generated value of three characters or more is unique in a case
 * (a serial number is woven into it), so "this withheld value also appears among the produced values" can only
 * happen through a redaction bug, never by coincidence. Names come from pools in several scripts, none of which
 * contains another after normalisation.
 */
import fc from 'fast-check';
import { RECORD_TYPES, RecordType } from '../../request-types';
import { ResponsiveRecord } from '../../responsive-record';
import { CaseScope } from '../../scope';
import { RedactionOptions } from '../redaction-options';

export const PATRON_NAMES = [
  'Zoë', 'Łukasz', 'José', 'Núñez', 'Søren', 'Çağlar', 'Đặng', 'Nguyễn', "O'Brien", 'D’Angelo', 'Jean-Luc',
  'Müller-Lüdenscheidt', 'Ólafsdóttir', 'Šťastný', 'Dvořák', 'Ștefănescu', 'Őrsi', 'Brontë', 'Françoise',
  'Дмитрий', 'Ёлкина', 'Чайковская', 'Олександр', 'Їжакевич', 'Ελένη', 'Παπαδόπουλος', 'Γιώργος', 'Σωκράτης',
  '王小明', '李娜', '張偉', '山田太郎', '佐藤花子', 'ひなた', 'カタカナ', 'Ngũgĩ', 'Kowalczyk-Wójcik', 'Ahmadzai',
];
export const OTHER_PEOPLE = ['Bartholomew Quince', 'Ксения Вербицкая', 'Αναστασία Ζερβού', '陈静怡', 'Marie-Hélène Côté', 'Þórunn Hákonardóttir'];
const TITLES = ['Le Petit Prince', 'Преступление и наказание', 'Η Οδύσσεια', '三体', 'ノルウェイの森', 'Cien años de soledad', 'Łódź w XIX wieku', 'Über Gärten'];
const TOPICS = ['bankruptcy law', 'immigration forms', 'Ψυχολογία', 'налоги', '移民', 'divorce', 'firearms'];

export const WINDOW_START = '2025-10-01';
const WINDOW_DAYS = 180;

export interface GeneratedCase {
  scope: CaseScope;
  options: RedactionOptions;
  records: ResponsiveRecord[];
}

interface RowSpec {
  day: number;
  withNote: boolean;
  withUnlistedField: boolean;
}

interface PatronSpec {
  rows: Record<Exclude<RecordType, 'patron'>, RowSpec[]>;
  withGuarantor: boolean;
  withStaffNote: boolean;
  named: boolean;
}

export function caseArbitrary(limits: { maxPatrons?: number; maxRowsPerType?: number } = {}): fc.Arbitrary<GeneratedCase> {
  const maxPatrons = limits.maxPatrons ?? 4;
  const rows = fc.array(fc.record({ day: fc.integer({ min: 0, max: WINDOW_DAYS - 1 }), withNote: fc.boolean(), withUnlistedField: fc.integer({ min: 0, max: 7 }).map((roll) => roll === 0) }), {
    maxLength: limits.maxRowsPerType ?? 4,
  });
  const patron = fc.record({
    rows: fc.record({ loans: rows, holds: rows, fines: rows, searches: rows, sessions: rows }),
    withGuarantor: fc.boolean(),
    withStaffNote: fc.boolean(),
    named: fc.boolean(),
  });
  return fc.integer({ min: 1, max: maxPatrons }).chain((count) =>
    fc
      .record({
        patrons: fc.array(patron, { minLength: count, maxLength: count }),
        names: fc.uniqueArray(fc.integer({ min: 0, max: PATRON_NAMES.length - 1 }), { minLength: 2 * count, maxLength: 2 * count }),
        others: fc.uniqueArray(fc.integer({ min: 0, max: OTHER_PEOPLE.length - 1 }), { minLength: count, maxLength: count }),
        range: fc.tuple(fc.integer({ min: 0, max: WINDOW_DAYS - 1 }), fc.integer({ min: 0, max: WINDOW_DAYS - 1 })),
        recordTypes: fc.subarray([...RECORD_TYPES], { minLength: 1 }),
        includeContactDetails: fc.boolean(),
        anonymised: rows,
      })
      .map(buildCase),
  );
}

function buildCase(spec: {
  patrons: PatronSpec[];
  names: number[];
  others: number[];
  range: [number, number];
  recordTypes: RecordType[];
  includeContactDetails: boolean;
  anonymised: RowSpec[];
}): GeneratedCase {
  let serial = 0;
  const next = () => ++serial;
  const cards = spec.patrons.map((_, index) => `23000000${String(index + 1).padStart(6, '0')}`);
  const records: ResponsiveRecord[] = [];
  spec.patrons.forEach((patron, index) => records.push(borrowerRow(index, cards[index], spec, patron, next())));
  for (const recordType of ['loans', 'holds', 'fines', 'searches', 'sessions'] as const) {
    spec.patrons.forEach((patron, index) => {
      for (const row of patron.rows[recordType]) records.push(activityRow(recordType, { card: cards[index], borrowernumber: 9000000 + index }, row, next()));
    });
  }
  for (const row of spec.anonymised) records.push(activityRow('loans', null, row, next()));
  const [first, second] = spec.range;
  return {
    scope: {
      cardNumbers: cards.filter((_, index) => spec.patrons[index].named),
      from: dayAfterStart(Math.min(first, second)),
      to: dayAfterStart(Math.max(first, second)),
      recordTypes: spec.recordTypes,
      includeContactDetails: spec.includeContactDetails,
    },
    options: {},
    records,
  };
}

function borrowerRow(index: number, card: string, spec: { names: number[]; others: number[] }, patron: PatronSpec, serial: number): ResponsiveRecord {
  return {
    recordType: 'patron',
    sourceTable: 'borrowers',
    cardNumber: card,
    occurredAt: null,
    fields: {
      borrowernumber: 9000000 + index,
      cardnumber: card,
      surname: PATRON_NAMES[spec.names[2 * index]],
      firstname: PATRON_NAMES[spec.names[2 * index + 1]],
      dateofbirth: `${1950 + 7 * index}-0${1 + (index % 9)}-1${index % 9}`,
      address: `${100 + serial} Calle Ñandú (${serial})`,
      city: `Palm Desert (${serial})`,
      email: `reader${serial}@example.org`,
      phone: `760-555-${String(1000 + serial).padStart(4, '0')}`,
      branchcode: `Main (${serial})`,
      categorycode: `ADULT-${serial}`,
      dateenrolled: stamp(-400 - index, serial),
      dateexpiry: stamp(800 + index, serial),
      borrowernotes: patron.withStaffNote ? `Staff note (${serial}): asked about interlibrary loans` : null,
      contactname: patron.withGuarantor ? OTHER_PEOPLE[spec.others[index]] : null,
      userid: `login-${serial}`,
    },
  };
}

function activityRow(recordType: Exclude<RecordType, 'patron'>, patron: { card: string; borrowernumber: number } | null, row: RowSpec, serial: number): ResponsiveRecord {
  const when = stamp(row.day, serial);
  const title = `${TITLES[serial % TITLES.length]} (${serial})`;
  const note = row.withNote ? `Note (${serial}): patron asked for privacy` : null;
  const extra: Record<string, string> = row.withUnlistedField ? { local_flag: `Local flag (${serial})` } : {};
  const who: Record<string, string | number | null> = { borrowernumber: patron?.borrowernumber ?? null, ...(patron ? { cardnumber: patron.card } : {}) };
  const base = { recordType, cardNumber: patron?.card ?? null, occurredAt: when };
  switch (recordType) {
    case 'loans':
      return { ...base, sourceTable: 'old_issues', fields: { issue_id: 8000000 + serial, ...who, itemnumber: 1000000 + serial, title, issuedate: when, date_due: stamp(row.day + 21, serial), returndate: stamp(row.day + 10, serial), note, timestamp: stamp(row.day + 11, serial), ...extra } };
    case 'holds':
      return { ...base, sourceTable: 'reserves', fields: { reserve_id: 7000000 + serial, ...who, reservedate: when, title, branchcode: `Main (${serial})`, expirationdate: stamp(row.day + 30, serial), reservenotes: note, ...extra } };
    case 'fines':
      return { ...base, sourceTable: 'accountlines', fields: { accountlines_id: 5000000 + serial, ...who, date: when, amount: `${serial}.75`, description: `Overdue: ${title}`, debit_type_code: `OVERDUE-${serial}`, note, ...extra } };
    case 'searches':
      return { ...base, sourceTable: 'search_history', fields: { id: 4000000 + serial, userid: patron?.borrowernumber ?? null, ...(patron ? { cardnumber: patron.card } : {}) as Record<string, string>, time: when, query_desc: `kw,wrdl: ${TOPICS[serial % TOPICS.length]} (${serial})`, query_cgi: `q=topic${serial}`, total: 100000 + serial, ...extra } };
    case 'sessions':
      return { ...base, sourceTable: 'sessions', fields: { session_id: `S-${serial}-x`, ...who, resource: `PC-${serial} (Main)`, session_start: when, session_end: stamp(row.day, serial, 11), ...extra } };
  }
}

function dayAfterStart(days: number): string {
  return new Date(Date.parse(`${WINDOW_START}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

/** A date-time `days` after the window start whose minutes and seconds encode the serial, so it is unique. */
function stamp(days: number, serial: number, hour = 9): string {
  const seconds = serial % 3600;
  const time = `${String(hour).padStart(2, '0')}:${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return `${dayAfterStart(days)}T${time}`;
}
