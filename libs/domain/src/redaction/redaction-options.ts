import { DEFAULT_REDACTION_POLICY, RedactionPolicy } from './field-policy';

/**
 * How a case's approved scope is applied beyond CaseScope itself. Whether contact details are released is the
 * scope's own `includeContactDetails`, read in one place (`fieldRuleReason`), never a second flag here.
 */
export interface RedactionOptions {
  /** Replaces DEFAULT_REDACTION_POLICY, e.g. with counsel's own table. */
  policy?: RedactionPolicy;
}

export function policyOf(options: RedactionOptions = {}): RedactionPolicy {
  return options.policy ?? DEFAULT_REDACTION_POLICY;
}
