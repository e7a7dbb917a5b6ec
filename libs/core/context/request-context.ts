import type { IncomingMessage } from 'node:http';
import { ClsModule, type ClsService, type ClsStore } from 'nestjs-cls';
import type { DynamicModule } from '@nestjs/common';
import { loggableUrl } from '../logging/loggable-error.js';

export type Role = 'project_lead' | 'caseworker' | 'admin';
export const ROLES: readonly Role[] = ['project_lead', 'caseworker', 'admin'];

/** Who is acting, as the audit trail and the scoped queries need it. */
export interface Actor {
  id: string;
  role: Role;
  /** The kommune a project lead acts for; null for ministry staff. */
  municipalityCode: string | null;
}

/** What is known about the current request, anywhere below the controller, without passing it along. */
export interface RequestContextStore extends ClsStore {
  requestId?: string;
  ip?: string;
  /** For log lines written during the request. */
  method?: string;
  url?: string;
  actor?: Actor;
}

/** Opens a context per HTTP request holding its id, method, url and the caller's address; the auth guard adds the actor. */
export function requestContextModule(): DynamicModule {
  return ClsModule.forRoot({
    global: true,
    middleware: {
      mount: true,
      // Tilskud uses neither proxy providers nor plugins, nor the stored request. Resolving proxy
      // providers is a dynamic import() on every request, and with the plugin hooks it cost a case
      // detail several percent of its CPU.
      resolveProxyProviders: false,
      initializePlugins: false,
      saveReq: false,
      // Nest middleware gets Node's request, on which Fastify's middleware layer (middie) sets these.
      setup: (cls: ClsService<RequestContextStore>, request: IncomingMessage & { id?: string; ip?: string; originalUrl?: string }) => {
        cls.set('requestId', String(request.id ?? ''));
        cls.set('ip', request.ip);
        cls.set('method', request.method);
        cls.set('url', loggableUrl(request.originalUrl));
      },
    },
  });
}
