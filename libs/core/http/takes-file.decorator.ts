import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiConsumes } from '@nestjs/swagger';
import type { RouteSettings } from './configure-http-app.js';

/**
 * A route that takes a file as multipart/form-data and reads it itself, as a stream, within its own
 * limits (`request.file({ limits })`); every other route refuses multipart (415).
 */
export function TakesFile() {
  return applyDecorators(RouteConfig({ multipart: true } satisfies RouteSettings), ApiConsumes('multipart/form-data'));
}
