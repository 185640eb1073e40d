import { PassThrough } from 'node:stream';
import { generateKohaExport } from '@custodian/records';
/** A small, readable Koha export: two patrons with loans and holds, so tests can name what must and must not appear. */
export const PATRON_IN_SCOPE = { borrowernumber: 101, cardnumber: '23000000012345', surname: 'Nguyễn', firstname: 'Thảo', email: 'thao.nguyen@example.net', phone: '760-555-0142', dateofbirth: '1984-02-29', borrowernotes: 'Asked about immigration forms' };
export const OTHER_PATRON = { borrowernumber: 102, cardnumber: '23000000099999', surname: "O'Connor-Ibáñez", firstname: 'Siobhán', email: 'siobhan@example.net', phone: '760-555-0199', dateofbirth: '1990-07-14', borrowernotes: '' };

export function kohaExport(): string {
  const borrowers = [PATRON_IN_SCOPE, OTHER_PATRON].map((p) => ({ ...p, address: '73-400 Fred Waring Dr', city: 'Palm Desert', zipcode: '92260', branchcode: 'PDL', categorycode: 'ADULT', dateenrolled: '2020-01-10' }));
  const issues = [
    { issue_id: 1, borrowernumber: 101, itemnumber: 5001, branchcode: 'PDL', issuedate: '2026-03-04 10:12:00', date_due: '2026-03-25', title: 'Gardening in the Desert' },
    { issue_id: 2, borrowernumber: 101, itemnumber: 5002, branchcode: 'PDL', issuedate: '2025-12-01 09:00:00', date_due: '2025-12-22', title: 'Outside the Date Range' },
    { issue_id: 3, borrowernumber: 102, itemnumber: 5003, branchcode: 'PDL', issuedate: '2026-04-02 15:30:00', date_due: '2026-04-23', title: 'Another Patron’s Novel' },
  ];
  const reserves = [{ reserve_id: 9, borrowernumber: 101, reservedate: '2026-05-05', biblionumber: 77, branchcode: 'PDL', title: 'Hold Not Requested' }];
  return JSON.stringify({ borrowers, issues, reserves }, null, 1);
}

/** A generated Koha export big enough that a worker can be caught rendering it: 3 patrons × 4,000 loans. */
export async function largeKohaExport(seed: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await generateKohaExport({ patrons: 3, loansPerPatron: 4000, seed, from: '2026-01-01', days: 200 }, out);
  return Buffer.concat(chunks);
}
