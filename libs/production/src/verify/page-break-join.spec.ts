import { BodyItem, LeakDetector, PageBreakJoin } from './leak-detector';

/*
 * The join across a page break on body items written out here (x, y in points from the bottom left; the footer is
 * never among them). Expected references follow from the documented rule: a column's last lines on one page, joined
 * to its first line on the next (past the lines the page before also had in that column), matches across the join only.
 */
const line = (text: string, x: number, y: number): BodyItem => ({ text, x, y });

function joinOver(withheld: string[], pages: BodyItem[][]): string[][] {
  const join = new PageBreakJoin(new LeakDetector(withheld));
  return pages.map((items) => [...join.across(items)].sort());
}

describe('PageBreakJoin', () => {
  it('joins a paragraph running onto the next page, and reports nothing that one page holds whole', () => {
    const pages = [
      [line('Letter to the library', 60, 700), line('about Bartholomew', 60, 50)],
      [line('Quince and Ann', 60, 700), line('Bartholomew Quince again', 60, 690), line('asked by Lee Ida', 60, 50)],
      [line('Wu and', 60, 700)],
    ];
    // Across: 'Bartholomew Quince' (1 | 2), 'Ida Wu' (2 | 3, whole words). Whole on one page: the rest, at either side of a join.
    const withheld = ['Bartholomew Quince', 'Ann', 'Quince again', 'about Bartholomew', 'Quince and', 'Ida', 'Ida Wu', 'and'];
    expect(joinOver(withheld, pages)).toEqual([[], ['withheld[0]'], ['withheld[6]']]);
  });

  it('joins a table cell to its continuation under the repeated header, not to the header or the "(cont.)" mark', () => {
    const header = (y: number) => [line('No.', 39, y), line('Title', 255, y), line('Checked out', 432, y)];
    const pages = [
      [...header(549), line('1', 39, 534), line('a novel by Bartholomew', 255, 534), line('ends with', 255, 47), line('2026-01-02', 432, 534)],
      [line('Loans (continued)', 36, 564), ...header(549), line('1 (cont.)', 39, 534), line('Quince and others', 255, 534)],
    ];
    expect(joinOver(['Bartholomew Quince', 'with Quince', 'Title Quince', 'cont Quince'], pages)).toEqual([[], ['withheld[1]']]);
    // The header line is tried as well (a first line may repeat one of the page before), so a value running into it is found.
    expect(joinOver(['ends with Title'], pages)).toEqual([[], ['withheld[0]']]);
  });

  it('stops at the first line the page before did not have in that column', () => {
    const pages = [
      [line('Title', 255, 549), line('holomew is here', 90, 300), line('first part of Bart', 255, 47)],
      [line('Title', 255, 549), line('holomew is here', 255, 534), line('Quince follows', 255, 524)],
    ];
    expect(joinOver(['Bartholomew', 'Bart Quince'], pages)).toEqual([[], ['withheld[0]']]);
  });

  it('joins only columns that reach the page\'s last line, at the same left edge', () => {
    const pages = [
      [line('card 4711 Bartholomew', 90, 534), line('note ends Zebedee', 255, 47.5), line('Xanthippe', 432, 48.5)],
      [line('Quince', 90, 534), line('Marlowe', 255.4, 534), line('Ptolemy', 432, 534)],
    ];
    expect(joinOver(['Bartholomew Quince', 'Zebedee Marlowe', 'Xanthippe Ptolemy'], pages)).toEqual([[], ['withheld[1]']]);
  });

  it('keeps as much of a column as the longest value needs, and matches short values as whole words only', () => {
    const pages = [
      [line('Bartholomew', 60, 70), line('middle', 60, 60), line('Quince Zed', 60, 50)],
      [line('Li', 60, 700), line('Nana', 60, 690)],
    ];
    expect(joinOver(['Bartholomew middle Quince Zed Li', 'Zed Li', 'Zed Nana'], pages)).toEqual([[], ['withheld[0]', 'withheld[1]']]);
    expect(joinOver(['Quince Zed Li Nana'], pages)).toEqual([[], ['withheld[0]']]);
    expect(joinOver(['Zed Li', 'ed Li'], [[line('Quince Zed', 60, 50)], [line('Lin', 60, 700)]])).toEqual([[], []]);
  });

  it('carries nothing past a page without body text, and needs no withheld value', () => {
    const pages = [[line('about Bartholomew', 60, 50)], [line('   ', 60, 700)], [line('Quince', 60, 700)]];
    expect(joinOver(['Bartholomew Quince'], pages)).toEqual([[], [], []]);
    expect(joinOver([], [[line('about Bartholomew', 60, 50)], [line('Quince', 60, 700)]])).toEqual([[], []]);
  });

  it('reads on over several lines and empty items for a number, as a whole token on both sides of the join', () => {
    const number = ['760 555 0100'];
    expect(joinOver(number, [[line('call 760', 60, 50)], [line('555', 60, 700), line('', 60, 690), line('0100', 60, 680)]])).toEqual([[], ['withheld[0]']]);
    expect(joinOver(number, [[line('ab 760', 60, 50)], [line('555 0100', 60, 700)]])).toEqual([[], ['withheld[0]']]);
    expect(joinOver(number, [[line('ab 1760', 60, 50)], [line('555 0100', 60, 700)]])).toEqual([[], []]);
    expect(joinOver(number, [[line('760', 60, 50)], [line('555 01005', 60, 700)]])).toEqual([[], []]);
  });

  it('counts a tail by its characters without spaces, as values are compared', () => {
    const pages = [[line('abcdefgh', 60, 60), line('i j k l m n o p q', 60, 50)], [line('r', 60, 700)]];
    expect(joinOver(['abcdefghijklmnopqr'], pages)).toEqual([[], ['withheld[0]']]);
  });
});
