import { NamedOfficial } from '../production/production-input';

/**
 * A letter names a real person and their title (Gov. Code § 7922.540 for denials; every letter is signed by
 * someone accountable). A role word standing in for a name, a blank, or a name that is only the title is a
 * placeholder: the letter is not produced (fail closed) rather than sent unsigned in substance.
 */
const PLACEHOLDER_NAMES = /^(library director|director|the director|attorney|city attorney|staff|librarian|signer|tbd|n\/?a|unknown|placeholder|administrator|admin|[^\p{L}\p{N}]*)$/iu;

export function placeholderProblem(person: NamedOfficial | null | undefined, who = 'signer'): string | null {
  if (!person) return `the ${who} is not known`;
  const name = (person.displayName ?? '').trim();
  const title = (person.title ?? '').trim();
  if (!name) return `the ${who} has no name`;
  if (!title) return `the ${who} (${name}) has no title`;
  if (PLACEHOLDER_NAMES.test(name) || name.toLowerCase() === title.toLowerCase()) return `the ${who}'s name "${name}" is a placeholder, not a person`;
  return null;
}

export class PlaceholderSignerError extends Error {
  constructor(readonly problem: string) {
    super(`Letter not produced: ${problem}; record the person's name and title under Users first`);
    this.name = 'PlaceholderSignerError';
  }
}

export function assertNamedPerson(person: NamedOfficial | null | undefined, who = 'signer'): void {
  const problem = placeholderProblem(person, who);
  if (problem) throw new PlaceholderSignerError(problem);
}
