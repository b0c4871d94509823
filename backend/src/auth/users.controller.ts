import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UserView } from './auth.repository.js';
import { CurrentScope, Roles } from './decorators.js';
import { CreateUserDto, UpdateUserDto, UserIdParam } from './dto/auth.dto.js';
import type { Scope } from './scope.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  list(@CurrentScope() scope: Scope): Promise<UserView[]> {
    return this.users.list(scope);
  }

  @Post()
  create(@CurrentScope() scope: Scope, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(scope, dto);
  }

  @Patch(':id')
  update(@CurrentScope() scope: Scope, @Param() params: UserIdParam, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(scope, params.id, dto);
  }
}
