/*
 * This file reads TypeORM's internals, which are not its public API: `SelectQueryBuilder.expressionMap`
 * (`mainAlias`, `selects`, `joinAttributes`, `relationIdAttributes`, `lockMode`, `skip`, `take`),
 * `EntityMetadata` (`columns`, `primaryColumns`, `childEntityMetadatas`, `embeddeds`, `lazyRelations`,
 * `afterLoadListeners`, `target`), `ColumnMetadata` (`databaseName`, `propertyName`, `type`,
 * `transformer`, `isVirtual`, `isVirtualProperty`), `Driver.prepareHydratedValue` and `maxAliasLength`,
 * `DataSource.subscribers` and `options.typename`, and the raw result keys `<alias>_<column>`.
 * That is why `typeorm` is pinned to an exact version in package.json. On an upgrade:
 *  1. read TypeORM's changelog for the names above and for `RawSqlResultsToEntityTransformer`;
 *  2. run `test/e2e/plain-read.e2e-spec.ts`, which compares these readers with `getMany()`/`getOne()` on
 *     real rows of every entity the app registers (taken from the metadata, so none is left out);
 *  3. run `npm run bench` and compare the list and case-detail figures with the last run's.
 */
import type { DataSource, EntityManager, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

type Raw = Record<string, unknown>;

interface Hydrator<T> {
  entity: (raw: Raw) => T;
  /** The raw keys of the primary columns: a join can repeat a row, which `getMany()` reads once. */
  identity: (raw: Raw) => string;
}

/**
 * Per entity and query alias, the raw result keys and the columns they fill (TypeORM's own
 * `alias_column` names). Built once; TypeORM rebuilds the equivalent for every query.
 */
const hydrators = new WeakMap<EntityMetadata, Map<string, Hydrator<ObjectLiteral> | null>>();

/**
 * Whether the query reads one entity's whole rows and nothing else: no joined selects, relation ids,
 * locks, paging by entity or subscribers. (What the entity itself must be is checked once, when its
 * reader is built.) Only then can the raw rows be turned into entities column by column; any other
 * query takes TypeORM's own path.
 */
function readsWholeRowsOnly<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>): boolean {
  const map = builder.expressionMap;
  const alias = map.mainAlias;
  return (
    alias?.hasMetadata === true &&
    map.selects.length === 1 &&
    map.selects[0].selection === alias.name &&
    map.joinAttributes.every((join) => !join.isSelected) &&
    map.relationIdAttributes.length === 0 &&
    map.lockMode === undefined &&
    map.skip === undefined &&
    map.take === undefined &&
    builder.dataSource.subscribers.length === 0 &&
    !builder.dataSource.options.typename
  );
}

/**
 * Whether raw rows of this entity can be copied column by column: a class, no inheritance, embedded
 * columns, lazy relations, load listeners or virtual properties (selected by an expression of their
 * own), and every `alias_column` key within the driver's alias length (TypeORM shortens longer ones
 * in a way not worth copying).
 */
function readableColumnByColumn(metadata: EntityMetadata, columns: Array<[string, ColumnMetadata]>, maxAliasLength: number | undefined): boolean {
  return (
    typeof metadata.target === 'function' &&
    metadata.childEntityMetadatas.length === 0 &&
    metadata.embeddeds.length === 0 &&
    metadata.lazyRelations.length === 0 &&
    metadata.afterLoadListeners.length === 0 &&
    columns.every(([key, column]) => !column.isVirtualProperty && (maxAliasLength === undefined || key.length <= maxAliasLength))
  );
}

/**
 * The column types whose raw values TypeORM's Postgres driver changes on the way in
 * (`prepareHydratedValue`): dates and times, booleans, numbers declared as such, enums, vectors,
 * hstore, cube and the simple-* types. A column of any other type and without a transformer takes its
 * raw value as it is, so its reader skips the driver's call.
 */
const CONVERTED_TYPES = new Set<unknown>([
  Boolean,
  Date,
  Number,
  'datetime',
  'timestamp',
  'timestamptz',
  'timestamp with time zone',
  'timestamp without time zone',
  'date',
  'time',
  'vector',
  'halfvec',
  'hstore',
  'simple-array',
  'simple-json',
  'simple-enum',
  'enum',
  'cube',
]);

/**
 * A function that copies one raw row's columns onto a new entity, written out column by column: with
 * the keys as literals, every read and write is a fixed-shape property access V8 can optimise, where a
 * loop over the keys is a slow generic lookup per column (most of the cost of a list row). The keys are
 * the entity's own column and property names, from its metadata, never from a request.
 */
function compileEntityReader(
  prototype: object,
  columns: Array<[string, ColumnMetadata]>,
  convert: (value: unknown, column: ColumnMetadata) => unknown,
): (raw: Raw) => ObjectLiteral {
  const steps = columns.map(([key, column], index) => {
    const value = column.transformer !== undefined || CONVERTED_TYPES.has(column.type) ? `convert(value, columns[${index}][1])` : 'value';
    return `value = raw[${JSON.stringify(key)}]; if (value !== undefined) entity[${JSON.stringify(column.propertyName)}] = ${value};`;
  });
  const factory = new Function(
    'prototype',
    'columns',
    'convert',
    `return function readEntity(raw) { const entity = Object.create(prototype); let value; ${steps.join(' ')} return entity; };`,
  );
  return factory(prototype, columns, convert) as (raw: Raw) => ObjectLiteral;
}

/** The reader for the builder's entity and alias, or null where the query or the entity needs TypeORM's path. */
function hydratorFor<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>): Hydrator<T> | null {
  if (!readsWholeRowsOnly(builder)) return null;
  const alias = builder.expressionMap.mainAlias!;
  const metadata = alias.metadata;
  let byAlias = hydrators.get(metadata);
  if (!byAlias) hydrators.set(metadata, (byAlias = new Map()));
  if (!byAlias.has(alias.name)) {
    const driver = builder.dataSource.driver;
    const columns: Array<[string, ColumnMetadata]> = metadata.columns
      .filter((column) => !column.isVirtual)
      .map((column) => [`${alias.name}_${column.databaseName}`, column]);
    const prototype = (metadata.target as { prototype: object }).prototype;
    const primaryKeys = metadata.primaryColumns.map((column) => `${alias.name}_${column.databaseName}`);
    byAlias.set(
      alias.name,
      readableColumnByColumn(metadata, columns, driver.maxAliasLength)
        ? {
            entity: compileEntityReader(prototype, columns, (value, column) => driver.prepareHydratedValue(value, column)),
            identity: (raw) => primaryKeys.map((key) => String(raw[key])).join('\u0000'),
          }
        : null,
    );
  }
  return byAlias.get(alias.name) as Hydrator<T> | null;
}

/**
 * `builder.getMany()` for a query that reads one entity's whole rows, turning each raw row into the
 * entity directly. TypeORM's general transformer (grouping rows by id for joins, relation ids, counts)
 * was the largest single cost of a list request: a tenth of the API's CPU on a page of 50 applications.
 * Entities come out as `getMany()` makes them (same prototype, same converted values); any other query
 * is handed to `getMany()`.
 */
export async function readEntities<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>): Promise<T[]> {
  const hydrator = hydratorFor(builder);
  if (!hydrator) return builder.getMany();
  const rows = await builder.getRawMany<Raw>();
  if (builder.expressionMap.joinAttributes.length === 0) return rows.map(hydrator.entity);
  const seen = new Set<string>();
  const entities: T[] = [];
  for (const raw of rows) {
    const identity = hydrator.identity(raw);
    if (seen.has(identity)) continue;
    seen.add(identity);
    entities.push(hydrator.entity(raw));
  }
  return entities;
}

/** `builder.getOne()` by the same path as {@link readEntities}. */
export async function readEntity<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>): Promise<T | null> {
  const hydrator = hydratorFor(builder);
  if (!hydrator) return builder.getOne();
  const raw = await builder.getRawOne<Raw>();
  return raw === undefined ? null : hydrator.entity(raw);
}

interface CompiledRead<T> {
  sql: string;
  /** The parameter names in the order of the SQL's `$1`, `$2` … */
  order: string[];
  entity: (raw: Raw) => T;
}

/**
 * A read of one entity's whole rows by named parameters, whose SQL depends on the query's shape and
 * never on the values: TypeORM builds the SQL once per data source, and each read runs it with the
 * values and copies the row as {@link readEntity} does. Building the query again for every case
 * detail (aliases, escaping, property names) was a tenth of the request's CPU. A query that
 * `readEntity` would hand to TypeORM, or whose parameters are not all named here, is built and run by
 * TypeORM every time.
 */
export class PreparedRead<T extends ObjectLiteral> {
  private readonly compiled = new WeakMap<DataSource, CompiledRead<T> | null>();

  constructor(
    private readonly parameters: readonly string[],
    private readonly build: (manager: EntityManager) => SelectQueryBuilder<T>,
  ) {}

  /** The first row for these values, or null; runs inside the manager's transaction if it has one. */
  async one(manager: EntityManager, values: Record<string, unknown>): Promise<T | null> {
    const compiled = this.compile(manager);
    if (!compiled) return readEntity(this.build(manager).setParameters(values));
    const rows: Raw[] = await manager.query(
      compiled.sql,
      compiled.order.map((name) => values[name]),
    );
    return rows.length === 0 ? null : compiled.entity(rows[0]);
  }

  private compile(manager: EntityManager): CompiledRead<T> | null {
    if (this.compiled.has(manager.dataSource)) return this.compiled.get(manager.dataSource)!;
    const builder = this.build(manager);
    const hydrator = hydratorFor(builder);
    // Each parameter is given a value that names it, so its place in TypeORM's `$n` list can be read off.
    const marks = new Map(this.parameters.map((name) => [`\u0000parameter:${name}`, name]));
    const [sql, values] = builder.setParameters(Object.fromEntries([...marks].map(([mark, name]) => [name, mark]))).getQueryAndParameters();
    const order = values.map((value) => (typeof value === 'string' ? marks.get(value) : undefined));
    const compiled = hydrator && order.every((name) => name !== undefined) ? { sql, order: order as string[], entity: hydrator.entity } : null;
    this.compiled.set(manager.dataSource, compiled);
    return compiled;
  }
}
