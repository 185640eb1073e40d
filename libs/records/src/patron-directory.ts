import { FieldValue } from './column-values';
import { ImportIssue, RowLocation } from './import-issues';
import { TableSchema } from './koha-schema';

/** Koha borrowernumber → card number. Scope is by card number; most tables only carry the borrowernumber. */
export type PatronCardMap = ReadonlyMap<number, string>;

export interface PatronReference {
  borrowernumber: number | null;
  cardnumber: string | null;
}

export function patronReference(schema: TableSchema, fields: Record<string, FieldValue>): PatronReference {
  const when = schema.attributableWhen;
  if (when && !when.values.includes(String(fields[when.column] ?? ''))) return { borrowernumber: null, cardnumber: null };
  const borrowernumber = schema.borrowerColumn ? fields[schema.borrowerColumn] : null;
  const cardnumber = schema.cardColumn ? fields[schema.cardColumn] : null;
  return {
    borrowernumber: typeof borrowernumber === 'number' ? borrowernumber : null,
    cardnumber: typeof cardnumber === 'string' ? cardnumber : null,
  };
}

/** Who the records of an export (and of the case it joins) belong to. */
export interface PatronDirectory {
  cards: PatronCardMap;
  /** Borrowernumbers that stand for no one: Koha's AnonymousPatron (configured or detected). */
  anonymous: ReadonlySet<number>;
}

/**
 * The card number a row pertains to, or null when it is not attributable: anonymised history (NULL borrowernumber,
 * or the AnonymousPatron's), a row whose patron is not known (yet), or a table row that names no patron.
 */
export function cardNumberFor(reference: PatronReference, directory: PatronDirectory): string | null {
  if (reference.borrowernumber !== null && directory.anonymous.has(reference.borrowernumber)) return null;
  const viaBorrower = reference.borrowernumber === null ? undefined : directory.cards.get(reference.borrowernumber);
  return viaBorrower ?? reference.cardnumber;
}

/** Koha's documentation has libraries create the AnonymousPatron as a patron named "Anonymous". */
const ANONYMOUS_NAME = /^\s*anonymous(\s+patron)?\s*$/i;

export function looksAnonymous(fields: Record<string, FieldValue>): boolean {
  return ANONYMOUS_NAME.test(String(fields.surname ?? '')) || (ANONYMOUS_NAME.test(String(fields.firstname ?? '')) && !fields.surname);
}

interface Reference {
  card: string | null;
  at: RowLocation;
  field: string;
  rows: number;
}

/** Rows whose patron is not (yet) known: imported unattributed, re-checked when the borrowers arrive. */
export interface PendingPatrons {
  rows: number;
  borrowernumbers: number;
}

/*
 * Messages name borrowernumbers (Koha's internal keys, needed to fix the file) but never card numbers.
 */

/**
 * Built during validation: learns cards from borrowers rows, and remembers each borrowernumber other rows
 * refer to (once, with where it was first seen) so that after the whole export has been read, every
 * reference can be checked, whichever order the tables came in. Memory grows with patrons, not rows.
 */
export class PatronDirectoryBuilder {
  private readonly cards = new Map<number, string>();
  private readonly owners = new Map<string, number>();
  private readonly references = new Map<number, Reference>();
  private readonly anonymous: Set<number>;

  constructor(
    private readonly known: PatronCardMap = new Map(),
    anonymous: Iterable<number> = [],
  ) {
    this.anonymous = new Set(anonymous);
  }

  /** A borrowernumber Koha's AnonymousPatron preference names (from a systempreferences row or a patron named so). */
  addAnonymous(borrowernumber: number): void {
    this.anonymous.add(borrowernumber);
  }

  addBorrower(reference: PatronReference, at: RowLocation): ImportIssue | null {
    const { borrowernumber, cardnumber } = reference;
    if (borrowernumber === null || cardnumber === null) return null; // not attributable by card; nothing to link
    const card = this.cards.get(borrowernumber);
    if (card !== undefined && card !== cardnumber) {
      return { ...at, field: 'cardnumber', message: `borrowernumber ${borrowernumber} appears again with a different card number` };
    }
    const owner = this.owners.get(cardnumber);
    if (owner !== undefined && owner !== borrowernumber) {
      return { ...at, field: 'cardnumber', message: `the card number also belongs to borrowernumber ${owner}` };
    }
    this.cards.set(borrowernumber, cardnumber);
    this.owners.set(cardnumber, borrowernumber);
    return null;
  }

  addReference(schema: TableSchema, reference: PatronReference, at: RowLocation): ImportIssue | null {
    const { borrowernumber, cardnumber } = reference;
    if (borrowernumber === null || schema.borrowerColumn === null) return null;
    const seen = this.references.get(borrowernumber);
    if (!seen) {
      this.references.set(borrowernumber, { card: cardnumber, at, field: schema.borrowerColumn, rows: 1 });
      return null;
    }
    seen.rows++;
    if (cardnumber === null) return null;
    if (seen.card === null) seen.card = cardnumber;
    else if (seen.card !== cardnumber) {
      return { ...at, field: schema.cardColumn, message: `borrowernumber ${borrowernumber} has a different card number in ${seen.at.table} row ${seen.at.row}` };
    }
    return null;
  }

  /** Checks every reference against the borrowers rows and the known patrons; the export wins over what was known. */
  finish(): { directory: PatronDirectory; issues: ImportIssue[]; pending: PendingPatrons; pendingExample: Reference | null } {
    const cards = new Map(this.known);
    for (const [borrowernumber, card] of this.cards) cards.set(borrowernumber, card);
    for (const borrowernumber of this.anonymous) cards.delete(borrowernumber);
    const issues: ImportIssue[] = [];
    const pending: PendingPatrons = { rows: 0, borrowernumbers: 0 };
    let pendingExample: Reference | null = null;
    for (const [borrowernumber, reference] of this.references) {
      if (this.anonymous.has(borrowernumber)) continue;
      const card = cards.get(borrowernumber);
      if (card === undefined && reference.card === null) {
        pending.rows += reference.rows;
        pending.borrowernumbers++;
        pendingExample ??= reference;
      } else if (card !== undefined && reference.card !== null && card !== reference.card) {
        issues.push({ ...reference.at, field: 'cardnumber', message: `the card number differs from the borrowers row of borrowernumber ${borrowernumber}` });
      }
    }
    return { directory: { cards, anonymous: new Set(this.anonymous) }, issues, pending, pendingExample };
  }
}
