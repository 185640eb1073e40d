import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role } from '@custodian/domain';
import type { UserEntity } from '@custodian/persistence';
import { Flag, Int, NullableText, Text } from '../openapi/schema';

/** A user as the API shows it: never the password hash. */
export class UserView {
  @Text({ format: 'uuid' }) id: string;
  @Text({ example: 'mlopez' }) username: string;
  @Text({ example: 'Maria Lopez' }) displayName: string;
  @Text({ example: 'Senior Librarian' }) title: string;
  @NullableText({ format: 'email', example: 'mlopez@library.example.gov' }) email: string | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, example: ['clerk'] }) roles: Role[];
  @Flag() active: boolean;
}

export class UserListView {
  @ApiProperty({ type: [UserView] }) items: UserView[];
  @Int() total: number;
}

/** The signed-in person (GET /api/auth/me). */
export class ActorView {
  @Text({ format: 'uuid' }) id: string;
  @Text({ example: 'mlopez' }) username: string;
  @Text({ example: 'Maria Lopez' }) displayName: string;
  @Text({ example: 'Senior Librarian' }) title: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, example: ['clerk'] }) roles: Role[];
}

export function toUserView(user: UserEntity): UserView {
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
