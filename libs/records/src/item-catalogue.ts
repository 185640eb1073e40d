import { FieldValue } from './column-values';

/** What a production needs to say what was borrowed; copied into loans, holds and fines that lack it. */
export const ITEM_DESCRIPTION_FIELDS = ['title', 'author', 'barcode', 'itemcallnumber'] as const;

interface ItemEntry {
  barcode: string | null;
  itemcallnumber: string | null;
  biblionumber: number | null;
}

interface BiblioEntry {
  title: string | null;
  author: string | null;
}

const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);
const number = (value: FieldValue | undefined) => (typeof value === 'number' ? value : null);

/**
 * Koha's items and biblio rows of one upload, by itemnumber and biblionumber, so that a loan that carries only its
 * itemnumber prints the title, author, barcode and call number. Memory grows with the items in the export.
 */
export class ItemCatalogue {
  private readonly items = new Map<number, ItemEntry>();
  private readonly biblios = new Map<number, BiblioEntry>();

  get size(): number {
    return this.items.size + this.biblios.size;
  }

  add(table: string, fields: Record<string, FieldValue>): void {
    if (table === 'items' && typeof fields.itemnumber === 'number') {
      this.items.set(fields.itemnumber, { barcode: text(fields.barcode), itemcallnumber: text(fields.itemcallnumber), biblionumber: number(fields.biblionumber) });
    } else if (table === 'biblio' && typeof fields.biblionumber === 'number') {
      this.biblios.set(fields.biblionumber, { title: text(fields.title), author: text(fields.author) });
    }
  }

  /** Fills title, author, barcode and call number the row does not carry itself, from its itemnumber or biblionumber. */
  describe(fields: Record<string, FieldValue>): Record<string, FieldValue> {
    const item = typeof fields.itemnumber === 'number' ? this.items.get(fields.itemnumber) : undefined;
    const biblionumber = number(fields.biblionumber) ?? item?.biblionumber ?? null;
    const biblio = biblionumber === null ? undefined : this.biblios.get(biblionumber);
    if (!item && !biblio) return fields;
    const described = { ...fields };
    const fill = (field: string, value: string | null | undefined) => {
      if ((described[field] ?? null) === null && value) described[field] = value;
    };
    fill('title', biblio?.title);
    fill('author', biblio?.author);
    fill('barcode', item?.barcode);
    fill('itemcallnumber', item?.itemcallnumber);
    return described;
  }
}

/** A loan or hold that says nothing of what was borrowed: no title and no barcode. */
export function saysWhatWasBorrowed(fields: Record<string, FieldValue>): boolean {
  return (fields.title ?? null) !== null || (fields.barcode ?? null) !== null;
}
