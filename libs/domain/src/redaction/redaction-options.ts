import { DEFAULT_REDACTION_POLICY, RedactionPolicy } from './field-policy';

/** How a case's approved scope is applied beyond CaseScope itself. */
export interface RedactionOptions {
  /** The approved scope asks for contact details (address, e-mail, telephone) of the named patrons. */
  includeContactDetails?: boolean;
  /** Replaces DEFAULT_REDACTION_POLICY, e.g. with counsel's own table. */
  policy?: RedactionPolicy;
}

export function policyOf(options: RedactionOptions = {}): RedactionPolicy {
  return options.policy ?? DEFAULT_REDACTION_POLICY;
}
