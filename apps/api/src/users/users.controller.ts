import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated('admin')
  list() {
    return this.users.list();
  }

  @Post()
  @Authenticated('admin')
  create(@Body() body: CreateUserDto, @CurrentUser() actor: Actor) {
    return this.users.create(body, actor);
  }

  @Patch(':id')
  @Authenticated('admin')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto, @CurrentUser() actor: Actor) {
    return this.users.update(id, body, actor);
  }
}
