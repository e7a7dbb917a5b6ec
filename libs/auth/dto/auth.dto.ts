import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../core/context/request-context.js';
import type { SignedIn } from '../auth.service.js';
import type { User } from '../user.entity.js';

export class LoginBody {
  @ApiProperty({ example: 'sagsbehandler@tilskud.local' })
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'a long passphrase' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

/** The body of `/auth/refresh` and `/auth/logout` in body mode: the token is required. */
export class RefreshBody {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

/**
 * The body as those routes read it first: in cookie mode (`X-Refresh-Token-Transport: cookie`) the
 * token may be left out, and is then read from the cookie; without the header it is checked again as
 * a {@link RefreshBody}, so body mode refuses what it always refused. Unknown fields are refused in both.
 */
export class RefreshOrCookieBody {
  @ApiPropertyOptional({
    description:
      'The refresh token of the last sign-in or refresh. Required, unless the request sends `X-Refresh-Token-Transport: cookie`: then it may be left out (or the body with it) and is read from the `tilskud_refresh` cookie',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class UserSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String, example: '621', description: 'Kommune code of a project lead' })
  municipalityCode: string | null;

  static from(user: Pick<User, 'id' | 'email' | 'name' | 'role' | 'municipalityCode'>): UserSummary {
    return { id: user.id, email: user.email, name: user.name, role: user.role, municipalityCode: user.municipalityCode };
  }
}

export class TokenPairResponse {
  @ApiProperty({ description: 'JWT (HS256) for the Authorization: Bearer header' }) accessToken: string;
  @ApiPropertyOptional({
    description:
      'Single use: exchange it at /auth/refresh for a new pair. Only in body mode: with `X-Refresh-Token-Transport: cookie` it is not in the body but in the HttpOnly cookie `tilskud_refresh`',
  })
  refreshToken?: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 }) expiresIn: number;
  @ApiProperty({ type: UserSummary }) user: UserSummary;

  /** The answer in body mode (the refresh token in it) or cookie mode (the token only in the cookie). */
  static from(signedIn: SignedIn, transport: 'body' | 'cookie' = 'body'): TokenPairResponse {
    const { accessToken, refreshToken, tokenType, expiresIn } = signedIn;
    const user = UserSummary.from(signedIn.user);
    return transport === 'cookie' ? { accessToken, tokenType, expiresIn, user } : { accessToken, refreshToken, tokenType, expiresIn, user };
  }
}
