import type { Role } from '@custodian/domain';
import type { UserEntity } from '@custodian/persistence';
import { SEALED_CONTEXTS } from '@custodian/records';

/** The roles that may (and, once enrolled, must) use a second factor: those who decide cases or run the system. */
export const TOTP_ROLES: Role[] = ['director', 'admin'];

/** True when sign-in needs the TOTP code as well: the user confirmed an enrolment. */
export function secondFactorRequired(user: Pick<UserEntity, 'totpEnabled' | 'totpSecret'>): boolean {
  return user.totpEnabled && !!user.totpSecret;
}

/** The sealing context of a user's TOTP secret: a secret copied onto another user's row fails to open. */
export const totpContext = SEALED_CONTEXTS.totpSecret;
