import { MESSAGES } from '../text/da';
import type { components } from './schema';

export type FieldError = components['schemas']['FieldError'];

const URN = 'urn:tilskud:problem:';

interface ProblemInit {
  status: number;
  type?: string;
  title: string;
  detail: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
}

/**
 * A failed call as the page shows it: the API's problem answer (RFC 9457, Danish `title`, `detail`
 * and field messages), or one of ours for a network failure. Query and mutation functions throw it.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(init: ProblemInit) {
    super(init.detail);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The problem's stable code: `stale-version` for `urn:tilskud:problem:stale-version`. */
  get code(): string {
    return this.type.startsWith(URN) ? this.type.slice(URN.length) : this.type;
  }

  /** From an answer that was not 2xx, with its body when it has been read already. */
  static from(response: Response, body: unknown): ApiProblem {
    const problem = (typeof body === 'object' && body !== null ? body : {}) as Partial<ProblemInit> & Record<string, unknown>;
    const retryHeader = Number(response.headers.get('Retry-After'));
    return new ApiProblem({
      status: response.status,
      type: typeof problem.type === 'string' ? problem.type : undefined,
      title: typeof problem.title === 'string' ? problem.title : MESSAGES.unexpected,
      detail: typeof problem.detail === 'string' ? problem.detail : MESSAGES.unexpected,
      errors: Array.isArray(problem.errors) ? problem.errors : [],
      retryAfterSeconds:
        typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined,
    });
  }

  static async fromResponse(response: Response): Promise<ApiProblem> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    return ApiProblem.from(response, body);
  }

  static network(): ApiProblem {
    return new ApiProblem({ status: 0, type: 'network', title: 'Ingen forbindelse', detail: MESSAGES.network });
  }

  static sessionEnded(): ApiProblem {
    return new ApiProblem({ status: 401, type: `${URN}unauthenticated`, title: 'Ikke logget ind', detail: MESSAGES.sessionEnded });
  }
}

/** Whether `error` is a problem answer, and (given a code) that problem. */
export function isProblem(error: unknown, code?: string): error is ApiProblem {
  return error instanceof ApiProblem && (code === undefined || error.code === code);
}

/** Any failure as a problem the page can show. */
export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem({ status: 0, type: 'unexpected', title: 'Uventet fejl', detail: MESSAGES.unexpected });
}

/**
 * The data of an openapi-fetch call, or its failure thrown as an {@link ApiProblem} (a network
 * failure too), for TanStack Query's query and mutation functions.
 */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw error instanceof ApiProblem ? error : ApiProblem.network();
  }
  if (!result.response.ok) throw ApiProblem.from(result.response, result.error);
  return result.data as T;
}
