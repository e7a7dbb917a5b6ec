import pg from 'pg';

/** One statement as the app sent it to Postgres. */
export interface SentQuery {
  text: string;
  values: unknown[];
}

/**
 * The first statement matching `wanted` that the app sends while `request` runs, caught at the pg
 * driver in this process (the app under test runs here).
 */
export async function capturedQuery(request: () => Promise<unknown>, wanted: (text: string) => boolean): Promise<SentQuery> {
  const original = pg.Client.prototype.query;
  const sent: SentQuery[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') sent.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && 'text' in first) {
      const config = first as { text: string; values?: unknown[] };
      sent.push({ text: config.text, values: config.values ?? (Array.isArray(second) ? second : []) });
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await request();
  } finally {
    pg.Client.prototype.query = original;
  }
  const query = sent.find((candidate) => wanted(candidate.text));
  if (!query) throw new Error(`no statement matched; the request sent:\n${sent.map((candidate) => candidate.text).join('\n')}`);
  return query;
}

/**
 * Postgres's plan for a statement (text format), as the app role, with the planner settings given for
 * this transaction only: e.g. `enable_seqscan: 'off'` prices a table scan out, so a plan that still
 * has one has no index to use. The statement is planned with its values, as the app's one-off
 * statements are.
 */
export async function planOf(query: SentQuery, settings: Record<string, 'on' | 'off'>): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const [name, value] of Object.entries(settings)) await client.query(`SELECT set_config($1, $2, true)`, [name, value]);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.text}`, query.values);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}
