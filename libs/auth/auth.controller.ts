import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { RateLimiter } from '../core/rate-limit/rate-limit.guard.js';
import type { FastifyReply as Reply, FastifyRequest as Request } from 'fastify';
import { Auth, CurrentUser, Public } from '../core/access/access.decorators.js';
import { createValidationPipe } from '../core/errors/validation.js';
import { BodyLimit } from '../core/http/body-limit.decorator.js';
import { AuthService, type SignedIn } from './auth.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { AuthException } from './auth.exception.js';
import { LoginBody, RefreshBody, RefreshOrCookieBody, TokenPairResponse, UserSummary } from './dto/auth.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import {
  clearRefreshCookie,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  REFRESH_TRANSPORT_HEADER,
  refreshCookieOf,
  type RefreshTransport,
  refreshTransportOf,
  setRefreshCookie,
} from './refresh-cookie.js';
import { SIGN_IN_LIMIT } from './sign-in-limit.js';
import type { User } from './user.entity.js';

/** An e-mail, a password and a refresh token fit many times over; a larger body is refused unread. */
const AUTH_BODY_LIMIT = 4_096;

/** Body mode's check of a refresh or logout body, exactly the one the route's own DTO had before cookie mode. */
const bodyModeValidation = createValidationPipe();

const TRANSPORT_HEADER = ApiHeader({
  name: REFRESH_TRANSPORT_HEADER,
  required: false,
  enum: ['cookie'],
  description: `\`cookie\`: the refresh token goes in the HttpOnly cookie \`${REFRESH_COOKIE}\` (Path=${REFRESH_COOKIE_PATH}, SameSite=Strict, Secure over HTTPS), not in the body, and is read from it`,
});
const SET_COOKIE = {
  'Set-Cookie': {
    description: `In cookie mode: \`${REFRESH_COOKIE}\`, the refresh token (HttpOnly; SameSite=Strict; Path=${REFRESH_COOKIE_PATH})`,
    schema: { type: 'string' },
  },
};

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
  @TRANSPORT_HEADER
  @ApiOkResponse({ type: TokenPairResponse, headers: SET_COOKIE })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is locked or deactivated (one answer for all)' })
  async login(@Body() _body: LoginBody, @Req() request: Request & { user: User }, @Res({ passthrough: true }) reply: Reply): Promise<TokenPairResponse> {
    const transport = refreshTransportOf(request);
    return this.answer(await this.auth.signIn(request.user), transport, request, reply);
  }

  @Post('refresh')
  @Public()
  @BodyLimit(AUTH_BODY_LIMIT)
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; the old one is spent' })
  @TRANSPORT_HEADER
  @ApiBody({ type: RefreshOrCookieBody, required: false })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  @ApiOkResponse({ type: TokenPairResponse, headers: SET_COOKIE })
  @ApiUnauthorizedResponse({
    description: 'Unknown, spent (the session is then revoked) or expired token, or none in cookie mode (the cookie is then cleared)',
  })
  async refresh(@Body() body: RefreshOrCookieBody, @Req() request: Request, @Res({ passthrough: true }) reply: Reply): Promise<TokenPairResponse> {
    const transport = refreshTransportOf(request);
    const token = await this.refreshTokenOf(body, transport, request);
    // Counted only once the body is well-formed (the pipe has run), like a sign-in.
    await this.limiter.consume(SIGN_IN_LIMIT, `address:${request.ip ?? 'unknown'}`);
    try {
      if (token === undefined) throw AuthException.invalidRefreshToken();
      return this.answer(await this.auth.refresh(token), transport, request, reply);
    } catch (error) {
      // A cookie that is refused (spent, revoked, expired) is of no further use to the browser.
      if (transport === 'cookie' && error instanceof AuthException) clearRefreshCookie(reply, request);
      throw error;
    }
  }

  @Post('logout')
  @Auth()
  @BodyLimit(AUTH_BODY_LIMIT)
  @HttpCode(204)
  @ApiOperation({ summary: 'End this sign-in: its refresh and access tokens stop working' })
  @TRANSPORT_HEADER
  @ApiBody({ type: RefreshOrCookieBody, required: false })
  @ApiNoContentResponse({ headers: { 'Set-Cookie': { description: `Clears \`${REFRESH_COOKIE}\` (Max-Age=0)`, schema: { type: 'string' } } } })
  async logout(
    @CurrentUser() user: AuthUser,
    @Body() body: RefreshOrCookieBody,
    @Req() request: Request,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<void> {
    // The access token (which no other site can send) is what logout needs; the cookie is read when the body has no token.
    const transport = refreshTransportOf(request) === 'cookie' || refreshCookieOf(request) !== undefined ? 'cookie' : 'body';
    const token = await this.refreshTokenOf(body, transport, request);
    if (transport === 'cookie') clearRefreshCookie(reply, request);
    await this.auth.logout(user, token ?? '');
  }

  /**
   * The refresh token a request presents: in body mode the body's, checked as body mode always
   * checked it (400 without one); in cookie mode the body's when it has one, else the cookie's.
   */
  private async refreshTokenOf(body: RefreshOrCookieBody, transport: RefreshTransport, request: Request): Promise<string | undefined> {
    if (transport === 'body') {
      const checked = (await bodyModeValidation.transform(body, { type: 'body', metatype: RefreshBody })) as RefreshBody;
      return checked.refreshToken;
    }
    return body.refreshToken ?? refreshCookieOf(request);
  }

  /** The new pair: in cookie mode the refresh token as the cookie and not in the body. */
  private answer(signedIn: SignedIn, transport: RefreshTransport, request: Request, reply: Reply): TokenPairResponse {
    if (transport === 'cookie') setRefreshCookie(reply, request, signedIn.refreshToken, signedIn.refreshExpiresIn);
    return TokenPairResponse.from(signedIn, transport);
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserSummary })
  me(@CurrentUser() user: AuthUser): UserSummary {
    return UserSummary.from(user);
  }
}
