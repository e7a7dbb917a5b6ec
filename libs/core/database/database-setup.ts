import pg from 'pg';

/**
 * Who connects to the database as what. The API and the worker connect as the *app* role, which may
 * read and write rows but owns nothing: it cannot switch a trigger off, and cannot change or delete
 * an audit event, a decision, a submitted report or application version (the migrations revoke those
 * privileges). Migrations run as the *owner* role, which owns the schema. Creating the database and
 * the two roles needs an *admin* connection (a superuser, or a role with CREATEDB and CREATEROLE),
 * used only by `npm start`, the tests and the bench, never by the running system.
 */
export const APP_ROLE = 'tilskud_app';
export const OWNER_ROLE = 'tilskud_owner';

export const DEFAULT_APP_URL = `postgres://${APP_ROLE}@127.0.0.1:5432/tilskud`;
export const DEFAULT_OWNER_URL = `postgres://${OWNER_ROLE}@127.0.0.1:5432/tilskud`;
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface DatabaseUrls {
  app: string;
  owner: string;
  admin: string;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${encodeURIComponent(database)}`;
  return copy.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * The three URLs from the environment. With nothing set, the conventional roles on this machine.
 * With only `DATABASE_URL` set (an installation from before the roles were separated, or one with a
 * single role), migrations run as that role too and the database is created through it.
 */
export function databaseUrls(env: Record<string, string | undefined>): DatabaseUrls {
  const given = (name: string) => (env[name] ? env[name] : undefined);
  const app = given('DATABASE_URL') ?? DEFAULT_APP_URL;
  const owner = given('DATABASE_OWNER_URL') ?? (given('DATABASE_URL') ? app : DEFAULT_OWNER_URL);
  const admin = given('DATABASE_ADMIN_URL') ?? (given('DATABASE_URL') || given('DATABASE_OWNER_URL') ? withDatabase(owner, 'postgres') : DEFAULT_ADMIN_URL);
  return { app, owner, admin };
}

/** The URLs of another database on the same server, for the same roles (a test run's, a bench dataset's). */
export function urlsForDatabase(urls: DatabaseUrls, database: string): DatabaseUrls {
  return { app: withDatabase(urls.app, database), owner: withDatabase(urls.owner, database), admin: urls.admin };
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A login role named as in the URL, with its password when the URL has one; left alone when it exists. */
async function ensureRole(admin: pg.Client, url: string): Promise<void> {
  const name = userOf(url);
  const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  if (rowCount) return;
  const password = decodeURIComponent(new URL(url).password);
  await admin.query(`CREATE ROLE ${ident(name)} LOGIN${password ? ` PASSWORD '${password.replaceAll("'", "''")}'` : ''}`);
}

/**
 * Makes sure the roles and the database exist, the database owned by the owner role, and every object
 * in its schema owned by it too (a database made before the roles were separated belonged to whoever
 * made it). Idempotent; run before the migrations.
 */
export async function prepareDatabase(urls: DatabaseUrls, log: (line: string) => void = () => undefined): Promise<void> {
  const database = databaseNameOf(urls.owner);
  const owner = userOf(urls.owner);
  await withClient(urls.admin, async (admin) => {
    await ensureRole(admin, urls.owner);
    if (userOf(urls.app) !== owner) await ensureRole(admin, urls.app);
    const { rows } = await admin.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [database]);
    if (rows.length === 0) {
      await admin.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(owner)} ENCODING 'UTF8' TEMPLATE template0`);
      log(`created database ${database}`);
    } else if (rows[0].owner !== owner) {
      await admin.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(owner)}`);
    }
  });
  await withClient(withDatabase(urls.admin, database), async (admin) => {
    const { rows } = await admin.query<{ statement: string }>(
      `SELECT format('ALTER %s %s OWNER TO %I', kind, name, $1::text) AS statement FROM (
         SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END AS kind, c.oid::regclass::text AS name, c.relowner AS owner
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'S') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
         UNION ALL
         SELECT 'FUNCTION', p.oid::regprocedure::text, p.proowner
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          -- An extension's functions (unaccent's) stay its own: the extension is the owner role's.
          WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
       ) objects WHERE owner <> (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [owner],
    );
    for (const { statement } of rows) await admin.query(statement);
    if (rows.length > 0) log(`gave ${rows.length} object(s) of ${database} to ${owner}`);
  });
}

/** Drops a database (its connections closed first); for tests and the bench. */
export async function dropDatabase(urls: DatabaseUrls): Promise<void> {
  const database = databaseNameOf(urls.owner);
  await withClient(urls.admin, (admin) => admin.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`));
}

/** Names of databases on the server that start with `prefix` (for sweeping up after crashed test runs). */
export async function listDatabases(urls: DatabaseUrls, prefix: string): Promise<string[]> {
  return withClient(urls.admin, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    return rows.map((row) => row.datname);
  });
}
