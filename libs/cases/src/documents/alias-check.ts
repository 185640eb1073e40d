import { EntityManager } from 'typeorm';
import { CaseScope } from '@custodian/domain';
import { aliasesRevealingWithheld, productionValues } from '@custodian/production';
import type { RecordCipher } from '@custodian/records';
import { RuleViolationError } from '../case-errors';
import { caseRecords } from './case-records';

/**
 * Refuses a scope whose alias would print a value a production of the case's imported records withholds (a
 * patron's surname, another patron's card number...): the rule the worker applies before rendering
 * (`aliasesRevealingWithheld`), here for counsel at review and the director at approval. The error names the
 * alias by its position only, never the alias or the value. The worker checks again before it renders.
 */
export async function assertAliasesRevealNothing(manager: EntityManager, cipher: RecordCipher, caseId: string, scope: CaseScope): Promise<void> {
  if (!scope.aliases?.length) return;
  const { withheld } = await productionValues(caseRecords(manager, cipher, caseId), { scope });
  const revealing = aliasesRevealingWithheld(scope, withheld);
  if (!revealing.length) return;
  throw new RuleViolationError(
    'An alias in the scope contains a value the production withholds (a name, card number or other value from the imported records); it would print that value. Choose another alias.',
    // Field details without a code, so the workspace shows them at the aliases (a code marks a rule contradiction).
    revealing.map((position) => ({ field: 'scope.aliases', message: `alias ${position} of ${scope.aliases!.length} contains a value the production withholds` })),
  );
}
