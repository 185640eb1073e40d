/**
 * A user's sign-in state in one short string, shared by every API process through Redis:
 * `tokenVersion.revision.active`. A token is good while its `ver` equals the stamp's token version and the stamp
 * says active; a cached user profile is good while its stamp equals the current one (any change to the user
 * changes `revision`, which is the row's updatedAt).
 */
export interface SessionStamp {
  tokenVersion: number;
  revision: number;
  active: boolean;
}

export function formatStamp(user: { tokenVersion: number; updatedAt: Date; active: boolean }): string {
  return `${user.tokenVersion}.${user.updatedAt.getTime()}.${user.active ? 1 : 0}`;
}

export function parseStamp(value: string | null | undefined): SessionStamp | null {
  const match = /^(\d+)\.(\d+)\.([01])$/.exec(String(value)); // null and undefined read as words, never a stamp
  if (!match) return null;
  return { tokenVersion: Number(match[1]), revision: Number(match[2]), active: match[3] === '1' };
}

/** Why a token is no longer good against the user's stamp, or null when it still is. */
export function tokenRefusal(stamp: SessionStamp, tokenVersion: number): 'inactive' | 'superseded' | null {
  if (!stamp.active) return 'inactive';
  if (stamp.tokenVersion !== tokenVersion) return 'superseded';
  return null;
}
