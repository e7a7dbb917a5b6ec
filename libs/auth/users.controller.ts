import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../core/access/access.decorators.js';
import { CreateUserBody, UpdateUserBody, UserPage, UserQuery, UserResponse } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
@Auth('admin')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (a project lead needs a kommune code)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'The e-mail address is taken' })
  async create(@Body() body: CreateUserBody): Promise<UserResponse> {
    return UserResponse.from(await this.users.create(body));
  }

  @Get()
  @ApiOperation({ summary: 'Users, by e-mail' })
  @ApiOkResponse({ type: UserPage })
  async list(@Query() query: UserQuery): Promise<UserPage> {
    const page = await this.users.list(query);
    return { items: page.items.map(UserResponse.from), nextCursor: page.nextCursor };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role, name, kommune or the active flag; deactivation ends every session at once' })
  @ApiOkResponse({ type: UserResponse })
  async update(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Body() body: UpdateUserBody): Promise<UserResponse> {
    return UserResponse.from(await this.users.update(id, body));
  }
}
