import createClient, { type Middleware } from 'openapi-fetch';
import { ApiProblem } from './problem';
import type { paths } from './schema';
import { currentToken, refreshSession, sessionRefused } from './session';

/** Each call's request as it was before it was sent, to send once more after a refresh. */
const resendable = new Map<string, Request>();

/**
 * Every call carries the access token (refreshed first when it is about to run out). A 401 means the
 * token was refused anyway (the clock, a rotated secret): the call is refreshed and sent once more; a
 * refused refresh, or a second 401, ends the session with a message on the sign-in page.
 */
const bearerToken: Middleware = {
  async onRequest({ request, id }) {
    const token = await currentToken();
    if (!token) throw ApiProblem.sessionEnded();
    request.headers.set('Authorization', `Bearer ${token}`);
    resendable.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const original = resendable.get(id);
    resendable.delete(id);
    if (response.status !== 401 || !original) return response;
    const token = await refreshSession();
    if (!token) return response;
    original.headers.set('Authorization', `Bearer ${token}`);
    const again = await fetch(original);
    if (again.status === 401) sessionRefused();
    return again;
  },
  onError({ id }) {
    resendable.delete(id);
  },
};

/** The typed API client: paths and bodies from the API's own OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(bearerToken);
