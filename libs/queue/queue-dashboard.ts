import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AuthService } from '../auth/auth.service.js';
import { AuthException } from '../auth/auth.exception.js';
import { ProblemDetailsFilter } from '../core/errors/problem-details.filter.js';
import { PROBLEM_CONTENT_TYPE } from '../core/errors/problem.js';
import { QueueName } from './queue.constants.js';

export const QUEUE_DASHBOARD_PATH = '/api/v1/admin/queues';
const COOKIE = 'tilskud_queues';
const COOKIE_MAX_AGE_SECONDS = 15 * 60;

function tokenOf(request: Request): string | undefined {
  const header = request.header('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const query = request.query.access_token;
  if (typeof query === 'string') return query;
  return request.header('cookie')?.split(/;\s*/).find((pair) => pair.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
}

/**
 * The BullMQ dashboard (bull-board) at /api/v1/admin/queues, for admins only. A browser cannot send a
 * Bearer header for the dashboard's own assets, so `?access_token=` is exchanged once for a short-lived,
 * HttpOnly cookie limited to this path. (bull-board's Nest module is CommonJS and cannot load next to
 * the ESM-only @nestjs/common under Jest, so the Express adapter is mounted here directly.)
 */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = [QueueName.Reminders].map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))));
  createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: 'Tilskud – jobs' } } });

  const auth = app.get(AuthService);
  const problems = new ProblemDetailsFilter();
  const refuse = (request: Request, response: Response, error: AuthException) => {
    const problem = problems.toProblem(error);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...problem, instance: request.originalUrl.split('?')[0], requestId: request.id }));
  };

  app.use(QUEUE_DASHBOARD_PATH, async (request: Request, response: Response, next: NextFunction) => {
    const token = tokenOf(request);
    if (!token) return refuse(request, response, AuthException.unauthenticated());
    try {
      const user = await auth.verifyAccessToken(token);
      if (user.role !== 'admin') return refuse(request, response, AuthException.forbidden());
    } catch {
      return refuse(request, response, AuthException.unauthenticated());
    }
    if (typeof request.query.access_token === 'string') {
      response.setHeader('Set-Cookie', `${COOKIE}=${token}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_SECONDS}`);
      return response.redirect(303, request.baseUrl || QUEUE_DASHBOARD_PATH);
    }
    next();
  });
  app.use(QUEUE_DASHBOARD_PATH, serverAdapter.getRouter());
}
