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
  const borrowernumber = schema.borrowerColumn ? fields[schema.borrowerColumn] : null;
  const cardnumber = schema.cardColumn ? fields[schema.cardColumn] : null;
  return {
    borrowernumber: typeof borrowernumber === 'number' ? borrowernumber : null,
    cardnumber: typeof cardnumber === 'string' ? cardnumber : null,
  };
}

/**
 * The card number a row pertains to: its borrowernumber's card when known, else a card number the row
 * carries itself; null for anonymised history (no borrowernumber, no card).
 */
export function cardNumberFor(reference: PatronReference, cards: PatronCardMap): string | null {
  const viaBorrower = reference.borrowernumber === null ? undefined : cards.get(reference.borrowernumber);
  return viaBorrower ?? reference.cardnumber;
}

interface Reference {
  card: string | null;
  at: RowLocation;
  field: string;
  rows: number;
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

  constructor(private readonly known: PatronCardMap = new Map()) {}

  addBorrower(reference: PatronReference, at: RowLocation): ImportIssue | null {
    const { borrowernumber, cardnumber } = reference;
    if (borrowernumber === null || cardnumber === null) return null; // already reported as required values
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
  finish(): { cards: PatronCardMap; issues: ImportIssue[] } {
    const cards = new Map(this.known);
    for (const [borrowernumber, card] of this.cards) cards.set(borrowernumber, card);
    const issues: ImportIssue[] = [];
    for (const [borrowernumber, reference] of this.references) {
      const card = cards.get(borrowernumber);
      if (card === undefined && reference.card === null) {
        const rows = reference.rows === 1 ? '1 row refers' : `${reference.rows} rows refer`;
        issues.push({ ...reference.at, field: reference.field, message: `borrowernumber ${borrowernumber} has no borrowers row in this export and is not a known patron (${rows} to it)` });
      } else if (card !== undefined && reference.card !== null && card !== reference.card) {
        issues.push({ ...reference.at, field: 'cardnumber', message: `the card number differs from the borrowers row of borrowernumber ${borrowernumber}` });
      }
    }
    return { cards, issues };
  }
}
