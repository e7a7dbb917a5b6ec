import { Body, Controller, Get, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { RateLimiter } from '../core/rate-limit/rate-limit.guard.js';
import type { FastifyRequest as Request } from 'fastify';
import { Auth, CurrentUser, Public } from '../core/access/access.decorators.js';
import { BodyLimit } from '../core/http/body-limit.decorator.js';
import { AuthService } from './auth.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { LoginBody, RefreshBody, TokenPairResponse, UserSummary } from './dto/auth.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { SIGN_IN_LIMIT } from './sign-in-limit.js';
import type { User } from './user.entity.js';

/** An e-mail, a password and a refresh token fit many times over; a larger body is refused unread. */
const AUTH_BODY_LIMIT = 4_096;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
  ) {}

  @Post('login')
  @Public()
  @BodyLimit(AUTH_BODY_LIMIT)
  @UseGuards(LocalAuthGuard)
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address, or this address must wait after failed attempts on the account' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is locked or deactivated (one answer for all)' })
  async login(@Body() _body: LoginBody, @Req() request: Request & { user: User }): Promise<TokenPairResponse> {
    return TokenPairResponse.from(await this.auth.signIn(request.user));
  }

  @Post('refresh')
  @Public()
  @BodyLimit(AUTH_BODY_LIMIT)
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; the old one is spent' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'Unknown, spent (the session is then revoked) or expired token' })
  async refresh(@Body() body: RefreshBody, @Req() request: Request): Promise<TokenPairResponse> {
    // Counted only once the body is well-formed (the pipe has run), like a sign-in.
    await this.limiter.consume(SIGN_IN_LIMIT, `address:${request.ip ?? 'unknown'}`);
    return TokenPairResponse.from(await this.auth.refresh(body.refreshToken));
  }

  @Post('logout')
  @Auth()
  @BodyLimit(AUTH_BODY_LIMIT)
  @HttpCode(204)
  @ApiOperation({ summary: 'End this sign-in: its refresh and access tokens stop working' })
  @ApiNoContentResponse()
  async logout(@CurrentUser() user: AuthUser, @Body() body: RefreshBody): Promise<void> {
    await this.auth.logout(user, body.refreshToken);
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserSummary })
  me(@CurrentUser() user: AuthUser): UserSummary {
    return UserSummary.from(user);
  }
}
