import type { Scope } from '../api/schema';

export type PatronAlias = NonNullable<Scope['aliases']>[number];

/**
 * Aliases typed one per line as "card number = alias" ("23000000012345 = Patron A"): the alias is printed in the
 * production instead of the card number. Lines are split at the first "=", so an alias may itself hold one.
 */
export function parseAliasLines(text: string): { aliases: PatronAlias[]; unreadableLines: number[] } {
  const aliases: PatronAlias[] = [];
  const unreadableLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const at = line.indexOf('=');
    const cardNumber = at < 0 ? '' : line.slice(0, at).trim();
    const alias = at < 0 ? '' : line.slice(at + 1).trim();
    if (!cardNumber || !alias) unreadableLines.push(index + 1);
    else aliases.push({ cardNumber, alias });
  });
  return { aliases, unreadableLines };
}

export function aliasLines(aliases: readonly PatronAlias[] | undefined): string {
  return (aliases ?? []).map(({ cardNumber, alias }) => `${cardNumber} = ${alias}`).join('\n');
}

/** "Patron A (23000000012345)" for staff, who may see both; the card number alone when there is no alias. */
export function patronLabel(scope: Pick<Scope, 'aliases'>, cardNumber: string): string {
  const alias = scope.aliases?.find((entry) => entry.cardNumber === cardNumber)?.alias;
  return alias ? `${alias} (${cardNumber})` : cardNumber;
}
