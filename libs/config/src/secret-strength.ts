import { passwordProblems } from '@custodian/auth';

/** Values that documentation, examples and tutorials put in such settings; never acceptable as a real secret. */
const PLACEHOLDERS = /^(change[-_ ]?me|changeit|secret|password|default|example|test|dev|development|your[-_ ]?secret|replace[-_ ]?me|todo|xxx+)/i;

/** Problems with the signing secret: too short, a placeholder, or too little variety to be random. */
export function jwtSecretProblems(secret: string | undefined): string[] {
  if (!secret) return [];
  const problems: string[] = [];
  if (PLACEHOLDERS.test(secret)) problems.push('JWT_SECRET looks like a placeholder; use e.g. $(openssl rand -hex 32)');
  else if (new Set(secret).size < 12) problems.push('JWT_SECRET is not random enough (too few distinct characters); use e.g. $(openssl rand -hex 32)');
  return problems;
}

/** Problems with the record keys: each must decode to exactly 32 bytes that are not a trivial pattern. */
export function recordKeysProblems(keys: string | undefined): string[] {
  if (!keys) return [];
  const problems: string[] = [];
  for (const pair of keys.split(',')) {
    const [keyId, encoded = ''] = pair.split(':');
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) problems.push(`RECORDS_KEYS key ${keyId} must be 32 bytes (base64 of 32 random bytes), not ${key.length}`);
    else if (new Set(key).size < 8) problems.push(`RECORDS_KEYS key ${keyId} is not random (too few distinct bytes); use $(openssl rand -base64 32)`);
  }
  return problems;
}

/**
 * The first admin's password: length, blank, repetition and the common-password list here, in every process; the
 * strength estimate as well when the API creates the account (`UsersService.ensureFirstAdmin`).
 */
export function adminPasswordProblems(password: string | undefined, username: string | undefined): string[] {
  if (!password) return [];
  return passwordProblems(password, [username ?? '', 'admin', 'custodian'], { estimate: false }).map((problem) => `ADMIN_PASSWORD: ${problem.replace(/^password /, '')}`);
}
