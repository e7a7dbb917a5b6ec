import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { configureApi } from '../../apps/api/src/configure-api.js';
import { parseEnv } from '../../libs/core/config/env.js';
import { createHttpAdapter } from '../../libs/core/http/configure-http-app.js';
import { Clock, type ManualClock } from '../../libs/core/time/clock.js';
import { OpenApiValidator } from './openapi-validator.js';

export interface TestApp {
  app: INestApplication;
  /** Every route registered, as `METHOD /path` (Fastify reports them as they are added). */
  routes: string[];
  http: TestAgent;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment variables for this app only (e.g. a REDIS_URL that points at a closed port). */
  env?: Record<string, string>;
  /** Extra modules or controllers, for tests that need a route the product does not have. */
  imports?: Array<Type | DynamicModule>;
  controllers?: Type[];
  /** A clock the test moves (lock-outs, deadlines) instead of sleeping. */
  clock?: ManualClock;
}

/** Runs `work` with extra environment variables, then puts the environment back exactly as it was. */
export async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/** The real API module, configured exactly as `main.ts` configures it, against the run's database. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const routes: string[] = [];
  const app = await withEnv(options.env ?? {}, async () => {
    const builder = Test.createTestingModule({
      imports: [ApiModule.forRoot(), ...(options.imports ?? [])],
      controllers: options.controllers ?? [],
    });
    if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
    const moduleRef = await builder.compile();
    const nestApp = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(parseEnv(process.env)), { bodyParser: false, bufferLogs: true });
    await configureApi(nestApp);
    nestApp
      .getHttpAdapter()
      .getInstance()
      .addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
      });
    await nestApp.init();
    await nestApp.getHttpAdapter().getInstance().ready();
    return nestApp;
  });
  const validator = await OpenApiValidator.of((await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body);
  return { app, routes, http: checkedAgent(request(app.getHttpServer()), validator), close: () => app.close() };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * supertest's agent, with every answer checked against the OpenAPI document the app serves: an answer
 * with a status the document does not list, or a JSON body that does not match its schema, fails the
 * test that got it.
 */
function checkedAgent(agent: TestAgent, validator: OpenApiValidator): TestAgent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (url: string) =>
        (value as (url: string) => ReturnType<TestAgent['get']>).call(target, url).expect((response) => {
          const problem = validator.problemWith(property, url, response);
          if (problem) throw new Error(problem);
        });
    },
  });
}
