import { BadRequestException } from '@nestjs/common';
import fc from 'fast-check';
import { createValidationPipe } from '../../common/validation';
import { ScopeDto } from './scope.dto';

// The API's own pipe (whitelist, forbidNonWhitelisted, transform) on the scope DTO, as a request body would meet it.
const pipe = createValidationPipe();
const base = { cardNumbers: ['23000000012345', '23000000067890'], from: '2026-01-01', to: '2026-02-28', recordTypes: ['loans'] };

async function fieldsRefused(body: unknown): Promise<Record<string, string[]> | null> {
  try {
    await pipe.transform(body, { type: 'body', metatype: ScopeDto, data: undefined });
    return null;
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { fields: Record<string, string[]> }).fields;
  }
}

describe('ScopeDto aliases: hostile input', () => {
  it('accepts aliases for named patrons and keeps only the declared fields', async () => {
    const scope = (await pipe.transform({ ...base, aliases: [{ cardNumber: '23000000012345', alias: 'Patron A' }] }, { type: 'body', metatype: ScopeDto, data: undefined })) as ScopeDto;
    expect(scope.aliases).toEqual([{ cardNumber: '23000000012345', alias: 'Patron A' }]);
    expect(await fieldsRefused({ ...base, aliases: [] })).toBeNull();
    expect(await fieldsRefused(base)).toBeNull();
    // null means none, as for the scope's other optional fields (@IsOptional).
    expect(await fieldsRefused({ ...base, aliases: null })).toBeNull();
  });

  it.each([
    ['a string instead of a list', 'Patron A', 'aliases'],
    ['an object instead of a list', { '23000000012345': 'Patron A' }, 'aliases'],
    ['a list of strings', ['Patron A'], 'aliases'],
    ['a list holding an array', [['23000000012345', 'Patron A']], 'aliases'],
    ['a number for the alias', [{ cardNumber: '23000000012345', alias: 7 }], 'aliases.0.alias'],
    ['a missing alias', [{ cardNumber: '23000000012345' }], 'aliases.0.alias'],
    ['a card number that is no card number', [{ cardNumber: 'abc, 123', alias: 'Patron A' }], 'aliases.0.cardNumber'],
    ['an extra field', [{ cardNumber: '23000000012345', alias: 'Patron A', note: 'x' }], 'aliases.0.note'],
    ['a bidi override in the alias', [{ cardNumber: '23000000012345', alias: 'Patron \u202eA' }], 'aliases.0.alias'],
    ['an alias of 41 characters', [{ cardNumber: '23000000012345', alias: 'x'.repeat(41) }], 'aliases.0.alias'],
    ['an alias for a patron not in the scope', [{ cardNumber: '23000000099999', alias: 'Patron A' }], 'aliases'],
    ['two aliases for one patron', [{ cardNumber: '23000000012345', alias: 'Patron A' }, { cardNumber: '23000000012345', alias: 'Patron B' }], 'aliases'],
    ['one alias for two patrons', [{ cardNumber: '23000000012345', alias: 'Patron A' }, { cardNumber: '23000000067890', alias: 'PATRON A' }], 'aliases'],
    ['an alias holding another patron’s card number', [{ cardNumber: '23000000012345', alias: 'Card 23000000067890' }], 'aliases'],
    ['201 aliases', Array.from({ length: 201 }, (_, i) => ({ cardNumber: '23000000012345', alias: `P${i}` })), 'aliases'],
  ])('refuses %s, at the field', async (_case, aliases, field) => {
    const fields = await fieldsRefused({ ...base, aliases });
    expect(fields).not.toBeNull();
    expect(Object.keys(fields!)).toContain(field);
  });

  it('refuses every alias value that is not a short printable string, whatever it holds, and never echoes it', async () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((s) => /[\p{C}]/u.test(s) || [...s].length > 40 || s.trim() !== s || !/[\p{L}\p{N}]/u.test(s)),
      fc.constantFrom('', ' ', '\u2066x\u2069', 'a\u0007b', '\ufeffPatron', 'e\u200d', '\ud800'),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }))),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (alias) => {
        const fields = await fieldsRefused({ ...base, aliases: [{ cardNumber: '23000000012345', alias }] });
        expect(fields).not.toBeNull();
        expect(Object.keys(fields!)).toContain('aliases.0.alias');
        if (typeof alias === 'string' && alias.trim().length > 2) expect(JSON.stringify(fields)).not.toContain(JSON.stringify(alias).slice(1, -1));
      }),
      { numRuns: 300 },
    );
  });
});
