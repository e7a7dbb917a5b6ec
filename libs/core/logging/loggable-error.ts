/**
 * An error as it may be written to a log: its kind, message, code and stack, the SQL text of a failed
 * query, and its cause the same way. Never the query's parameters or the driver's `detail` (which
 * quotes the values of a violated key): a failed INSERT of a user would otherwise log its password
 * hash. Used as the logger's `err` serializer, so every logged error goes through it.
 */
export function loggableError(error: unknown, depth = 0): Record<string, unknown> | unknown {
  if (!(error instanceof Error)) return error;
  const source = error as Error & { code?: unknown; query?: unknown; driverError?: { code?: unknown }; cause?: unknown };
  const safe: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  const code = source.code ?? source.driverError?.code;
  if (typeof code === 'string' || typeof code === 'number') safe.code = code;
  if (typeof source.query === 'string') safe.query = source.query;
  if (source.cause !== undefined && depth < 3) safe.cause = loggableError(source.cause, depth + 1);
  return safe;
}

/** A URL as it may be logged: `access_token` (the queue dashboard's one-time sign-in) is replaced. */
export function loggableUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&]access_token=)[^&#]*/gi, '$1[REDACTED]');
}
