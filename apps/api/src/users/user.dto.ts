import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@custodian/domain';

export class CreateUserDto {
  @ApiProperty({ example: 'mlopez' })
  @IsString() @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3-64 lower-case letters, digits, dots, dashes or underscores' })
  username: string;
  @ApiProperty({ example: 'Maria Lopez' }) @IsString() @MinLength(1) @MaxLength(200) displayName: string;
  @ApiProperty({ example: 'Library Director' }) @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @ApiProperty() @IsString() @MinLength(12, { message: 'password must be at least 12 characters' }) @MaxLength(200) password: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true, message: `each role must be one of: ${ROLES.join(', ')}` })
  roles: Role[];
}

export class UpdateUserDto extends PartialType(CreateUserDto) {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
