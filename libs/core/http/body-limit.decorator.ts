import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiPayloadTooLargeResponse } from '@nestjs/swagger';
import type { RouteSettings } from './configure-http-app.js';

/**
 * A smaller body limit for one route than `BODY_LIMIT` (a sign-in body is a few hundred bytes): Fastify
 * stops reading past it and the answer is 413, before any parsing or validation.
 */
export function BodyLimit(bytes: number) {
  return applyDecorators(
    RouteConfig({ bodyLimit: bytes } satisfies RouteSettings),
    ApiPayloadTooLargeResponse({ description: `The body is larger than ${bytes} bytes` }),
  );
}
