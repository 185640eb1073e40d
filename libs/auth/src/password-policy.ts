import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// Loaded on first use: the dictionaries cost about a second of start-up that most processes never need.
const common = () => require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 0-4 scale; 3 = "safely unguessable: moderate protection from offline slow-hash scenario". */
export const PASSWORD_MIN_SCORE = 3;
/** zxcvbn's cost grows with length; what follows the first 100 characters only adds strength. */
const ESTIMATE_PREFIX = 100;

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  if (!estimator) {
    const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
    estimator = new Factory({ dictionary: { ...common().dictionary, ...english.dictionary }, graphs: common().adjacencyGraphs, translations: english.translations });
  }
  return estimator;
}

let commonPasswords: Set<string> | undefined;
/** The ~49,000 most common passwords from breach corpora, as zxcvbn-ts's common language package ships them. */
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set((common().dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/** True when the whole password is one short unit repeated ("aaaa…", "abab…", "abc123abc123"). */
export function isRepetitive(password: string): boolean {
  const chars = [...password];
  if (new Set(chars).size <= 2) return true;
  // A unit that does not divide the length repeats to a shorter string (repeat rounds down), never equal.
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    const head = chars.slice(0, unit).join('');
    if (head.repeat(chars.length / unit) === password) return true;
  }
  return false;
}

/**
 * Everything wrong with a password, as messages a form can show under the field; empty when it is acceptable.
 * `personal` holds the user's own details (username, name), which make a password easy to guess. `estimate: false`
 * skips the strength estimate (start-up checks; the full policy applies when the account is created).
 */
export function passwordProblems(password: string, personal: string[] = [], options: { estimate?: boolean } = {}): string[] {
  if (typeof password !== 'string') return ['password must be a string'];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [`password must be at least ${PASSWORD_MIN_LENGTH} characters`];
  if (length > PASSWORD_MAX_LENGTH) return [`password must be at most ${PASSWORD_MAX_LENGTH} characters`];
  if (password.trim() === '') return ['password must not be only spaces'];
  if (isRepetitive(password)) return ['password must not be one character or a short pattern repeated'];
  if (isCommonPassword(password)) return ['password is on a list of common or breached passwords; choose another'];
  if (options.estimate === false) return [];
  const inputs = personal.flatMap((p) => (typeof p === 'string' ? [p, ...p.split(/[\s@._-]+/)] : [])).filter((p) => p.length >= 3);
  const result = zxcvbn().check(password.slice(0, ESTIMATE_PREFIX), inputs);
  if (result.score < PASSWORD_MIN_SCORE) {
    const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
    return [`password is too easy to guess${hint ? `: ${hint}` : ''}; a few unrelated words make a strong one`];
  }
  return [];
}
