import type { UserEntity } from '@custodian/persistence';

/** A user as the API shows it: never the password hash. */
export function toUserView(user: UserEntity) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    title: user.title,
    email: user.email,
    roles: user.roles,
    active: user.active,
  };
}
export type UserView = ReturnType<typeof toUserView>;
