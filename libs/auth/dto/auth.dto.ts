import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
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

export class RefreshBody {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
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
  @ApiProperty({ description: 'Single use: exchange it at /auth/refresh for a new pair' }) refreshToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 }) expiresIn: number;
  @ApiProperty({ type: UserSummary }) user: UserSummary;

  static from(signedIn: SignedIn): TokenPairResponse {
    return { ...signedIn, user: UserSummary.from(signedIn.user) };
  }
}
