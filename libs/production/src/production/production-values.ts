import { CaseScope, producedValuesOf, Redaction, redactRecord, ResponsiveRecord, withheldValuesOf } from '@custodian/domain';
import { valuesHoldingWithheld, WithheldValue } from '../verify/leak-detector';
import type { ProductionHeader } from './production-input';

/** What the leak check tests a production against: every value it withholds and every value it prints. */
export interface ProductionValues {
  withheld: WithheldValue[];
  produced: Set<string>;
}

/**
 * The withheld and produced values of `records` redacted to the header's scope, read as the renderer reads them. An
 * aliased patron's card number comes first and is never exempt: the scope says it is printed nowhere, not even in
 * the production's own wording.
 */
export async function productionValues(
  records: AsyncIterable<ResponsiveRecord> | Iterable<ResponsiveRecord>,
  header: Pick<ProductionHeader, 'scope' | 'redactionPolicy'>,
): Promise<ProductionValues> {
  const values = productionValuesCollector(header.scope);
  const options = { policy: header.redactionPolicy };
  for await (const record of records) values.add(record, redactRecord(record, header.scope, options));
  return values.values();
}

/** The same values gathered record by record, for a reader that redacts the records for its own count as well (the release preview). */
export function productionValuesCollector(scope: Pick<CaseScope, 'aliases'>): { add(record: ResponsiveRecord, redaction: Redaction): void; values(): ProductionValues } {
  const withheld = new Set<string>();
  const produced = new Set<string>();
  return {
    add(record, redaction) {
      for (const value of withheldValuesOf(record, redaction)) withheld.add(value);
      for (const value of producedValuesOf(redaction)) produced.add(value);
    },
    values() {
      const aliasedCards = (scope.aliases ?? []).map(({ cardNumber }, index) => ({ ref: `aliased patron ${index + 1}: card number`, value: cardNumber, neverExempt: true }));
      return { withheld: [...aliasedCards, ...withheld], produced };
    },
  };
}

/**
 * The positions (1-based, in the scope's order) of the aliases that hold a withheld value as the leak check would
 * find it. Such an alias would print the value and, being printed legitimately, exempt it from the check: a
 * production under that scope must not be made. Positions, never the aliases: the caller may log them.
 */
export function aliasesRevealingWithheld(scope: Pick<CaseScope, 'aliases'>, withheld: Iterable<WithheldValue>): number[] {
  const aliases = (scope.aliases ?? []).map(({ alias }) => alias);
  const revealing = new Set(valuesHoldingWithheld(withheld, aliases));
  return aliases.flatMap((alias, index) => (revealing.has(alias) ? [index + 1] : []));
}
