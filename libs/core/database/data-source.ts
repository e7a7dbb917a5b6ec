import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { parseEnv } from '../config/env.js';
import { databaseUrls } from './database-setup.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:run|revert|generate`) and of `npm start`'s
 * migrations, run from `dist/`: it connects as the owner role (`DATABASE_OWNER_URL`), which the
 * migrations need and the running system never has.
 * The apps build theirs through TypeOrmModule with the same options and let each module register its
 * entities; here every compiled `*.entity.js` is loaded so `migration:generate` can diff the schema.
 */
const compiledLibs = fileURLToPath(new URL('../../', import.meta.url));

export default new DataSource({
  ...dataSourceOptions({ ...parseEnv(process.env), DATABASE_URL: databaseUrls(process.env).owner }, { applicationName: 'tilskud-migrations' }),
  entities: [`${compiledLibs}**/*.entity.js`],
  // The CLI talks to a person at a terminal: TypeORM's own console output, not JSON logs.
  logger: 'advanced-console',
  logging: ['error', 'warn', 'migration'],
});
