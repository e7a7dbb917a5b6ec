import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sortable timestamps: cut to milliseconds, which a list cursor (a JavaScript date) carries exactly. */
const MILLISECOND_COLUMNS: Array<[table: string, column: string]> = [
  ['application', 'submitted_at'],
  ['award', 'decided_at'],
  ['progress_report', 'submitted_at'],
  ['extension_request', 'decided_at'],
  ['reminder', 'send_at'],
  ['app_user', 'created_at'],
  ['programme', 'application_closes_at'],
];

/**
 * One index per order a list offers (`sort`), its keys as the list orders by them; a nullable column
 * through `coalesce` to a value before every other, so one index serves both directions and the
 * keyset comparison never meets a NULL.
 */
const SORT_INDEXES: Array<[name: string, definition: string]> = [
  ['application_submitted_sort_idx', `application ((coalesce(submitted_at, '-infinity'::timestamptz)), id)`],
  ['application_case_number_sort_idx', `application ((coalesce(case_number, '')), id)`],
  ['application_title_sort_idx', 'application (title, id)'],
  ['award_decided_sort_idx', 'award (decided_at, id)'],
  ['award_amount_sort_idx', 'award (amount_ore, id)'],
  ['award_end_date_sort_idx', 'award (end_date, id)'],
  ['progress_report_submitted_sort_idx', `progress_report ((coalesce(submitted_at, '-infinity'::timestamptz)), id)`],
  ['extension_request_requested_sort_idx', 'extension_request (requested_at, id)'],
  ['extension_request_decided_sort_idx', `extension_request ((coalesce(decided_at, '-infinity'::timestamptz)), id)`],
  ['app_user_name_sort_idx', 'app_user (name, id)'],
  ['app_user_created_sort_idx', 'app_user (created_at, id)'],
  ['programme_name_sort_idx', 'programme (name, id)'],
  ['programme_closes_sort_idx', 'programme (application_closes_at, id)'],
];

const OLD_SEARCH = `setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', purpose), 'B')`;
const NEW_SEARCH = `setweight(to_tsvector('danish', search_fold(title)), 'A') || setweight(to_tsvector('danish', search_fold(purpose)), 'B')`;

/**
 * Search that ignores accents, and lists in the orders a caseworker needs.
 *
 * `search_fold` takes the accents off (`Demenscafé` is found as `demenscafe`) with the `unaccent`
 * extension (trusted: the schema's owner may create it), but keeps æ, ø and å, which in Danish are
 * letters of their own, not accented a and o (`unaccent` alone would find `so` for `sø`). It also puts
 * the text in Unicode's composed form (an å typed as a and a ring is the letter å). The application's
 * `search` column is regenerated through it; the queries fold the same way.
 *
 * A case is found by its case number, or the start of it, on `case_number text_pattern_ops` (a prefix
 * `LIKE` in any collation).
 */
export class SearchWithoutAccentsAndSortableLists1765910000000 implements MigrationInterface {
  name = 'SearchWithoutAccentsAndSortableLists1765910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    const [{ schema }]: Array<{ schema: string }> = await queryRunner.query(
      `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`,
    );
    // Immutable, as an index and a generated column need: the dictionary is named, not found on the search path.
    // æøå (and ÆØÅ) are swapped for private-use characters unaccent leaves alone, and back.
    await queryRunner.query(`
      CREATE FUNCTION search_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT pg_catalog.translate(
          ${schema}.unaccent('${schema}.unaccent'::regdictionary, pg_catalog.translate(pg_catalog.normalize(value, 'NFC'), 'æøåÆØÅ', U&'\\E000\\E001\\E002\\E003\\E004\\E005')),
          U&'\\E000\\E001\\E002\\E003\\E004\\E005', 'æøåÆØÅ')
      $$`);
    // What a search box means: websearch syntax ("a phrase", or, -not) over the folded words, each word
    // also the start of longer ones (`sø` finds Søndergård; a stem finds the word it was cut from).
    await queryRunner.query(`
      CREATE FUNCTION search_query(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT pg_catalog.regexp_replace(
          pg_catalog.websearch_to_tsquery('pg_catalog.danish', search_fold(query))::text, '''(?:[^'']|'''')+''', '\\&:*', 'g'
        )::tsquery
      $$`);
    await queryRunner.query('ALTER TABLE application DROP COLUMN search');
    await queryRunner.query(`ALTER TABLE application ADD COLUMN search tsvector GENERATED ALWAYS AS (${NEW_SEARCH}) STORED`);
    await queryRunner.query('CREATE INDEX application_search_idx ON application USING gin (search)');
    await queryRunner.query('CREATE INDEX application_case_number_prefix_idx ON application (case_number text_pattern_ops)');

    for (const [table, column] of MILLISECOND_COLUMNS) await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE timestamptz(3)`);
    for (const [name, definition] of SORT_INDEXES) await queryRunner.query(`CREATE INDEX ${name} ON ${definition}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of SORT_INDEXES) await queryRunner.query(`DROP INDEX ${name}`);
    for (const [table, column] of MILLISECOND_COLUMNS) await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE timestamptz`);
    await queryRunner.query('DROP INDEX application_case_number_prefix_idx');
    await queryRunner.query('ALTER TABLE application DROP COLUMN search');
    await queryRunner.query(`ALTER TABLE application ADD COLUMN search tsvector GENERATED ALWAYS AS (${OLD_SEARCH}) STORED`);
    await queryRunner.query('CREATE INDEX application_search_idx ON application USING gin (search)');
    await queryRunner.query('DROP FUNCTION search_query(text)');
    await queryRunner.query('DROP FUNCTION search_fold(text)');
    await queryRunner.query('DROP EXTENSION IF EXISTS unaccent');
  }
}
