// `npm run secrets:rotate-jwt`: gives the installation a new access-token secret (when JWT_SECRET is
// not set, the one in its database). The old one is kept as `jwt_previous` and accepted for an hour,
// the longest an access token lives, so nobody is signed out; restart the API processes to use the new
// one. Connects as the owner role (DATABASE_OWNER_URL): the app role may only read the secrets.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const { databaseUrls } = await import(new URL('../dist/libs/core/database/database-setup.js', import.meta.url));
const client = new pg.Client({ connectionString: databaseUrls(process.env).owner });
await client.connect();
try {
  await client.query('BEGIN');
  const { rowCount } = await client.query(`SELECT 1 FROM installation_secret WHERE name = 'jwt' FOR UPDATE`);
  if (!rowCount) throw new Error('The installation has no access-token secret yet: run the migrations first (npm start does).');
  await client.query(`DELETE FROM installation_secret WHERE name = 'jwt_previous'`);
  await client.query(`UPDATE installation_secret SET name = 'jwt_previous' WHERE name = 'jwt'`);
  await client.query(`INSERT INTO installation_secret (name, value) VALUES ('jwt', $1)`, [randomBytes(48).toString('base64url')]);
  await client.query('COMMIT');
  console.log('A new access-token secret is in place; the previous one is accepted for an hour. Restart the API processes to use it.');
} catch (error) {
  await client.query('ROLLBACK').catch(() => undefined);
  console.error(`Rotation failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
