import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AUDIT_TRAIL, type AuditTrail } from '../../../libs/audit/audit-trail.port.js';
import { ACCESS_TOKEN_VERIFIER, type AccessTokenVerifier, AuthException } from '../../../libs/auth/access-token.port.js';
import type { AuthUser } from '../../../libs/core/access/auth-user.js';
import { bearerToken } from '../../../libs/core/access/bearer-token.js';
import { PROBLEM_CONTENT_TYPE, pathOf, type Problem, problem } from '../../../libs/core/errors/problem.js';
import { ProblemDetailsFilter } from '../../../libs/core/errors/problem-details.filter.js';
import { QueueName } from '../../../libs/queue/queue.constants.js';

export const QUEUE_DASHBOARD_PATH = '/api/v1/admin/queues';
const COOKIE = 'tilskud_queues';
const COOKIE_MAX_AGE_SECONDS = 15 * 60;
const READS = new Set(['GET', 'HEAD']);

function accessTokenParameter(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.access_token;
  return typeof value === 'string' ? value : undefined;
}

function tokenOf(request: FastifyRequest): string | undefined {
  const header = bearerToken(request.headers.authorization);
  if (header) return header;
  const query = accessTokenParameter(request);
  if (query) return query;
  return request.headers.cookie
    ?.split(/;\s*/)
    .find((pair) => pair.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
}

/** What a dashboard request did, for the audit trail: `pause` of `/api/queues/:queueName/pause`, `remove` of a DELETE. */
export function dashboardAction(method: string, route: string): string {
  if (method === 'DELETE') return 'remove';
  const words = route.split('/').filter((segment) => segment && !segment.startsWith(':') && segment !== 'api' && segment !== 'queues');
  return words.at(-1) ?? method.toLowerCase();
}

/** bull-board's own error answers (its message keys, an error's message and stack) as a problem that says nothing about our internals. */
function dashboardProblem(status: number): Problem {
  if (status === 404) return problem('not-found', 'Køen eller jobbet findes ikke.');
  if (status < 500) return { ...problem('invalid-value', 'Handlingen kunne ikke udføres på det, der blev bedt om.'), status };
  return problem('queue-dashboard-failed', 'Handlingen mislykkedes; fejlen er logget.');
}

/**
 * The BullMQ dashboard (bull-board) at /api/v1/admin/queues, for admins only. A browser cannot send a
 * Bearer header for the dashboard's own assets, so `?access_token=` is exchanged once for a short-lived,
 * HttpOnly cookie limited to this path (`Secure` when the request came over HTTPS); the parameter is
 * redacted from every logged URL. Every change made through it (pause, resume, retry, clean …) is
 * recorded in the audit trail with the admin who made it, and its errors are problem+json without
 * stack traces. (bull-board's Nest module is CommonJS and cannot load next to the ESM-only
 * @nestjs/common under Jest, so its Fastify adapter is registered here directly.)
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = [QueueName.Reminders].map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))));
  createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: 'Tilskud – jobs' } } });
  const logger = new Logger('QueueDashboard');
  serverAdapter.setErrorHandler((error: Error & { statusCode?: number }) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) logger.error({ err: error }, 'The queue dashboard failed');
    // The body is replaced by a problem on the way out (the onSend hook below), like every other refusal of the dashboard's.
    return { status: status as 500, body: {} };
  });

  const auth = app.get<AccessTokenVerifier>(ACCESS_TOKEN_VERIFIER);
  const audit = app.get<AuditTrail>(AUDIT_TRAIL);
  const problems = new ProblemDetailsFilter();

  await app.register(
    async (scope: FastifyInstance) => {
      // Refused here, not thrown: bull-board's plugin has an error handler of its own.
      scope.addHook('onRequest', async (request: FastifyRequest & { dashboardUser?: AuthUser }, reply: FastifyReply) => {
        const token = tokenOf(request);
        const user = token ? await auth.verifyAccessToken(token).catch(() => undefined) : undefined;
        if (!user) return problems.answer(AuthException.unauthenticated(), request, reply);
        if (user.role !== 'admin') return problems.answer(AuthException.forbidden(), request, reply);
        request.dashboardUser = user;
        if (accessTokenParameter(request)) {
          const secure = request.protocol === 'https' ? '; Secure' : '';
          reply.header('Set-Cookie', `${COOKIE}=${token}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_SECONDS}${secure}`);
          return reply.redirect(QUEUE_DASHBOARD_PATH, 303);
        }
      });
      scope.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
        if (reply.statusCode < 400 || String(reply.getHeader('content-type') ?? '').startsWith('application/problem+json')) return payload;
        const answer = dashboardProblem(reply.statusCode);
        reply.status(answer.status).header('Content-Type', PROBLEM_CONTENT_TYPE);
        return JSON.stringify({ ...answer, instance: pathOf(request.url), requestId: String(request.id) });
      });
      scope.addHook('onResponse', async (request: FastifyRequest & { dashboardUser?: AuthUser }, reply: FastifyReply) => {
        const user = request.dashboardUser;
        if (!user || READS.has(request.method) || reply.statusCode >= 400) return;
        const route = request.routeOptions.url ?? pathOf(request.url) ?? '';
        const queue = (request.params as Record<string, string> | undefined)?.queueName ?? null;
        await audit
          .recordAlone({
            action: `queue.${dashboardAction(request.method, route.replace(QUEUE_DASHBOARD_PATH, ''))}`,
            entityType: 'queue',
            entityId: queue,
            after: { method: request.method, path: pathOf(request.url), params: request.params ?? null, status: reply.statusCode },
            actor: { id: user.id, role: user.role, municipalityCode: user.municipalityCode },
          })
          .catch((error: unknown) => logger.error({ err: error }, 'A queue dashboard action could not be recorded in the audit trail'));
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
