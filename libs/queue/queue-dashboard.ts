import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService, bearerToken } from '../auth/auth.service.js';
import { AuthException } from '../auth/auth.exception.js';
import { ProblemDetailsFilter } from '../core/errors/problem-details.filter.js';
import { QueueName } from './queue.constants.js';

export const QUEUE_DASHBOARD_PATH = '/api/v1/admin/queues';
const COOKIE = 'tilskud_queues';
const COOKIE_MAX_AGE_SECONDS = 15 * 60;

function accessTokenParameter(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.access_token;
  return typeof value === 'string' ? value : undefined;
}

function tokenOf(request: FastifyRequest): string | undefined {
  const header = bearerToken(request.headers.authorization);
  if (header) return header;
  const query = accessTokenParameter(request);
  if (query) return query;
  return request.headers.cookie?.split(/;\s*/).find((pair) => pair.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
}

/**
 * The BullMQ dashboard (bull-board) at /api/v1/admin/queues, for admins only. A browser cannot send a
 * Bearer header for the dashboard's own assets, so `?access_token=` is exchanged once for a short-lived,
 * HttpOnly cookie limited to this path. (bull-board's Nest module is CommonJS and cannot load next to
 * the ESM-only @nestjs/common under Jest, so its Fastify adapter is registered here directly.)
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = [QueueName.Reminders].map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))));
  createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: 'Tilskud – jobs' } } });

  const auth = app.get(AuthService);
  const problems = new ProblemDetailsFilter();

  await app.register(
    async (scope: FastifyInstance) => {
      // Refused here, not thrown: bull-board's plugin has an error handler of its own (a bare 500).
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const token = tokenOf(request);
        const user = token ? await auth.verifyAccessToken(token).catch(() => undefined) : undefined;
        if (!user) return problems.answer(AuthException.unauthenticated(), request, reply);
        if (user.role !== 'admin') return problems.answer(AuthException.forbidden(), request, reply);
        if (accessTokenParameter(request)) {
          reply.header('Set-Cookie', `${COOKIE}=${token}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_SECONDS}`);
          return reply.redirect(QUEUE_DASHBOARD_PATH, 303);
        }
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
