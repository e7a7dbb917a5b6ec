import { Body, Controller, Get, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { RateLimit, type RateLimitRule } from '../core/rate-limit/rate-limit.guard.js';
import type { FastifyRequest as Request } from 'fastify';
import { Auth, CurrentUser, Public } from '../core/access/access.decorators.js';
import { AuthService } from './auth.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { LoginBody, RefreshBody, TokenPairResponse, UserSummary } from './dto/auth.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import type { User } from './user.entity.js';

/** Sign-in and refresh share one counter per client address. */
const SIGN_IN_LIMIT: RateLimitRule = { bucket: 'sign-in', limitFrom: 'LOGIN_RATE_LIMIT', windowSeconds: 60 };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @RateLimit(SIGN_IN_LIMIT)
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is locked or deactivated (one answer for all)' })
  async login(@Body() _body: LoginBody, @Req() request: Request & { user: User }): Promise<TokenPairResponse> {
    return TokenPairResponse.from(await this.auth.signIn(request.user));
  }

  @Post('refresh')
  @Public()
  @RateLimit(SIGN_IN_LIMIT)
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; the old one is spent' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'Unknown, spent (the session is then revoked) or expired token' })
  async refresh(@Body() body: RefreshBody): Promise<TokenPairResponse> {
    return TokenPairResponse.from(await this.auth.refresh(body.refreshToken));
  }

  @Post('logout')
  @Auth()
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
