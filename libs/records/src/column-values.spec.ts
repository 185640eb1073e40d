import { ColumnSpec } from './koha-schema';
import { parseColumnValue, toOccurredAt } from './column-values';
import { CARD_NUMBER_COLUMN } from './koha-schema';

const value = (raw: Parameters<typeof parseColumnValue>[0], spec: ColumnSpec) => {
  const parsed = parseColumnValue(raw, spec);
  return parsed.ok ? parsed.value : { error: parsed.message };
};

describe('parseColumnValue', () => {
  it('trims strings and turns empty text into null', () => {
    expect(value('  Nguyễn  ', { type: 'string' })).toBe('Nguyễn');
    expect(value('   ', { type: 'string' })).toBeNull();
    expect(value(null, { type: 'integer' })).toBeNull();
  });

  it('counts characters, not UTF-16 units, against the column length', () => {
    expect(value('😀😀', { type: 'string', maxLength: 2 })).toBe('😀😀');
    expect(value('abc', { type: 'string', maxLength: 2 })).toEqual({ error: 'longer than 2 characters' });
  });

  it("accepts card numbers as Koha's varchar(32): hyphens and spaces too, no control characters", () => {
    expect(value('23000000012345', CARD_NUMBER_COLUMN)).toBe('23000000012345');
    expect(value('A12-34', CARD_NUMBER_COLUMN)).toBe('A12-34');
    expect(value('2300 0001 2345', CARD_NUMBER_COLUMN)).toBe('2300 0001 2345');
    expect(value('A1\u0007', CARD_NUMBER_COLUMN)).toEqual({ error: 'must contain printable characters only' });
    expect(value('1'.repeat(33), CARD_NUMBER_COLUMN)).toEqual({ error: 'longer than 32 characters' });
  });

  it('reads whole and decimal numbers', () => {
    expect(value(' 42 ', { type: 'integer' })).toBe(42);
    expect(value('4.2', { type: 'integer' })).toEqual({ error: 'expected a whole number' });
    expect(value('99999999999999999999', { type: 'integer' })).toEqual({ error: 'whole number out of range' });
    expect(value('12.50', { type: 'decimal' })).toBe(12.5);
    expect(value('-.5', { type: 'decimal' })).toBe(-0.5);
    expect(value('1.1234567', { type: 'decimal' })).toEqual({ error: 'more than 6 decimal places' });
    expect(value('12,50', { type: 'decimal' })).toEqual({ error: 'expected a decimal number such as 12.50' });
  });

  it('takes booleans and 0/1 for tinyint flags, and refuses booleans elsewhere without echoing them', () => {
    expect(value(true, { type: 'boolean' })).toBe(1);
    expect(value(false, { type: 'integer' })).toBe(0);
    expect(value('1', { type: 'boolean' })).toBe(1);
    expect(value('false', { type: 'boolean' })).toBe(0);
    expect(value('2', { type: 'boolean' })).toEqual({ error: 'expected 0 or 1 (or true/false)' });
    expect(value(true, { type: 'date' })).toEqual({ error: 'expected a date, got a boolean' });
  });

  it('accepts Koha, ISO and date-only forms and keeps wall-clock time', () => {
    const datetime: ColumnSpec = { type: 'datetime' };
    expect(value('2026-02-28 20:15:00', datetime)).toBe('2026-02-28T20:15:00');
    // an offset (the REST API's form) is converted to the library's time: one format everywhere
    expect(value('2026-02-28T20:15:00.123-08:00', datetime)).toBe('2026-02-28T20:15:00');
    expect(value('2026-03-01T04:15Z', datetime)).toBe('2026-02-28T20:15:00');
    expect(value('2026-07-01T12:00:00+00:00', datetime)).toBe('2026-07-01T05:00:00');
    expect(value('2026-02-28', datetime)).toBe('2026-02-28T00:00:00');
    expect(value('2026-02-28 20:15:00', { type: 'date' })).toBe('2026-02-28');
  });

  it('rejects impossible dates and times, and reads MySQL zero dates as no date', () => {
    expect(value('2025-02-29', { type: 'date' })).toEqual({ error: 'not a real calendar date' });
    expect(value('2024-02-29', { type: 'date' })).toBe('2024-02-29');
    expect(value('2026-01-01 24:00:00', { type: 'datetime' })).toEqual({ error: 'not a real time of day' });
    expect(value('01/02/2026', { type: 'date' })).toEqual({ error: 'expected a date as YYYY-MM-DD' });
    expect(value('0000-00-00 00:00:00', { type: 'datetime' })).toBeNull();
  });

  it('dates rows at midnight when only a day is known', () => {
    expect(toOccurredAt('2026-03-01')).toBe('2026-03-01T00:00:00');
    expect(toOccurredAt('2026-03-01T09:30:00')).toBe('2026-03-01T09:30:00');
    expect(toOccurredAt(null)).toBeNull();
  });
});
