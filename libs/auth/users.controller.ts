import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { CaseworkerResponse, CreateUserBody, ProjectLeadQuery, UpdateUserBody, UserPage, UserQuery, UserResponse } from './dto/user.dto.js';
import { UsersService } from './users.service.js';
import { ApiProblems } from '../core/errors/api-problems.js';

@ApiTags('users')
@Controller('users')
@Auth('admin')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a user (a project lead needs a kommune code); a caseworker or admin waits for a second administrator’s approval',
  })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems('invalid-user', 'weak-password', 'email-taken')
  async create(@Body() body: CreateUserBody, @CurrentUser() user: AuthUser): Promise<UserResponse> {
    return UserResponse.from(await this.users.create(body, user));
  }

  @Get()
  @ApiOperation({ summary: 'Users, by e-mail' })
  @ApiOkResponse({ type: UserPage })
  async list(@Query() query: UserQuery): Promise<UserPage> {
    const page = await this.users.list(query);
    return { items: page.items.map(UserResponse.from), nextCursor: page.nextCursor };
  }

  @Get('caseworkers')
  @Auth('caseworker', 'admin')
  @ApiOperation({
    summary: 'The active caseworkers, by name (Danish order): whom a case can be assigned to (`POST /applications/{id}/assign`)',
  })
  @ApiOkResponse({ type: [CaseworkerResponse] })
  caseworkers(): Promise<CaseworkerResponse[]> {
    return this.users.caseworkers();
  }

  @Get('project-leads')
  @Auth('caseworker', 'admin')
  @ApiOperation({
    summary:
      'A kommune’s active project leads, by name (Danish order): whom a caseworker can name the award’s contact (`POST /awards/{id}/amendments` with `kind: contact`)',
  })
  @ApiOkResponse({ type: [CaseworkerResponse] })
  projectLeads(@Query() query: ProjectLeadQuery): Promise<CaseworkerResponse[]> {
    return this.users.projectLeads(query.municipalityCode);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Change role, name, kommune or the active flag (not one’s own role or active flag); a new staff role waits for approval; deactivation ends every session at once',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems('invalid-user', 'self-change', 'last-admin')
  async update(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: UpdateUserBody,
    @CurrentUser() user: AuthUser,
  ): Promise<UserResponse> {
    return UserResponse.from(await this.users.update(id, body, user));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve the staff role another administrator gave this user; the account can sign in from then on' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems('approval-not-possible')
  async approve(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @CurrentUser() user: AuthUser): Promise<UserResponse> {
    return UserResponse.from(await this.users.approve(id, user));
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear the waits that failed sign-ins put on this user, from every address' })
  @ApiOkResponse({ type: UserResponse })
  async unlock(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<UserResponse> {
    return UserResponse.from(await this.users.unlock(id));
  }
}
