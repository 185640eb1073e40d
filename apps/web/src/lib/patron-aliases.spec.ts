import { aliasLines, parseAliasLines, patronLabel } from './patron-aliases';

describe('aliases typed as "card number = alias"', () => {
  it('reads one alias a line, trimmed, splitting at the first "=" and skipping blank lines', () => {
    expect(parseAliasLines(' 23000000012345 =  Patron A \n\n2300002=Witness = 2')).toEqual({
      aliases: [{ cardNumber: '23000000012345', alias: 'Patron A' }, { cardNumber: '2300002', alias: 'Witness = 2' }],
      unreadableLines: [],
    });
  });

  it('names the lines it cannot read: no "=", no card number or no alias', () => {
    expect(parseAliasLines('Patron A\n= Patron B\n2300003 =\n2300004 = D').unreadableLines).toEqual([1, 2, 3]);
  });

  it('writes back what it reads', () => {
    const aliases = [{ cardNumber: '1', alias: 'Patron A' }, { cardNumber: '2', alias: 'B = b' }];
    expect(parseAliasLines(aliasLines(aliases)).aliases).toEqual(aliases);
    expect(aliasLines(undefined)).toBe('');
  });

  it('labels a patron by alias and card number for staff, or by card number alone', () => {
    const scope = { aliases: [{ cardNumber: '1', alias: 'Patron A' }] };
    expect(patronLabel(scope, '1')).toBe('Patron A (1)');
    expect(patronLabel(scope, '2')).toBe('2');
    expect(patronLabel({}, '1')).toBe('1');
  });
});
