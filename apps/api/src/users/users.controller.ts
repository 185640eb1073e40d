import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserListView, UserView } from './user.view';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated('admin')
  @ApiOkResponse({ type: UserListView })
  list(): Promise<UserListView> {
    return this.users.list();
  }

  @Post()
  @Authenticated('admin')
  @ApiCreatedResponse({ type: UserView })
  create(@Body() body: CreateUserDto, @CurrentUser() actor: Actor): Promise<UserView> {
    return this.users.create(body, actor);
  }

  @Patch(':id')
  @Authenticated('admin')
  @ApiOkResponse({ type: UserView })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto, @CurrentUser() actor: Actor): Promise<UserView> {
    return this.users.update(id, body, actor);
  }
}
